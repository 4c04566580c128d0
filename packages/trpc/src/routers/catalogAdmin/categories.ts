import { listCategories } from "@coop/core";
import { memberProcedure } from "../../trpc.ts";

/** The shared product categories, for the product form's select. */
export const categories = memberProcedure("products.edit").query(async ({ ctx }) => ({ items: await listCategories(ctx.db) }));
