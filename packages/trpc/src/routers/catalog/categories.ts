import { listCatalogueCategories } from "@coop/core";
import { coopProcedure } from "../../trpc.ts";

/** The categories this co-op has visible products in (for the catalogue's filter). */
export const categories = coopProcedure.query(({ ctx }) => listCatalogueCategories(ctx.db, ctx.tenant.id));
