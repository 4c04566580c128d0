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
  /** New co-ops of this region stay pending until staff approve them (0008). */
  requires_approval: Generated<boolean>;
  /** Platform fee on Stripe payments of the region's co-ops, in basis points; null = the default (0010). */
  stripe_fee_bps: number | null;
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
  contact_name: string | null;
  contact_email: string | null;
  phone: string | null;
  line_id: string | null;
  facebook_url: string | null;
  theme_color: Generated<string>;
  logo_key: string | null;
  cover_key: string | null;
  address_line: string | null;
  address_subdistrict: string | null;
  address_district: string | null;
  address_province_code: number | null;
  address_postcode: string | null;
  opening_hours: string | null;
  /** A 10-digit mobile number (0XXXXXXXXX) or a 13-digit tax/citizen id. */
  promptpay_id: string | null;
  bank_name: string | null;
  bank_account_no: string | null;
  bank_account_name: string | null;
  pickup_enabled: Generated<boolean>;
  local_delivery_enabled: Generated<boolean>;
  local_delivery_fee_satang: Generated<number>;
  parcel_enabled: Generated<boolean>;
  parcel_fee_satang: Generated<number>;
  promptpay_enabled: Generated<boolean>;
  bank_transfer_enabled: Generated<boolean>;
  cod_enabled: Generated<boolean>;
  /** LINE Messaging API channel access token; with line_notify_user_id, orders are pushed to LINE. */
  line_channel_token: string | null;
  /** The LINE user or group id order notices are pushed to. */
  line_notify_user_id: string | null;
  /** Where order notices are e-mailed; falls back to contact_email. */
  order_email: string | null;
  /** Crop codes (see `crops`) the co-op grows or sells; picks the network knowledge it is shown. */
  crops: Generated<string[]>;
  /** Parcel fee per zone of the customer's province (see core's parcelZoneOf); null = no parcels there. */
  parcel_fee_province_satang: number | null;
  parcel_fee_bangkok_satang: number | null;
  parcel_fee_region_satang: number | null;
  parcel_fee_country_satang: number | null;
  /** Set by staff on suspension (0008); cleared on restore. */
  suspended_reason: string | null;
  suspended_at: Timestamp | null;
  suspended_by: string | null;
  approved_at: Timestamp | null;
  approved_by: string | null;
  /** Platform fee on this co-op's Stripe payments, in basis points; null = the region's (0010). */
  stripe_fee_bps: number | null;
}

export interface UsersTable {
  id: Generated<string>;
  /** Stored lower-cased; unique. */
  email: string;
  display_name: string;
  password_hash: string;
  email_verified_at: Timestamp | null;
  created_at: Generated<Date>;
  locale: Generated<"th" | "en">;
  last_login_at: Timestamp | null;
  password_changed_at: Generated<Date>;
}

export interface SessionsTable {
  id: Generated<string>;
  /** Hex SHA-256 of the random token; the token itself is never stored. */
  token_hash: string;
  user_id: string;
  host: string;
  user_agent: string | null;
  ip: string | null;
  created_at: Generated<Date>;
  last_seen_at: Generated<Date>;
  expires_at: Timestamp;
}

export const USER_TOKEN_PURPOSES = ["verify_email", "reset_password", "handoff"] as const;
export type UserTokenPurpose = (typeof USER_TOKEN_PURPOSES)[number];

export interface UserTokensTable {
  token_hash: string;
  user_id: string;
  purpose: UserTokenPurpose;
  /** For a handoff: the co-op whose site the new session is for. */
  target_tenant_id: string | null;
  created_at: Generated<Date>;
  expires_at: Timestamp;
  used_at: Timestamp | null;
}

export interface RateLimitsTable {
  key: string;
  window_start: Timestamp;
  hits: Generated<number>;
}

export interface OutboxTable {
  id: Generated<number>;
  /** The co-op this message is about, if any (for operators; not a tenant-owned row). */
  for_tenant_id: string | null;
  kind: string;
  payload: ColumnType<unknown, string, string>;
  created_at: Generated<Date>;
  available_at: Generated<Date>;
  attempts: Generated<number>;
  locked_until: Timestamp | null;
  last_error: string | null;
  processed_at: Timestamp | null;
}

export interface DevMailboxTable {
  id: Generated<number>;
  /** The outbox row this e-mail came from; unique, so a retried delivery is stored once. */
  outbox_id: number | null;
  to_address: string;
  subject: string;
  text_body: string;
  html_body: string;
  created_at: Generated<Date>;
}

export interface ProductCategoriesTable {
  id: string;
  parent_id: string | null;
  name_th: string;
  name_en: string;
  position: Generated<number>;
}

