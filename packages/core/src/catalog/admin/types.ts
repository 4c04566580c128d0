import type { ProductStatus, ProductUnit } from "@coop/db";

/** A product as the co-op's back office sees it (archived and hidden ones included). */
export interface AdminProduct {
  id: string;
  nameTh: string;
  nameEn: string | null;
  descriptionTh: string | null;
  descriptionEn: string | null;
  /** Integer satang (1 baht = 100 satang). */
  priceSatang: number;
  unit: ProductUnit;
  stock: number;
  status: ProductStatus;
  categoryId: string | null;
  /** "YYYY-MM", the month the harvest is expected. */
  expectedHarvest: string | null;
  /** ISO timestamps */
  archivedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

/** A row of the back-office product list (no descriptions). */
export type AdminProductSummary = Omit<AdminProduct, "descriptionTh" | "descriptionEn">;

export interface AdminProductPage {
  items: AdminProductSummary[];
  /** How many products match the filters, across all pages. */
  total: number;
}

export interface StockMovementView {
  id: string;
  delta: number;
  reason: string;
  /** Stock right after this movement (null for movements recorded before it was kept). */
  stockAfter: number | null;
  createdAt: string;
  actor: { id: string; displayName: string } | null;
}

export interface StockAdjustment {
  product: AdminProduct;
  movement: StockMovementView;
}

export interface CategoryOption {
  id: string;
  parentId: string | null;
  nameTh: string;
  nameEn: string;
}

export type ChecklistKey = "logo" | "story" | "promptpay" | "products" | "first_article";

export interface ChecklistItem {
  key: ChecklistKey;
  done: boolean;
  /** False for a step whose feature does not exist yet (shown as "coming", never as a to-do). */
  available: boolean;
  /** For counted steps, e.g. products: 2 of 3. */
  progress?: { current: number; target: number };
}

export interface Dashboard {
  /** Available products with stock at or below `lowStockThreshold`, fewest first. */
  lowStock: Array<Pick<AdminProduct, "id" | "nameTh" | "nameEn" | "stock" | "unit">>;
  lowStockThreshold: number;
  /** Non-archived products by status, plus archived ones on their own. */
  productCounts: Record<ProductStatus, number> & { archived: number; total: number };
  checklist: ChecklistItem[];
  /** Orders do not exist yet: null (not zeros) so the page can say so. */
  /** Orders and sales (integer satang) today and this month in Asia/Bangkok; cancelled and refunded excluded. */
  orders: {
    today: { count: number; salesSatang: number };
    month: { count: number; salesSatang: number };
    awaitingPayment: number;
  } | null;
}
