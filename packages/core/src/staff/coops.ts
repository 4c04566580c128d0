import { type Database, type Kysely, type OrderStatus, sql, type TenantStatus, type Transaction } from "@coop/db";
import { AppError } from "../errors.ts";
import { type ListCoopsInput, listCoopsInput, parseStaffInput } from "./schemas.ts";
import { isUuid, type StaffScope, withStaffScope } from "./scope.ts";
import { listedProductSql, SITE_FIELD_SQL, type SiteField } from "./completeness.ts";

const DAY_MS = 24 * 60 * 60 * 1000;
/** The most co-ops one list reads before filtering (a region has a few hundred). */
const MAX_COOPS_SCANNED = 5000;

export type { SiteField };

/** The five parts of a co-op's health score; each is worth 20 points. */
export interface HealthParts {
  siteComplete: boolean;
  productsListed: boolean;
  ordersIn30Days: boolean;
  contentIn90Days: boolean;
  signInIn30Days: boolean;
}

export interface CoopHealth {
  score: number;
  parts: HealthParts;
  /** What the site still lacks (empty when complete). */
  missing: SiteField[];
  productsListed: number;
  ordersIn30Days: number;
  contentIn90Days: number;
  lastSignInAt: Date | null;
  lastActivityAt: Date | null;
}

export interface StaffCoopRow {
  id: string;
  slug: string;
  nameTh: string;
  nameEn: string | null;
  status: TenantStatus;
  province: { code: number; nameTh: string; nameEn: string };
  regionId: number;
  createdAt: Date;
  health: CoopHealth;
}

interface HealthRow {
  id: string;
  slug: string;
  name_th: string;
  name_en: string | null;
  status: TenantStatus;
  region_id: number;
  created_at: Date;
  province_code: number;
  province_name_th: string;
  province_name_en: string;
  has_logo: boolean;
  has_cover: boolean;
  has_story: boolean;
  has_contact: boolean;
  has_payment: boolean;
  products: number;
  orders_30: number;
  last_order_at: Date | null;
  content_90: number;
  last_content_at: Date | null;
  last_sign_in_at: Date | null;
}

const asDate = (v: Date | string | null): Date | null => (v === null ? null : v instanceof Date ? v : new Date(v));

/** The Asia/Bangkok calendar day of an instant, as the rollup's `day` column counts it. */
const bangkokDayOf = (at: Date) => sql<Date>`(${at}::timestamptz AT TIME ZONE 'Asia/Bangkok')::date`;
/** The instant the Asia/Bangkok day after `at`'s begins. */
const startOfNextBangkokDay = (at: Date) => sql<Date>`((${at}::timestamptz AT TIME ZONE 'Asia/Bangkok')::date + 1)::timestamp AT TIME ZONE 'Asia/Bangkok'`;

/**
 * Count and total of a co-op's orders that are neither cancelled nor refunded, created since
 * `since` (all time when null): whole days from the rollup, the partial first day from orders.
 */
async function orderTotalsSince(trx: Transaction<Database>, tenantId: string, since: Date | null): Promise<{ count: number; totalSatang: number }> {
  let days = trx
    .selectFrom("order_daily_stats")
    .select([
      sql<number>`coalesce(sum(orders_placed - orders_cancelled - orders_refunded), 0)::bigint`.as("count"),
      sql<number>`coalesce(sum(sales_satang), 0)::bigint`.as("total"),
    ])
    .where("tenant_id", "=", tenantId);
  if (since) days = days.where("day", ">", bangkokDayOf(since));
  const whole = await days.executeTakeFirstOrThrow();
  if (!since) return { count: Number(whole.count), totalSatang: Number(whole.total) };
  const partial = await trx
    .selectFrom("orders")
    .select([sql<number>`count(*)::int`.as("count"), sql<number>`coalesce(sum(total_satang), 0)::bigint`.as("total")])
    .where("tenant_id", "=", tenantId)
    .where("status", "not in", ["cancelled", "refunded"])
    .where("created_at", ">=", since)
    .where("created_at", "<", startOfNextBangkokDay(since))
    .executeTakeFirstOrThrow();
  return { count: Number(whole.count) + partial.count, totalSatang: Number(whole.total) + Number(partial.total) };
}

