import { searchNetwork, searchNetworkInput } from "@coop/core";
import { publicProcedure } from "../../trpc.ts";
import { limitSearch } from "./limits.ts";

/** The network site's search: everything shared with the network, ranked, with facets per kind. */
export const network = publicProcedure.input(searchNetworkInput).query(async ({ ctx, input }) => {
  await limitSearch(ctx);
  return searchNetwork(ctx.db, input);
});
