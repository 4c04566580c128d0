import { getNetworkArticle, latestForCropsInput, latestKnowledgeForCrops, listKnowledgeCrops, listNetworkArticles, listNetworkArticlesInput } from "@coop/core";
import { z } from "zod";
import { publicProcedure } from "../../trpc.ts";

export const networkListInput = listNetworkArticlesInput;
export const networkGetInput = z.object({ tenantSlug: z.string().max(63), articleId: z.string().max(64) });

/** Published, shared articles of every co-op. */
export const networkList = publicProcedure.input(networkListInput).query(({ ctx, input }) => listNetworkArticles(ctx.db, input));

/** One shared article with its co-op; null for drafts, unshared articles and unknown ids. */
export const networkGet = publicProcedure.input(networkGetInput).query(({ ctx, input }) => getNetworkArticle(ctx.db, input.tenantSlug, input.articleId));

/** Newest shared knowledge about any of the crops; on a co-op's site, other co-ops' articles. */
export const latestForCrops = publicProcedure
  .input(latestForCropsInput)
  .query(({ ctx, input }) => latestKnowledgeForCrops(ctx.db, input.crops, input.limit, ctx.site.kind === "coop" ? ctx.site.tenant.id : undefined));

/** The crop/product tags with their names. */
export const crops = publicProcedure.query(({ ctx }) => listKnowledgeCrops(ctx.db));
