import { getMarketplaceOrder, marketOrderInput } from "@coop/core";
import { networkProcedure } from "../staff/procedure.ts";
import { marketLinks } from "./cart.ts";

/** The customer's marketplace order behind its private link: every co-op's part, with links and how to pay each. */
export const get = networkProcedure.input(marketOrderInput).query(({ ctx, input }) => getMarketplaceOrder(ctx.db, input.token, marketLinks(ctx)));
