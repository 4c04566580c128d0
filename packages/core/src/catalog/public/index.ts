export { listCatalogue, normaliseQuery, MAX_QUERY_LENGTH } from "./list-catalogue.ts";
export { getPublicProduct } from "./get-public-product.ts";
export { listCatalogueCategories } from "./categories.ts";
export { getCoopContact } from "./contact.ts";
export { toPublicPhoto } from "./photos.ts";
export { CATALOGUE_SORTS } from "./types.ts";
export type { CatalogueCategory, CatalogueQuery, CataloguePage, CatalogueSort, CoopContact, PublicProductDetail } from "./types.ts";
export { listHomeProducts, bangkokMonth, coopCrops, HOME_BLOCK_SIZE } from "./home.ts";
export type { HomeProducts } from "./home.ts";
