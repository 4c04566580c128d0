import { type Database, type Kysely, sql, type Transaction } from "@coop/db";
import { z } from "zod";
import { AppError } from "../errors.ts";
import { orderRollupRows } from "../orders/rollups.ts";
import { listedProductSql, siteCompleteSql } from "./completeness.ts";
import type { OrderFigures } from "./overview.ts";
import { parseStaffInput } from "./schemas.ts";
import { type StaffScope, withStaffScope } from "./scope.ts";

// Reports of the three activities (co-op learning-centre websites, the co-op ↔ ศพก. network,
// seminars with farmer sages) per province and region. `provinceActivity` is the ONE place the
// per-province figures are computed: the region overview's map and table use it too.

/** The figures of one province, a region's subtotal or the grand total. */
export interface ActivityFigures {
  /** Co-ops by status as of now; `complete` = active co-ops whose site is complete (completeness.ts). */
  coops: { active: number; pending: number; suspended: number; complete: number };
  /** Listed products (visible, not archived) of active co-ops, now. */
  products: number;
  /** Bangkok days from..to, from order_daily_stats ONLY. */
  orders: OrderFigures;
  /** Articles published within the range / of those, shared with the network. */
  articles: { published: number; shared: number };
  /** confirmed: links confirmed by the end of `to` and still confirmed; proposed: proposed by then and still waiting. */
  links: { proposed: number; confirmed: number };
  /** Joint meetings held within the range and the attendees they recorded. */
  meetings: { held: number; attendees: number };
  /** Published seminars that started within the range (and before now), their registrants and harvested knowledge items. */
  seminars: { held: number; registrants: number; harvest: number };
}

export interface ProvinceActivity extends ActivityFigures {
  provinceCode: number;
  regionId: number;
  nameTh: string;
  nameEn: string;
}

export const emptyFigures = (): ActivityFigures => ({
  coops: { active: 0, pending: 0, suspended: 0, complete: 0 },
  products: 0,
  orders: { placed: 0, cancelled: 0, refunded: 0, kept: 0, salesSatang: 0 },
  articles: { published: 0, shared: 0 },
  links: { proposed: 0, confirmed: 0 },
  meetings: { held: 0, attendees: 0 },
  seminars: { held: 0, registrants: 0, harvest: 0 },
});

/** The sum of several rows' figures (a region's subtotal, the grand total). */
export function sumFigures(rows: readonly ActivityFigures[]): ActivityFigures {
  const total = emptyFigures();
  for (const r of rows) {
    for (const group of ["coops", "orders", "articles", "links", "meetings", "seminars"] as const) {
      const into = total[group] as unknown as Record<string, number>;
      const from = r[group] as unknown as Record<string, number>;
      for (const key of Object.keys(into)) into[key] = (into[key] ?? 0) + (from[key] ?? 0);
    }
    total.products += r.products;
  }
  return total;
}

const n = (v: unknown): number => Number(v ?? 0);

/**
 * Joint meetings and published seminars (with their harvest) are readable network-wide, so RLS
 * alone would not keep another region's out: every query also keeps to the transaction's staff
 * regions (set by withStaffScope), whatever `regionIds` the caller passes.
 */
const inStaffRegions = sql<boolean>`t.region_id = ANY (app_staff_regions())`;

/**
 * One row per province of `regionIds` (zeros included), ordered by region then Thai name.
 * The caller runs it inside withStaffScope: outside one it returns nothing, and regions outside
 * the transaction's scope are left out (no rows, not zeros). `range` is Asia/Bangkok calendar days, inclusive (YYYY-MM-DD).
 * Each figure is one grouped query, so the cost grows with the regions' co-ops, never with orders.
 */
