import { router } from "../../trpc.ts";
import { add, get as getCart, remove, update } from "./cart.ts";
import { options as checkoutOptions, place } from "./checkout.ts";
import { list } from "./list.ts";
import { options } from "./options.ts";
import { get as getOrder } from "./orders.ts";

/**
 * The network marketplace (issue 7): browse and search every active co-op's products (any host);
 * on the network host, one cart across co-ops, a checkout that places one order per co-op (all
 * or none), and the marketplace order behind the customer's link.
 */
export const marketRouter = router({
  list,
  options,
  cart: router({ get: getCart, add, update, remove }),
  checkout: router({ options: checkoutOptions, place }),
  orders: router({ get: getOrder }),
});
