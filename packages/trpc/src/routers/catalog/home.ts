import { coopCrops, listHomeProducts } from "@coop/core";
import { coopProcedure } from "../../trpc.ts";

/** The home page's featured and in-season products, and the co-op's crops (for its knowledge block). */
export const home = coopProcedure.query(async ({ ctx }) => ({
  ...(await listHomeProducts(ctx.db, ctx.tenant.id)),
  crops: await coopCrops(ctx.db, ctx.tenant.id),
}));
