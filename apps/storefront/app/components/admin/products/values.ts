import type { MessageKey } from "@coop/i18n";
import type { WebLoadContext } from "@coop/trpc";

type CatalogAdmin = WebLoadContext["trpc"]["catalogAdmin"];
/** A product as `catalogAdmin.get` returns it. */
export type AdminProduct = Awaited<ReturnType<CatalogAdmin["get"]>>;
/** A row of `catalogAdmin.list`. */
export type AdminProductRow = Awaited<ReturnType<CatalogAdmin["list"]>>["items"][number];
export type Category = Awaited<ReturnType<CatalogAdmin["categories"]>>["items"][number];
export type StockMovement = Awaited<ReturnType<CatalogAdmin["stockHistory"]>>["items"][number];
export type ProductStatus = AdminProduct["status"];

export const PRODUCT_STATUSES = ["available", "sold_out", "coming_soon", "hidden"] as const satisfies readonly ProductStatus[];

export function isProductStatus(value: unknown): value is ProductStatus {
  return typeof value === "string" && (PRODUCT_STATUSES as readonly string[]).includes(value);
}

export const STATUS_LABEL = {
  available: "admin.products.status.available",
  sold_out: "admin.products.status.sold_out",
  coming_soon: "admin.products.status.coming_soon",
  hidden: "admin.products.status.hidden",
} as const satisfies Record<ProductStatus, MessageKey>;

/** The product form's fields, by their names in the form and in the procedures' input. */
export const PRODUCT_FIELDS = [
  "nameTh", "nameEn", "descriptionTh", "descriptionEn", "price", "unit", "categoryId", "status", "expectedHarvest", "initialStock",
] as const;
export type ProductField = (typeof PRODUCT_FIELDS)[number];
/** What the form shows: always strings, exactly as typed (kept when the server refuses them). */
export type ProductFormValues = Record<ProductField, string>;

export const EMPTY_PRODUCT: ProductFormValues = {
  nameTh: "", nameEn: "", descriptionTh: "", descriptionEn: "", price: "", unit: "kg", categoryId: "", status: "available", expectedHarvest: "", initialStock: "",
};

/** Integer satang → the price box's text: "1250.50", "45". */
export function satangToBahtInput(satang: number): string {
  const baht = Math.trunc(satang / 100);
  const rest = satang % 100;
  return rest === 0 ? String(baht) : `${baht}.${String(rest).padStart(2, "0")}`;
}

export function productToValues(product: AdminProduct): ProductFormValues {
  return {
    nameTh: product.nameTh,
    nameEn: product.nameEn ?? "",
    descriptionTh: product.descriptionTh ?? "",
    descriptionEn: product.descriptionEn ?? "",
    price: satangToBahtInput(product.priceSatang),
    unit: product.unit,
    categoryId: product.categoryId ?? "",
    status: product.status,
    expectedHarvest: product.expectedHarvest ?? "",
    initialStock: "",
  };
}

export function readProductForm(form: FormData): ProductFormValues {
  const values = { ...EMPTY_PRODUCT };
  for (const field of PRODUCT_FIELDS) {
    const value = form.get(field);
    values[field] = typeof value === "string" ? value : "";
  }
  return values;
}

/**
 * The form as `catalogAdmin.create` / `update` input: strings go as typed (the server parses
 * prices and numbers, so its messages are the ones shown), except the few select boxes.
 */
export function productInput(values: ProductFormValues) {
  const { initialStock: _stock, ...fields } = values;
  return { ...fields, status: isProductStatus(values.status) ? values.status : undefined, unit: values.unit as AdminProduct["unit"] };
}

export type StockView = "archived" | "hidden" | "coming_soon" | "sold_out" | "low" | "in_stock";

/** At or below this many units an available product is "running low" (as on the dashboard). */
export const LOW_STOCK = 5;

