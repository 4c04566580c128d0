// Thai-aware text analysis for the search index: word segmentation, query building, highlighting.
export { segmentWords, tokenString } from "./segment.ts";
export { parseQuery, MAX_QUERY_CHARS, MAX_QUERY_WORDS } from "./query.ts";
export type { ParsedQuery } from "./query.ts";
export { highlight, snippet } from "./highlight.ts";
export type { TextSegment } from "./highlight.ts";
export { synonymTokens } from "./synonyms.ts";
