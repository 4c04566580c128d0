import { KNOWLEDGE_TOPICS, SEARCH_KINDS } from "@coop/db";
import { MAX_QUERY_CHARS } from "@coop/search";
import { z } from "zod";

export const MAX_SEARCH_PAGE = 200;
export const MAX_SEARCH_PAGE_SIZE = 50;

const common = {
  q: z.string().max(MAX_QUERY_CHARS, { error: "search.errors.query_too_long" }),
  page: z.number().int().min(1).max(MAX_SEARCH_PAGE).default(1),
  pageSize: z.number().int().min(1).max(MAX_SEARCH_PAGE_SIZE).default(20),
};

/** A network-wide search: the words, the kinds wanted (all when absent) and the filters. */
export const searchNetworkInput = z.object({
  ...common,
  kinds: z.array(z.enum(SEARCH_KINDS)).min(1).max(SEARCH_KINDS.length).optional(),
  topic: z.enum(KNOWLEDGE_TOPICS).optional(),
  crop: z.string().regex(/^[a-z0-9-]{1,40}$/).optional(),
  provinceCode: z.number().int().min(1).max(999).optional(),
});
export type SearchNetworkInput = z.input<typeof searchNetworkInput>;

/** A search of one co-op's own site (its published articles and seminars, its listed products). */
export const searchSiteInput = z.object({
  ...common,
  kinds: z.array(z.enum(["article", "seminar", "product"])).min(1).max(3).optional(),
});
export type SearchSiteInput = z.input<typeof searchSiteInput>;

/** One indexed thing, by kind and id. */
export const searchDocumentRefInput = z.object({ kind: z.enum(SEARCH_KINDS), refId: z.uuid() });
export type SearchDocumentRefInput = z.infer<typeof searchDocumentRefInput>;