export async function provinceActivity(
  trx: Transaction<Database>,
  regionIds: readonly number[],
  range: { from: string; to: string },
  now: Date = new Date(),
): Promise<ProvinceActivity[]> {
  const ids = regionIds.map((id) => Math.trunc(id)).filter((id) => Number.isFinite(id));
  if (ids.length === 0) return [];
  // The instants the first day starts and the day after the last starts, in Bangkok.
  const start = sql<Date>`(${range.from}::date)::timestamp AT TIME ZONE 'Asia/Bangkok'`;
  const end = sql<Date>`((${range.to}::date + 1))::timestamp AT TIME ZONE 'Asia/Bangkok'`;

  const provinces = await trx.selectFrom("provinces").select(["code", "name_th", "name_en", "region_id"]).where("region_id", "in", ids).where(sql<boolean>`region_id = ANY (app_staff_regions())`).execute();
  const rows = new Map<number, ProvinceActivity>(
    provinces.map((p) => [p.code, { provinceCode: p.code, regionId: p.region_id, nameTh: p.name_th, nameEn: p.name_en, ...emptyFigures() }]),
  );

  const coops = await trx
    .selectFrom("tenants as t")
    .select([
      "t.province_code",
      sql<number>`count(*) FILTER (WHERE t.status = 'active')::int`.as("active"),
      sql<number>`count(*) FILTER (WHERE t.status = 'pending')::int`.as("pending"),
      sql<number>`count(*) FILTER (WHERE t.status = 'suspended')::int`.as("suspended"),
      sql<number>`count(*) FILTER (WHERE t.status = 'active' AND ${siteCompleteSql})::int`.as("complete"),
      sql<number>`coalesce(sum((SELECT count(*) FROM products pr WHERE pr.tenant_id = t.id AND ${listedProductSql})) FILTER (WHERE t.status = 'active'), 0)::int`.as("products"),
    ])
    .where("t.region_id", "in", ids)
    .where(inStaffRegions)
    .groupBy("t.province_code")
    .execute();
  for (const c of coops) {
    const row = rows.get(c.province_code);
    if (!row) continue;
    row.coops = { active: n(c.active), pending: n(c.pending), suspended: n(c.suspended), complete: n(c.complete) };
    row.products = n(c.products);
  }

  const orders = await trx
    .selectFrom(orderRollupRows(trx, range.from, range.to).as("d"))
    .innerJoin("tenants as t", "t.id", "d.tenant_id")
    .select([
      "t.province_code",
      sql<string>`sum(d.orders_placed)::bigint`.as("placed"),
      sql<string>`sum(d.orders_cancelled)::bigint`.as("cancelled"),
      sql<string>`sum(d.orders_refunded)::bigint`.as("refunded"),
      sql<string>`sum(d.sales_satang)::bigint`.as("sales"),
    ])
    .where("t.region_id", "in", ids)
    .where(inStaffRegions)
    .groupBy("t.province_code")
    .execute();
  for (const o of orders) {
    const row = rows.get(o.province_code);
    if (!row) continue;
    const [placed, cancelled, refunded] = [n(o.placed), n(o.cancelled), n(o.refunded)];
    row.orders = { placed, cancelled, refunded, kept: placed - cancelled - refunded, salesSatang: n(o.sales) };
  }

  const articles = await trx
    .selectFrom("articles as a")
    .innerJoin("tenants as t", "t.id", "a.tenant_id")
    .select(["t.province_code", sql<number>`count(*)::int`.as("published"), sql<number>`count(*) FILTER (WHERE a.shared)::int`.as("shared")])
    .where("t.region_id", "in", ids)
    .where(inStaffRegions)
    .where("a.status", "=", "published")
    .where("a.published_at", ">=", start)
    .where("a.published_at", "<", end)
    .groupBy("t.province_code")
    .execute();
  for (const a of articles) {
    const row = rows.get(a.province_code);
    if (row) row.articles = { published: n(a.published), shared: n(a.shared) };
  }

  const links = await trx
    .selectFrom("centre_links as l")
    .innerJoin("tenants as t", "t.id", "l.tenant_id")
    .select([
      "t.province_code",
      sql<number>`count(*) FILTER (WHERE l.status = 'proposed' AND l.proposed_at < ${end})::int`.as("proposed"),
      sql<number>`count(*) FILTER (WHERE l.status = 'confirmed' AND l.decided_at < ${end})::int`.as("confirmed"),
    ])
    .where("t.region_id", "in", ids)
    .where(inStaffRegions)
    .groupBy("t.province_code")
    .execute();
  for (const l of links) {
    const row = rows.get(l.province_code);
    if (row) row.links = { proposed: n(l.proposed), confirmed: n(l.confirmed) };
  }

  const meetings = await trx
    .selectFrom("joint_meetings as m")
    .innerJoin("tenants as t", "t.id", "m.tenant_id")
    .select(["t.province_code", sql<number>`count(*)::int`.as("held"), sql<number>`coalesce(sum(m.attendee_count), 0)::int`.as("attendees")])
    .where("t.region_id", "in", ids)
    .where(inStaffRegions)
    .where(sql<boolean>`m.held_on BETWEEN ${range.from}::date AND ${range.to}::date`)
    .groupBy("t.province_code")
    .execute();
  for (const m of meetings) {
    const row = rows.get(m.province_code);
    if (row) row.meetings = { held: n(m.held), attendees: n(m.attendees) };
  }

  const seminars = await trx
    .selectFrom("seminars as s")
    .innerJoin("tenants as t", "t.id", "s.tenant_id")
    .select([
      "t.province_code",
      sql<number>`count(*)::int`.as("held"),
      sql<number>`coalesce(sum(s.registered_count), 0)::int`.as("registrants"),
      sql<number>`coalesce(sum((SELECT count(*) FROM seminar_harvest h WHERE h.tenant_id = s.tenant_id AND h.seminar_id = s.id)), 0)::int`.as("harvest"),
    ])
    .where("t.region_id", "in", ids)
    .where(inStaffRegions)
    .where("s.status", "=", "published")
    .where("s.starts_at", ">=", start)
    .where("s.starts_at", "<", end)
    .where("s.starts_at", "<=", now)
    .groupBy("t.province_code")
    .execute();
  for (const s of seminars) {
    const row = rows.get(s.province_code);
    if (row) row.seminars = { held: n(s.held), registrants: n(s.registrants), harvest: n(s.harvest) };
  }

  // Thai collation differs between databases; sort here so every backend gives one order.
  return [...rows.values()].sort((a, b) => a.regionId - b.regionId || a.nameTh.localeCompare(b.nameTh, "th"));
}

