import { getSearchDocument, searchDocumentRefInput } from "@coop/core";
import { publicProcedure } from "../../trpc.ts";

/** One network-visible search document by kind and id (NOT_FOUND otherwise). */
export const document = publicProcedure.input(searchDocumentRefInput).query(({ ctx, input }) => getSearchDocument(ctx.db, input));