export interface PlatformAdminsTable {
  user_id: string;
  created_at: Generated<Date>;
}

/** Every staff action (approve, suspend, restore, ...); read by platform administrators. */
export interface StaffAuditEventsTable {
  id: Generated<string>;
  actor_user_id: string | null;
  action: string;
  region_id: number | null;
  /** The co-op the action was about (not `tenant_id`: this platform table has no RLS). */
  subject_tenant_id: string | null;
  detail: ColumnType<unknown, string | undefined, string>;
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
  category_id: string | null;
  /** First day of the month the harvest is expected (for "coming soon"). */
  expected_harvest: ColumnType<Date | null, string | Date | null | undefined, string | Date | null>;
  archived_at: Timestamp | null;
  /** Shown first on the co-op's home page. */
  featured: Generated<boolean>;
  /** Months (1–12) the product is harvested: "in season" on the home page. */
  harvest_months: Generated<number[]>;
}

export interface StockMovementsTable {
  tenant_id: string;
  id: Generated<string>;
  product_id: string;
  delta: number;
  reason: string;
  created_at: Generated<Date>;
  actor_user_id: string | null;
  stock_after: number | null;
}

export const MEMBER_ROLES = ["owner", "manager", "editor"] as const;
export type MemberRole = (typeof MEMBER_ROLES)[number];

export interface MembershipsTable {
  tenant_id: string;
  user_id: string;
  role: MemberRole;
  created_at: Generated<Date>;
}

export interface InvitationsTable {
  tenant_id: string;
  id: Generated<string>;
  email: string;
  role: Exclude<MemberRole, "owner">;
  token_hash: string;
  invited_by: string | null;
  created_at: Generated<Date>;
  expires_at: Timestamp;
  accepted_at: Timestamp | null;
  revoked_at: Timestamp | null;
}

export interface AuditEventsTable {
  tenant_id: string;
  id: Generated<string>;
  actor_user_id: string | null;
  action: string;
  subject_type: string;
  subject_id: string | null;
  data: ColumnType<unknown, string | undefined, string>;
  created_at: Generated<Date>;
}

export interface ProductPhotoVariant {
  width: number;
  key: string;
}

export interface ProductPhotosTable {
  tenant_id: string;
  id: Generated<string>;
  product_id: string;
  position: Generated<number>;
  storage_key: string;
  width: number;
  height: number;
  variants: ColumnType<ProductPhotoVariant[], string, string>;
  created_at: Generated<Date>;
}

export const ORDER_STATUSES = [
  "pending_payment", "payment_review", "paid", "packed", "shipped", "ready_for_pickup", "completed", "cancelled", "refunded",
] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];
export const PAYMENT_METHODS = ["promptpay", "bank_transfer", "cod", "stripe"] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];
export const DELIVERY_METHODS = ["pickup", "local", "parcel"] as const;
export type DeliveryMethod = (typeof DELIVERY_METHODS)[number];

