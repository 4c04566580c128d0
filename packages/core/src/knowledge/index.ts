// Public entry of the knowledge domain: co-ops' articles, their files, and the public reads.
export * from "./schemas.ts";
export type * from "./types.ts";
export { renderArticleHtml, sanitizeArticleHtml, articlePlainText, parseVideoUrl } from "./render.ts";
export {
  createArticle, updateArticle, setArticleStatus, setArticleShared, deleteArticle, getAdminArticle, listAdminArticles, previewArticle, syncArticleIndex,
} from "./articles.ts";
export {
  addArticleImage, addArticlePdf, listArticleFiles, removeArticleFile, readArticleFile, isPdf, cleanFileName, MAX_PDF_BYTES, ARTICLE_IMAGE_VARIANTS,
} from "./files.ts";
export type { ArticleFileDownload, AddArticleFileInput } from "./files.ts";
export { articleFileUrl, ARTICLE_FILE_PATH_PREFIX } from "./files-shared.ts";
export { listSiteArticles, getSiteArticle, listNetworkArticles, getNetworkArticle, latestKnowledgeForCrops } from "./public.ts";
export { seedDemoKnowledge } from "./demo.ts";
export { listKnowledgeCrops, articleFormOptions } from "./options.ts";
export type { KnowledgeCrop } from "./options.ts";
