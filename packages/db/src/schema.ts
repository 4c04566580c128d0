import type { ColumnType, Insertable, Selectable, Updateable } from "kysely";

/** A column the database fills in (defaults) but that can be given on insert. */
type Generated<T> = ColumnType<T, T | undefined, T>;
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

/** Units a product is sold by; labels are translated in @coop/i18n. */
export const PRODUCT_UNITS = [
  "kg", "g", "bag", "crate", "box", "piece", "bottle", "pack", "bunch", "dozen", "litre", "tray", "sack",
] as const;
export type ProductUnit = (typeof PRODUCT_UNITS)[number];

export const TENANT_STATUSES = ["pending", "active", "suspended"] as const;
export type TenantStatus = (typeof TENANT_STATUSES)[number];

export const PRODUCT_STATUSES = ["available", "sold_out", "coming_soon", "hidden"] as const;
export type ProductStatus = (typeof PRODUCT_STATUSES)[number];

// ---- Reference tables (shared by every tenant; Citus reference tables) ----

export interface RegionsTable {
  id: number;
  name_th: string;
  name_en: string;
  seat_province_code: number;
}

export interface ProvincesTable {
  code: number;
  name_th: string;
  name_en: string;
  region_id: number;
}

// ---- Platform tables ----

export interface TenantsTable {
  id: Generated<string>;
  slug: string;
  name_th: string;
  name_en: string | null;
  registration_no: string | null;
  story_th: string | null;
  story_en: string | null;
  status: Generated<TenantStatus>;
  province_code: number;
  region_id: number;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface UsersTable {
  id: Generated<string>;
  /** Stored lower-cased; unique. */
  email: string;
  display_name: string;
  password_hash: string;
  email_verified_at: Timestamp | null;
  created_at: Generated<Date>;
}

export interface StaffRegionsTable {
  user_id: string;
  region_id: number;
  created_at: Generated<Date>;
}

// ---- Tenant-owned tables: primary key (tenant_id, id), RLS forced ----

export interface ProductsTable {
  tenant_id: string;
  id: Generated<string>;
  name_th: string;
  name_en: string | null;
  description_th: string | null;
  description_en: string | null;
  price_satang: number;
  unit: ProductUnit;
  stock: Generated<number>;
  status: Generated<ProductStatus>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface StockMovementsTable {
  tenant_id: string;
  id: Generated<string>;
  product_id: string;
  delta: number;
  reason: string;
  created_at: Generated<Date>;
}

/** The one description of the schema the application code sees. */
export interface Database {
  regions: RegionsTable;
  provinces: ProvincesTable;
  tenants: TenantsTable;
  users: UsersTable;
  staff_regions: StaffRegionsTable;
  products: ProductsTable;
  stock_movements: StockMovementsTable;
}

/** Tables that hold one co-op's data; each must have RLS forced (checked by a test). */
export const TENANT_TABLES = ["products", "stock_movements"] as const;

export type Tenant = Selectable<TenantsTable>;
export type NewTenant = Insertable<TenantsTable>;
export type TenantUpdate = Updateable<TenantsTable>;
export type Product = Selectable<ProductsTable>;
export type NewProduct = Insertable<ProductsTable>;
export type ProductUpdate = Updateable<ProductsTable>;
export type User = Selectable<UsersTable>;
export type NewUser = Insertable<UsersTable>;
export type StockMovement = Selectable<StockMovementsTable>;
export type Region = Selectable<RegionsTable>;
export type Province = Selectable<ProvincesTable>;
