// Public entry of the search domain: the index every findable thing writes to, and the queries.
export { indexDocument, removeDocument } from "./index-document.ts";
export type { SearchDocumentInput } from "./index-document.ts";
export { indexProduct, reindexTenantProducts, reindexAllProducts } from "./products.ts";
export { searchNetwork, searchSite, getSearchDocument, searchFilterOptions, TRIGRAM_THRESHOLD } from "./search.ts";
export type { SearchHit, SearchResult, SearchDocumentView, SearchFilterOptions } from "./search.ts";
export {
  searchNetworkInput, searchSiteInput, searchDocumentRefInput, MAX_SEARCH_PAGE, MAX_SEARCH_PAGE_SIZE,
} from "./schemas.ts";
export type { SearchNetworkInput, SearchSiteInput, SearchDocumentRefInput } from "./schemas.ts";
