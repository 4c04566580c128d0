import { router } from "../../trpc.ts";
import { promptPayQr } from "./promptpay-qr.ts";
import { track } from "./track.ts";

/** What customers see of their orders (no sign-in: the tracking link is the key). */
export const ordersRouter = router({ track, promptPayQr });
