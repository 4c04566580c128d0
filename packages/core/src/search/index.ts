// Public entry of the search domain: the index every findable thing writes to, and the queries.
export { indexDocument, removeDocument } from "./index-document.ts";
export type { SearchDocumentInput } from "./index-document.ts";
