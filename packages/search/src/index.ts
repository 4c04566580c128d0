// Thai-aware text analysis for the search index: word segmentation, query building, highlighting.
export { segmentWords, tokenString } from "./segment.ts";