/**
 * One row per co-op with what its health score needs. Every figure is a per-co-op subquery
 * that an index answers (the order_daily_stats rollup and (tenant_id, created_at) on orders,
 * (tenant_id, status, published_at) on articles), so the cost grows with the number of co-ops, not of orders.
 */
async function healthRows(
  trx: Transaction<Database>,
  scope: StaffScope,
  filter: { tenantId?: string; provinceCode?: number; status?: TenantStatus },
  now: Date,
): Promise<HealthRow[]> {
  const since30 = new Date(now.getTime() - 30 * DAY_MS);
  const since90 = new Date(now.getTime() - 90 * DAY_MS);
  let query = trx
    .selectFrom("tenants as t")
    .innerJoin("provinces as p", "p.code", "t.province_code")
    .select([
      "t.id", "t.slug", "t.name_th", "t.name_en", "t.status", "t.region_id", "t.created_at",
      "p.code as province_code", "p.name_th as province_name_th", "p.name_en as province_name_en",
      // The completeness rule is shared with the reports (completeness.ts).
      SITE_FIELD_SQL.logo.as("has_logo"),
      SITE_FIELD_SQL.cover.as("has_cover"),
      SITE_FIELD_SQL.story.as("has_story"),
      SITE_FIELD_SQL.contact.as("has_contact"),
      SITE_FIELD_SQL.payment.as("has_payment"),
      sql<number>`(SELECT count(*)::int FROM products pr WHERE pr.tenant_id = t.id AND ${listedProductSql})`.as("products"),
      // Whole days from the rollup, the first (partial) day of the window from orders (one day of an index range).
      sql<number>`((SELECT coalesce(sum(d.orders_placed), 0)::int FROM order_daily_stats d WHERE d.tenant_id = t.id AND d.day > ${bangkokDayOf(since30)})
        + (SELECT count(*)::int FROM orders o WHERE o.tenant_id = t.id AND o.created_at >= ${since30} AND o.created_at < ${startOfNextBangkokDay(since30)}))`.as("orders_30"),
      sql<Date | null>`(SELECT max(o.created_at) FROM orders o WHERE o.tenant_id = t.id)`.as("last_order_at"),
      sql<number>`((SELECT count(*)::int FROM articles a WHERE a.tenant_id = t.id AND a.status = 'published' AND a.published_at >= ${since90})
        + (SELECT count(*)::int FROM seminars s WHERE s.tenant_id = t.id AND s.status <> 'draft' AND s.created_at >= ${since90}))`.as("content_90"),
      sql<Date | null>`greatest(
        (SELECT max(a.published_at) FROM articles a WHERE a.tenant_id = t.id AND a.status = 'published'),
        (SELECT max(s.created_at) FROM seminars s WHERE s.tenant_id = t.id AND s.status <> 'draft'))`.as("last_content_at"),
      sql<Date | null>`(SELECT max(u.last_login_at) FROM memberships m JOIN users u ON u.id = m.user_id WHERE m.tenant_id = t.id)`.as("last_sign_in_at"),
    ])
    .where("t.region_id", "in", scope.regionIds.length > 0 ? scope.regionIds : [-1]);
  if (filter.tenantId) query = query.where("t.id", "=", filter.tenantId);
  if (filter.provinceCode) query = query.where("t.province_code", "=", filter.provinceCode);
  if (filter.status) query = query.where("t.status", "=", filter.status);
  return query.orderBy("t.name_th").orderBy("t.id").limit(MAX_COOPS_SCANNED).execute();
}