/** Which badge a product wears in the back office. */
export function stockView(product: Pick<AdminProduct, "status" | "stock" | "archivedAt">): StockView {
  if (product.archivedAt) return "archived";
  if (product.status === "hidden") return "hidden";
  if (product.status === "coming_soon") return "coming_soon";
  if (product.status === "sold_out" || product.stock <= 0) return "sold_out";
  return product.stock <= LOW_STOCK ? "low" : "in_stock";
}

/** The back-office list's query string ↔ `catalogAdmin.list` input. */
export const PAGE_SIZE = 20;
export const SORTS = ["updated", "newest", "name", "price_asc", "price_desc", "stock"] as const;
export type Sort = (typeof SORTS)[number];

export interface ListQuery {
  q: string;
  status: ProductStatus | "";
  categoryId: string;
  archived: boolean;
  sort: Sort;
  page: number;
}

export function readListQuery(url: URL): ListQuery {
  const p = url.searchParams;
  const status = p.get("status") ?? "";
  const sort = p.get("sort") ?? "updated";
  const category = p.get("category") ?? "";
  const page = Number.parseInt(p.get("page") ?? "1", 10);
  return {
    q: (p.get("q") ?? "").trim().slice(0, 100),
    status: isProductStatus(status) ? status : "",
    categoryId: /^[a-z0-9-]{1,60}$/.test(category) ? category : "",
    archived: p.get("archived") === "1",
    sort: (SORTS as readonly string[]).includes(sort) ? (sort as Sort) : "updated",
    page: Number.isFinite(page) && page >= 1 && page <= 5000 ? page : 1,
  };
}

export function listInput(query: ListQuery) {
  return {
    ...(query.q ? { q: query.q } : {}),
    ...(query.status ? { status: query.status } : {}),
    ...(query.categoryId ? { categoryId: query.categoryId } : {}),
    archived: query.archived ? ("archived" as const) : ("active" as const),
    sort: query.sort,
    limit: PAGE_SIZE,
    offset: (query.page - 1) * PAGE_SIZE,
  };
}

/** The list page's URL for `query` (defaults left out, so links stay short). */
export function listHref(query: ListQuery): string {
  const p = new URLSearchParams();
  if (query.q) p.set("q", query.q);
  if (query.status) p.set("status", query.status);
  if (query.categoryId) p.set("category", query.categoryId);
  if (query.archived) p.set("archived", "1");
  if (query.sort !== "updated") p.set("sort", query.sort);
  if (query.page > 1) p.set("page", String(query.page));
  const search = p.toString();
  return search ? `/admin/products?${search}` : "/admin/products";
}

/** Stock movement reasons the system writes itself (people's reasons are shown as typed). */
const SYSTEM_REASONS = {
  initial_stock: "admin.products.stock.reason.initial",
} as const satisfies Record<string, MessageKey>;

/** The message for a reason the system wrote, or undefined for a person's own words. */
export function systemReason(reason: string): (typeof SYSTEM_REASONS)[keyof typeof SYSTEM_REASONS] | undefined {
  return Object.hasOwn(SYSTEM_REASONS, reason) ? SYSTEM_REASONS[reason as keyof typeof SYSTEM_REASONS] : undefined;
}

/** "+5", "−3" (a real minus sign, easier to read than a hyphen). */
export function formatDelta(delta: number): string {
  return delta > 0 ? `+${delta}` : `−${Math.abs(delta)}`;
}

/** The stock form → `catalogAdmin.adjustStock` delta: a direction and an amount (as typed). */
export function stockDelta(direction: string, quantity: string): string {
  const amount = quantity.trim();
  if (amount === "") return "";
  // The direction gives the sign; an amount with its own sign (or none of digits) is refused by the server.
  if (!/^[0-9๐-๙,]+$/.test(amount)) return "invalid";
  return direction === "remove" ? `-${amount}` : amount;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** A product id in a URL that cannot be one is simply "not found". */
export function isProductId(value: string | undefined): value is string {
  return typeof value === "string" && UUID.test(value);
}
