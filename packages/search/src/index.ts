// Thai-aware text analysis for the search index: word segmentation, query building, highlighting.
export {};
