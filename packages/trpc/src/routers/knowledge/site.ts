import { getSiteArticle, listSiteArticles, listSiteArticlesInput } from "@coop/core";
import { z } from "zod";
import { coopProcedure } from "../../trpc.ts";

export const siteListInput = listSiteArticlesInput;
export const siteGetInput = z.object({ articleId: z.string().max(64) });

/** The Host co-op's published articles, for its own site. */
export const siteList = coopProcedure.input(siteListInput).query(({ ctx, input }) => listSiteArticles(ctx.db, ctx.tenant.id, input));

/** One published article of the Host co-op; null when there is none (drafts, other co-ops' ids). */
export const siteGet = coopProcedure.input(siteGetInput).query(({ ctx, input }) => getSiteArticle(ctx.db, ctx.tenant.id, input.articleId));