function toCoopRow(r: HealthRow, now: Date): StaffCoopRow {
  const missing: SiteField[] = [];
  if (!r.has_logo) missing.push("logo");
  if (!r.has_cover) missing.push("cover");
  if (!r.has_story) missing.push("story");
  if (!r.has_contact) missing.push("contact");
  if (!r.has_payment) missing.push("payment");
  const since30 = now.getTime() - 30 * DAY_MS;
  const lastSignInAt = asDate(r.last_sign_in_at);
  const times = [lastSignInAt, asDate(r.last_order_at), asDate(r.last_content_at)].filter((d): d is Date => d !== null);
  const lastActivityAt = times.length > 0 ? new Date(Math.max(...times.map((d) => d.getTime()))) : null;
  const parts: HealthParts = {
    siteComplete: missing.length === 0,
    productsListed: r.products > 0,
    ordersIn30Days: r.orders_30 > 0,
    contentIn90Days: r.content_90 > 0,
    signInIn30Days: lastSignInAt !== null && lastSignInAt.getTime() >= since30,
  };
  return {
    id: r.id,
    slug: r.slug,
    nameTh: r.name_th,
    nameEn: r.name_en,
    status: r.status,
    province: { code: r.province_code, nameTh: r.province_name_th, nameEn: r.province_name_en },
    regionId: r.region_id,
    createdAt: r.created_at,
    health: {
      score: Object.values(parts).filter(Boolean).length * 20,
      parts,
      missing,
      productsListed: r.products,
      ordersIn30Days: r.orders_30,
      contentIn90Days: r.content_90,
      lastSignInAt,
      lastActivityAt,
    },
  };
}

function compareBy(sort: ListCoopsInput["sort"]): (a: StaffCoopRow, b: StaffCoopRow) => number {
  switch (sort) {
    case "score":
      return (a, b) => a.health.score - b.health.score;
    case "last_activity":
      return (a, b) => (a.health.lastActivityAt?.getTime() ?? 0) - (b.health.lastActivityAt?.getTime() ?? 0);
    case "province":
      return (a, b) => a.province.nameTh.localeCompare(b.province.nameTh, "th");
    case "created":
      return (a, b) => a.createdAt.getTime() - b.createdAt.getTime();
    default:
      return () => 0;
  }
}

/** The co-ops a staff member may see, filtered, sorted (ties by name, then id) and paged, each with its health score. */
export async function listStaffCoops(
  db: Kysely<Database>,
  scope: StaffScope,
  rawInput: ListCoopsInput,
  now = new Date(),
): Promise<{ items: StaffCoopRow[]; total: number }> {
  const input = parseStaffInput(listCoopsInput, rawInput);
  const rows = await withStaffScope(db, scope, (trx) => healthRows(trx, scope, { provinceCode: input.provinceCode, status: input.status }, now));
  const since30 = now.getTime() - 30 * DAY_MS;
  const coops = rows
    .map((r) => toCoopRow(r, now))
    .filter((c) => !input.completeness || c.health.parts.siteComplete === (input.completeness === "complete"))
    .filter((c) => !input.activity || ((c.health.lastActivityAt?.getTime() ?? 0) >= since30) === (input.activity === "active"));
  const byKey = compareBy(input.sort);
  const sign = input.direction === "desc" ? -1 : 1;
  coops.sort((a, b) => sign * byKey(a, b) || sign * a.nameTh.localeCompare(b.nameTh, "th") || a.id.localeCompare(b.id));
  const start = (input.page - 1) * input.pageSize;
  return { items: coops.slice(start, start + input.pageSize), total: coops.length };
}

export interface StaffCoopDetail extends StaffCoopRow {
  registrationNo: string | null;
  contactName: string | null;
  contactEmail: string | null;
  phone: string | null;
  lineId: string | null;
  region: { id: number; nameTh: string; nameEn: string; requiresApproval: boolean };
  approvedAt: Date | null;
  suspendedAt: Date | null;
  suspendedReason: string | null;
  members: number;
  /** Totals only: no customer's name, phone or address ever leaves here. */
  orders: {
    last30Days: { count: number; totalSatang: number };
    allTime: { count: number; totalSatang: number };
    recent: { number: number; status: OrderStatus; totalSatang: number; createdAt: Date }[];
  };
  content: { articlesPublished: number; articlesShared: number; articlesDraft: number; seminarsHeld: number; seminarsUpcoming: number };
  centreLinks: { centreId: string; nameTh: string; nameEn: string | null; status: "proposed" | "confirmed"; proposedAt: Date; decidedAt: Date | null }[];
}

