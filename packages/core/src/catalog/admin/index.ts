// The co-op back office's catalogue: products, stock and the dashboard.
export { parseBahtToSatang, MAX_PRICE_SATANG } from "./price.ts";
export type { PriceParse, PriceProblem } from "./price.ts";
export {
  priceSchema, productIdSchema, createProductInput, updateProductInput, productRefInput, adjustStockInput,
  listAdminProductsInput, stockHistoryInput, ADMIN_PRODUCT_SORTS, MAX_STOCK,
} from "./schemas.ts";
export type {
  CreateProductInput, UpdateProductInput, ProductRefInput, AdjustStockInput, ListAdminProductsInput, StockHistoryInput, AdminProductSort,
} from "./schemas.ts";
export { createProduct } from "./create-product.ts";
export { updateProduct } from "./update-product.ts";
export { archiveProduct } from "./archive-product.ts";
export { restoreProduct } from "./restore-product.ts";
export { getAdminProduct } from "./get-admin-product.ts";
export { listAdminProducts } from "./list-admin-products.ts";
export { adjustStock } from "./adjust-stock.ts";
export { listStockMovements } from "./list-stock-movements.ts";
export { listCategories } from "./list-categories.ts";
export { getDashboard, DASHBOARD_LOW_STOCK, DASHBOARD_PRODUCT_TARGET } from "./get-dashboard.ts";
export type {
  AdminProduct, AdminProductSummary, AdminProductPage, StockMovementView, StockAdjustment, CategoryOption,
  ChecklistKey, ChecklistItem, Dashboard,
} from "./types.ts";
export { getProductShowcase, productShowcaseInput, setProductShowcase } from "./showcase.ts";
export type { ProductShowcase, ProductShowcaseInput } from "./showcase.ts";
