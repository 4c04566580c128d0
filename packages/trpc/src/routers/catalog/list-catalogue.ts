import { CATALOGUE_SORTS, listCatalogue as list, MAX_QUERY_LENGTH } from "@coop/core";
import { z } from "zod";
import { coopProcedure } from "../../trpc.ts";

export const CATALOGUE_PAGE_SIZE = 24;

export const listCatalogueInput = z
  .object({
    // Longer text is cut rather than refused: it comes from a URL anyone can type.
    q: z.string().max(500).transform((v) => v.slice(0, MAX_QUERY_LENGTH)).optional(),
    categoryId: z.string().trim().max(64).optional(),
    sort: z.enum(CATALOGUE_SORTS).default("newest"),
    page: z.number().int().min(1).max(500).default(1),
    pageSize: z.number().int().min(1).max(60).default(CATALOGUE_PAGE_SIZE),
  })
  .default({ sort: "newest", page: 1, pageSize: CATALOGUE_PAGE_SIZE });

/** One page of the co-op's catalogue: search, category filter, sorting. */
export const listCatalogue = coopProcedure
  .input(listCatalogueInput)
  .query(({ ctx, input }) => list(ctx.db, ctx.tenant.id, { ...input, categoryId: input.categoryId || undefined }));