/** The longest range a report covers (ten years; one row per province, so the size does not grow with it). */
export const REPORT_MAX_DAYS = 3660;

const isoDay = z
  .string({ error: "validation.invalid" })
  .regex(/^\d{4}-\d{2}-\d{2}$/, "validation.invalid")
  .refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v), "validation.invalid");

/** An empty form field ("" from a GET form) means "not chosen". */
const blankToUndefined = (v: unknown) => (v === "" || v === null ? undefined : v);

/** Optional region (absent: every region of the scope), optional province, a range of Bangkok days (inclusive). */
export const activityReportInput = z
  .object({
    regionId: z.preprocess(
      blankToUndefined,
      z.coerce.number({ error: "staff.errors.region_unknown" }).int("staff.errors.region_unknown").min(1, "staff.errors.region_unknown").max(99, "staff.errors.region_unknown").optional(),
    ),
    provinceCode: z.preprocess(
      blankToUndefined,
      z.coerce.number({ error: "validation.province" }).int("validation.province").min(1, "validation.province").max(99, "validation.province").optional(),
    ),
    from: isoDay,
    to: isoDay,
  })
  .refine((v) => v.from <= v.to, { message: "staff.reports.errors.range_order", path: ["to"] })
  .refine((v) => (Date.parse(v.to) - Date.parse(v.from)) / 86_400_000 < REPORT_MAX_DAYS, { message: "staff.reports.errors.range_too_long", path: ["to"] });
export type ActivityReportInput = z.input<typeof activityReportInput>;

export interface ActivityReport {
  from: string;
  to: string;
  /** The region chosen, or null for every region of the scope. */
  regionId: number | null;
  provinceCode: number | null;
  regions: { id: number; nameTh: string; nameEn: string; provinces: ProvinceActivity[]; subtotal: ActivityFigures }[];
  total: ActivityFigures;
}

/**
 * The three activities' figures for a range of Bangkok days, one row per province of the chosen
 * region(s), a subtotal per region and a grand total. A region or province outside the staff
 * member's scope is "not found" (never "forbidden", which would confirm what lies outside).
 */
export async function activityReport(db: Kysely<Database>, scope: StaffScope, rawInput: ActivityReportInput, now = new Date()): Promise<ActivityReport> {
  const input = parseStaffInput(activityReportInput, rawInput);
  if (input.regionId !== undefined && !scope.regionIds.includes(input.regionId)) throw new AppError("NOT_FOUND", "staff.errors.region_unknown");
  const regionIds = input.regionId !== undefined ? [input.regionId] : scope.regionIds;
  return withStaffScope(db, scope, async (trx) => {
    let provinces = await provinceActivity(trx, regionIds, { from: input.from, to: input.to }, now);
    if (input.provinceCode !== undefined) {
      provinces = provinces.filter((p) => p.provinceCode === input.provinceCode);
      if (provinces.length === 0) throw new AppError("NOT_FOUND", "staff.reports.errors.province_unknown");
    }
    const present = new Set(provinces.map((p) => p.regionId));
    const regionRows = present.size === 0 ? [] : await trx.selectFrom("regions").select(["id", "name_th", "name_en"]).where("id", "in", [...present]).orderBy("id").execute();
    const regions = regionRows.map((r) => {
      const own = provinces.filter((p) => p.regionId === r.id);
      return { id: r.id, nameTh: r.name_th, nameEn: r.name_en, provinces: own, subtotal: sumFigures(own) };
    });
    return { from: input.from, to: input.to, regionId: input.regionId ?? null, provinceCode: input.provinceCode ?? null, regions, total: sumFigures(provinces) };
  });
}
