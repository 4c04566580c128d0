import { searchNetwork, searchNetworkInput } from "@coop/core";
import { publicProcedure } from "../../trpc.ts";

/** The network site's search: everything shared with the network, ranked, with facets per kind. */
export const network = publicProcedure.input(searchNetworkInput).query(({ ctx, input }) => searchNetwork(ctx.db, input));
