import { router } from "../../trpc.ts";
import { csv, get, list, refund, transition } from "./procedures.ts";

/** The co-op back office's orders: every procedure acts for the Host's co-op and needs orders.manage. */
export const ordersAdminRouter = router({ list, get, transition, refund, csv });
