import { router } from "../../trpc.ts";
import { add, get, remove, update } from "./procedures.ts";

/** The guest cart of the Host's co-op, kept by a host-only cookie. */
export const cartRouter = router({ get, add, update, remove });