export interface CartsTable {
  tenant_id: string;
  id: Generated<string>;
  /** Hex SHA-256 of the cart cookie's random token. */
  token_hash: string;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface CartItemsTable {
  tenant_id: string;
  cart_id: string;
  product_id: string;
  quantity: number;
  added_at: Generated<Date>;
}

export interface OrderCountersTable {
  tenant_id: string;
  series: Generated<string>;
  last_number: Generated<number>;
}

export interface OrderAddress {
  line: string;
  subdistrict: string;
  district: string;
  provinceCode: number;
  postcode: string;
}

export interface OrdersTable {
  tenant_id: string;
  id: Generated<string>;
  /** Per-co-op sequence, shown with the co-op's prefix (e.g. KR-000123). */
  number: number;
  status: OrderStatus;
  payment_method: PaymentMethod;
  delivery_method: DeliveryMethod;
  customer_name: string;
  customer_phone: string;
  customer_email: string | null;
  address: ColumnType<OrderAddress | null, string | null, string | null>;
  notes: string | null;
  subtotal_satang: number;
  delivery_fee_satang: number;
  total_satang: number;
  tracking_token_hash: string;
  /** Hash of a second tracking link, sent when a slip is rejected (the first keeps working). */
  resent_token_hash: string | null;
  idempotency_key: string;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
  /** Stripe Checkout (0010): the session and payment intent of an order paid through Stripe. */
  stripe_checkout_session_id: string | null;
  stripe_payment_intent_id: string | null;
  /** The platform's application fee on this order, fixed when the checkout session is created. */
  application_fee_satang: number | null;
  amount_refunded_satang: Generated<number>;
  /** The marketplace order this order is part of (0013). */
  marketplace_order_id: string | null;
  /** The Checkout Session's payment page and when it stops taking payment (0013). */
  stripe_checkout_url: string | null;
  stripe_checkout_expires_at: Timestamp | null;
  /** Marketplace card payments: the transfer of this co-op's share (0013). */
  stripe_transfer_id: string | null;
}

export interface OrderItemsTable {
  tenant_id: string;
  id: Generated<string>;
  order_id: string;
  product_id: string;
  name_th: string;
  name_en: string | null;
  unit: ProductUnit;
  unit_price_satang: number;
  quantity: number;
  line_total_satang: number;
}

export interface OrderEventsTable {
  tenant_id: string;
  id: Generated<string>;
  order_id: string;
  from_status: OrderStatus | null;
  to_status: OrderStatus;
  actor_user_id: string | null;
  note: string | null;
  created_at: Generated<Date>;
}

/** Orders of one co-op on one day (created_at in Asia/Bangkok), kept current with the orders (migration 0009). */
/** The same figures per co-op and calendar month (`month` is the month's first day, Asia/Bangkok). */
export interface OrderMonthlyStatsTable {
  tenant_id: string;
  /** Read it as text (to_char) in queries: a bare date column becomes a Date at local midnight. */
  month: ColumnType<Date, string, string>;
  orders_placed: Generated<number>;
  orders_cancelled: Generated<number>;
  orders_refunded: Generated<number>;
  sales_satang: Generated<number>;
}

export interface OrderDailyStatsTable {
  tenant_id: string;
  /** Read it as text (to_char) in queries: a bare date column becomes a Date at local midnight. */
  day: ColumnType<Date, string, string>;
  orders_placed: Generated<number>;
  orders_cancelled: Generated<number>;
  orders_refunded: Generated<number>;
  /** total_satang of the day's orders that are neither cancelled nor refunded. */
  sales_satang: Generated<number>;
}

export interface OrderSlipsTable {
  tenant_id: string;
  id: Generated<string>;
  order_id: string;
  storage_key: string;
  width: number;
  height: number;
  created_at: Generated<Date>;
}

// ---- Knowledge network (migration 0006) ----

/** The shared topic taxonomy of articles and seminars; labels are translated in @coop/i18n. */
export const KNOWLEDGE_TOPICS = ["production", "processing", "marketing", "management", "technology"] as const;
export type KnowledgeTopic = (typeof KNOWLEDGE_TOPICS)[number];
export const ARTICLE_SOURCES = ["coop", "centre", "sage", "seminar"] as const;
export type ArticleSource = (typeof ARTICLE_SOURCES)[number];
export const SEARCH_KINDS = ["article", "sage", "centre", "seminar", "product"] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

type TextArray = ColumnType<string[], string[] | undefined, string[]>;

export interface CropsTable {
  code: string;
  name_th: string;
  name_en: string;
  position: Generated<number>;
}

/** ศพก. — a farm learning centre (platform directory, written by staff). */
export interface LearningCentresTable {
  id: Generated<string>;
  code: string;
  name_th: string;
  name_en: string | null;
  province_code: number;
  district_th: string;
  subdistrict_th: string | null;
  main_crops: TextArray;
  model_farmer_name: string | null;
  phone: string | null;
  address: string | null;
  description_th: string | null;
  latitude: number | null;
  longitude: number | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

/** ปราชญ์เกษตร — a farmer sage (platform directory). */
export interface SagesTable {
  id: Generated<string>;
  name_th: string;
  name_en: string | null;
  title_th: string | null;
  expertise_th: string;
  bio_th: string | null;
  province_code: number;
  district_th: string | null;
  crops: TextArray;
  topics: TextArray;
  photo_key: string | null;
  phone: string | null;
  centre_id: string | null;
  added_by_tenant_id: string | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface CentreLinksTable {
  tenant_id: string;
  centre_id: string;
  status: Generated<"proposed" | "confirmed" | "declined">;
  note: string | null;
  proposed_by: string | null;
  proposed_at: Generated<Date>;
  decided_by: string | null;
  decided_at: Timestamp | null;
}

export interface JointMeetingsTable {
  tenant_id: string;
  id: Generated<string>;
  centre_id: string;
  held_on: ColumnType<Date, string | Date, string | Date>;
  place: string;
  attendees: string;
  attendee_count: number | null;
  minutes: string | null;
  outcomes: string | null;
  recorded_by: string | null;
  created_at: Generated<Date>;
}

export interface ArticlesTable {
  tenant_id: string;
  id: Generated<string>;
  title: string;
  summary: Generated<string>;
  body_md: Generated<string>;
  /** Rendered from body_md and sanitised when saved; served as is. */
  body_html: Generated<string>;
  cover_key: string | null;
  topic: KnowledgeTopic;
  crops: TextArray;
  source_kind: Generated<ArticleSource>;
  source_centre_id: string | null;
  source_sage_id: string | null;
  source_seminar_id: string | null;
  status: Generated<"draft" | "published">;
  shared: Generated<boolean>;
  author_user_id: string | null;
  published_at: Timestamp | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface ArticleFilesTable {
  tenant_id: string;
  id: Generated<string>;
  article_id: string | null;
  kind: "image" | "pdf";
  storage_key: string;
  file_name: string;
  byte_size: number;
  width: number | null;
  height: number | null;
  created_at: Generated<Date>;
}

export interface SeminarsTable {
  tenant_id: string;
  id: Generated<string>;
  title: string;
  description: Generated<string>;
  topic: KnowledgeTopic;
  crops: TextArray;
  starts_at: Timestamp;
  ends_at: Timestamp;
  place: string | null;
  province_code: number | null;
  online_url: string | null;
  capacity: number;
  registered_count: Generated<number>;
  status: Generated<"draft" | "published" | "cancelled">;
  created_by: string | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface SeminarSpeakersTable {
  tenant_id: string;
  seminar_id: string;
  sage_id: string;
  position: Generated<number>;
}

export interface SeminarRegistrationsTable {
  tenant_id: string;
  id: Generated<string>;
  seminar_id: string;
  name: string;
  phone: string;
  interest: string | null;
  cancel_token_hash: string;
  status: Generated<"registered" | "cancelled">;
  created_at: Generated<Date>;
  cancelled_at: Timestamp | null;
}

export interface SeminarHarvestTable {
  tenant_id: string;
  id: Generated<string>;
  seminar_id: string;
  kind: "article" | "video" | "slides" | "link";
  title: string;
  article_id: string | null;
  url: string | null;
  storage_key: string | null;
  created_at: Generated<Date>;
}

// ---- Stripe Connect (migration 0010) ----

export const STRIPE_ACCOUNT_KINDS = ["express", "existing"] as const;
export type StripeAccountKind = (typeof STRIPE_ACCOUNT_KINDS)[number];

/** A co-op's connected account and its state as last reported by Stripe. */
export interface StripeAccountsTable {
  tenant_id: string;
  account_id: string;
  kind: StripeAccountKind;
  details_submitted: Generated<boolean>;
  charges_enabled: Generated<boolean>;
  payouts_enabled: Generated<boolean>;
  /** When Stripe's view of the state was taken; older account.updated events are stale. */
  state_at: Timestamp;
  linked_by: string | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export const STRIPE_EVENT_OUTCOMES = ["applied", "stale", "awaiting_handler", "unknown_account", "ignored"] as const;
export type StripeEventOutcome = (typeof STRIPE_EVENT_OUTCOMES)[number];

/** Every webhook event received, once per Stripe event id (platform table). */
export interface StripeEventsTable {
  id: string;
  type: string;
  account: string | null;
  for_tenant_id: string | null;
  livemode: boolean;
  created: Timestamp;
  received_at: Generated<Date>;
  applied_at: Timestamp | null;
  outcome: StripeEventOutcome;
  payload: ColumnType<unknown, string, string>;
}

/** The search index: one row per findable thing (platform table; see migration 0006 for visibility). */
export interface SearchDocumentsTable {
  kind: SearchKind;
  ref_id: string;
  owner_tenant_id: string | null;
  network_visible: Generated<boolean>;
  title: string;
  summary: Generated<string>;
  body: Generated<string>;
  /** The title segmented into words, space-separated (trigram matching). */
  title_tokens: Generated<string>;
  tsv: ColumnType<string, unknown, unknown>;
  topic: string | null;
  crops: TextArray;
  province_code: number | null;
  image_key: string | null;
  published_at: Generated<Date>;
  updated_at: Generated<Date>;
}

/** A cart across co-ops on the network site (platform table, 0013). */
export interface MarketCartsTable {
  id: Generated<string>;
  /** Hex SHA-256 of the cart cookie's random token. */
  token_hash: string;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface MarketCartItemsTable {
  cart_id: string;
  /** The product's co-op (this table is not tenant-owned, hence not "tenant_id"). */
  coop_id: string;
  product_id: string;
  quantity: number;
  added_at: Generated<Date>;
}

export const MARKETPLACE_PAYMENT_MODES = ["per_coop", "stripe"] as const;
export type MarketplacePaymentMode = (typeof MARKETPLACE_PAYMENT_MODES)[number];
export const MARKETPLACE_PAYMENT_STATUSES = ["pending_payment", "paid", "cancelled", "not_applicable"] as const;
export type MarketplacePaymentStatus = (typeof MARKETPLACE_PAYMENT_STATUSES)[number];

/** One marketplace checkout: one order per co-op, all placed or none (platform table, 0013). */
export interface MarketplaceOrdersTable {
  id: Generated<string>;
  idempotency_key: string;
  tracking_token_hash: string;
  customer_phone: string;
  payment_mode: MarketplacePaymentMode;
  tenant_ids: ColumnType<string[], string[], string[]>;
  total_satang: number;
  stripe_checkout_session_id: string | null;
  stripe_payment_intent_id: string | null;
  stripe_checkout_url: string | null;
  stripe_checkout_expires_at: Timestamp | null;
  payment_status: Generated<MarketplacePaymentStatus>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

/** A co-op's own domain for its site (platform table, 0014): one per co-op, unique across co-ops. */
export interface CustomDomainsTable {
  domain: string;
  /** The co-op it belongs to (this table is not tenant-owned, hence not "tenant_id"). */
  coop_id: string;
  /** Expected in the TXT record `_sahakorn.<domain>`. */
  verification_token: string;
  /** NULL until verified; only a verified domain routes to the co-op. */
  verified_at: Timestamp | null;
  created_at: Generated<Date>;
}

/** The one description of the schema the application code sees. */
export interface Database {
  regions: RegionsTable;
  provinces: ProvincesTable;
  tenants: TenantsTable;
  users: UsersTable;
  staff_regions: StaffRegionsTable;
  platform_admins: PlatformAdminsTable;
  staff_audit_events: StaffAuditEventsTable;
  products: ProductsTable;
  stock_movements: StockMovementsTable;
  sessions: SessionsTable;
  user_tokens: UserTokensTable;
  rate_limits: RateLimitsTable;
  outbox: OutboxTable;
  dev_mailbox: DevMailboxTable;
  product_categories: ProductCategoriesTable;
  memberships: MembershipsTable;
  invitations: InvitationsTable;
  audit_events: AuditEventsTable;
  product_photos: ProductPhotosTable;
  carts: CartsTable;
  cart_items: CartItemsTable;
  order_counters: OrderCountersTable;
  orders: OrdersTable;
  order_items: OrderItemsTable;
  order_events: OrderEventsTable;
  order_slips: OrderSlipsTable;
  order_daily_stats: OrderDailyStatsTable;
  order_monthly_stats: OrderMonthlyStatsTable;
  crops: CropsTable;
  learning_centres: LearningCentresTable;
  sages: SagesTable;
  centre_links: CentreLinksTable;
  joint_meetings: JointMeetingsTable;
  articles: ArticlesTable;
  article_files: ArticleFilesTable;
  seminars: SeminarsTable;
  seminar_speakers: SeminarSpeakersTable;
  seminar_registrations: SeminarRegistrationsTable;
  seminar_harvest: SeminarHarvestTable;
  search_documents: SearchDocumentsTable;
  stripe_accounts: StripeAccountsTable;
  stripe_events: StripeEventsTable;
  market_carts: MarketCartsTable;
  market_cart_items: MarketCartItemsTable;
  marketplace_orders: MarketplaceOrdersTable;
  custom_domains: CustomDomainsTable;
}

/** Tables that hold one co-op's data; each must have RLS forced (checked by a test). */
export const TENANT_TABLES = [
  "products", "stock_movements", "memberships", "invitations", "audit_events", "product_photos",
  "carts", "cart_items", "order_counters", "orders", "order_items", "order_events",
  "order_slips", "order_daily_stats", "order_monthly_stats", "centre_links", "joint_meetings", "articles", "article_files", "seminars", "seminar_speakers",
  "seminar_registrations", "seminar_harvest", "stripe_accounts",
] as const;

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
export type Membership = Selectable<MembershipsTable>;
export type Invitation = Selectable<InvitationsTable>;
export type AuditEvent = Selectable<AuditEventsTable>;
export type Session = Selectable<SessionsTable>;
export type ProductPhoto = Selectable<ProductPhotosTable>;
export type ProductCategory = Selectable<ProductCategoriesTable>;
export type OutboxMessage = Selectable<OutboxTable>;
export type Order = Selectable<OrdersTable>;
export type OrderItem = Selectable<OrderItemsTable>;
export type OrderEvent = Selectable<OrderEventsTable>;
export type OrderSlip = Selectable<OrderSlipsTable>;
