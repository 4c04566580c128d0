import { router } from "../../trpc.ts";
import { options } from "./options.ts";
import { place } from "./place.ts";

/** Guest checkout on the Host's co-op site. */
export const checkoutRouter = router({ options, place });
