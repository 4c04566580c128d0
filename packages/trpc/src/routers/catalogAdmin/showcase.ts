import { getProductShowcase, productRefInput, productShowcaseInput, setProductShowcase } from "@coop/core";
import { memberProcedure } from "../../trpc.ts";

/** Whether a product is featured on the home page, and the months it is in season. */
export const showcase = memberProcedure("products.edit")
  .input(productRefInput)
  .query(({ ctx, input }) => getProductShowcase(ctx.db, ctx.tenant.id, input.productId));

export const setShowcase = memberProcedure("products.edit")
  .input(productShowcaseInput)
  .mutation(({ ctx, input }) => setProductShowcase(ctx.db, { tenantId: ctx.tenant.id, actorUserId: ctx.user.id, ...input }));
