import { searchFilterOptions } from "@coop/core";
import { publicProcedure } from "../../trpc.ts";

/** The crop and province choices of the search filters. */
export const filters = publicProcedure.query(({ ctx }) => searchFilterOptions(ctx.db));