/** One co-op as its regional staff see it; "not found" outside the staff member's regions. */
export async function getStaffCoop(db: Kysely<Database>, scope: StaffScope, tenantId: string, now = new Date()): Promise<StaffCoopDetail> {
  if (!isUuid(tenantId)) throw new AppError("NOT_FOUND", "staff.errors.coop_not_found");
  return withStaffScope(db, scope, async (trx) => {
    const [row] = await healthRows(trx, scope, { tenantId }, now);
    if (!row) throw new AppError("NOT_FOUND", "staff.errors.coop_not_found");
    const since30 = new Date(now.getTime() - 30 * DAY_MS);
    const t = await trx
      .selectFrom("tenants as t")
      .innerJoin("regions as r", "r.id", "t.region_id")
      .select([
        "t.registration_no", "t.contact_name", "t.contact_email", "t.phone", "t.line_id", "t.approved_at", "t.suspended_at", "t.suspended_reason",
        "r.id as region_id", "r.name_th as region_name_th", "r.name_en as region_name_en", "r.requires_approval",
      ])
      .where("t.id", "=", tenantId)
      .executeTakeFirstOrThrow();
    const counted = sql<number>`count(*)::int`;
    const last30 = await orderTotalsSince(trx, tenantId, since30);
    const allTime = await orderTotalsSince(trx, tenantId, null);
    const recent = await trx
      .selectFrom("orders")
      .select(["number", "status", "total_satang", "created_at"])
      .where("tenant_id", "=", tenantId)
      .orderBy("created_at", "desc")
      .orderBy("number", "desc")
      .limit(10)
      .execute();
    const articles = await trx
      .selectFrom("articles")
      .select([
        sql<number>`count(*) FILTER (WHERE status = 'published')::int`.as("published"),
        sql<number>`count(*) FILTER (WHERE status = 'published' AND shared)::int`.as("shared"),
        sql<number>`count(*) FILTER (WHERE status = 'draft')::int`.as("draft"),
      ])
      .where("tenant_id", "=", tenantId)
      .executeTakeFirstOrThrow();
    const seminars = await trx
      .selectFrom("seminars")
      .select([
        sql<number>`count(*) FILTER (WHERE status = 'published' AND starts_at < ${now})::int`.as("held"),
        sql<number>`count(*) FILTER (WHERE status = 'published' AND starts_at >= ${now})::int`.as("upcoming"),
      ])
      .where("tenant_id", "=", tenantId)
      .executeTakeFirstOrThrow();
    const links = await trx
      .selectFrom("centre_links as l")
      .innerJoin("learning_centres as c", "c.id", "l.centre_id")
      .select(["l.centre_id", "c.name_th", "c.name_en", "l.status", "l.proposed_at", "l.decided_at"])
      .where("l.tenant_id", "=", tenantId)
      .where("l.status", "in", ["proposed", "confirmed"])
      .orderBy("l.status")
      .orderBy("c.name_th")
      .limit(100)
      .execute();
    const members = await trx.selectFrom("memberships").select(counted.as("n")).where("tenant_id", "=", tenantId).executeTakeFirstOrThrow();
    return {
      ...toCoopRow(row, now),
      registrationNo: t.registration_no,
      contactName: t.contact_name,
      contactEmail: t.contact_email,
      phone: t.phone,
      lineId: t.line_id,
      region: { id: t.region_id, nameTh: t.region_name_th, nameEn: t.region_name_en, requiresApproval: t.requires_approval },
      approvedAt: asDate(t.approved_at),
      suspendedAt: asDate(t.suspended_at),
      suspendedReason: t.suspended_reason,
      members: members.n,
      orders: {
        last30Days: last30,
        allTime,
        recent: recent.map((o) => ({ number: o.number, status: o.status, totalSatang: o.total_satang, createdAt: o.created_at })),
      },
      content: { articlesPublished: articles.published, articlesShared: articles.shared, articlesDraft: articles.draft, seminarsHeld: seminars.held, seminarsUpcoming: seminars.upcoming },
      centreLinks: links.map((l) => ({
        centreId: l.centre_id, nameTh: l.name_th, nameEn: l.name_en, status: l.status as "proposed" | "confirmed", proposedAt: l.proposed_at, decidedAt: l.decided_at,
      })),
    };
  });
}
