import { type Database, type Kysely, type OrderStatus, sql } from "@coop/db";
import { z } from "zod";
import { coopIdInput, OVERVIEW_MAX_DAYS, parseStaffInput } from "./schemas.ts";
import { coopInScope, type StaffScope, withStaffScope } from "./scope.ts";
import { type MonthFigures, monthlyOrders, type OrderFigures } from "./overview.ts";

// One co-op over time for its regional staff: monthly order figures (rollup only) and a
// bounded activity timeline. Both read under withStaffScope, so RLS — not just the scope
// check — keeps another region's rows out.

const isoDay = z
  .string({ error: "validation.invalid" })
  .regex(/^\d{4}-\d{2}-\d{2}$/, "validation.invalid")
  // Zod runs this refine even after the regex failed: a non-date must not reach toISOString (it throws).
  .refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v), "validation.invalid");

/** A co-op and a range of Asia/Bangkok calendar days (inclusive), at most OVERVIEW_MAX_DAYS long. */
export const coopFiguresInput = coopIdInput
  .extend({ from: isoDay, to: isoDay })
  .refine((v) => v.from <= v.to && (Date.parse(v.to) - Date.parse(v.from)) / 86_400_000 < OVERVIEW_MAX_DAYS, { message: "validation.invalid", path: ["to"] });
export type CoopFiguresInput = z.input<typeof coopFiguresInput>;

export const TIMELINE_MAX = 100;
export const coopTimelineInput = coopIdInput.extend({
  limit: z.coerce.number({ error: "validation.invalid" }).int("validation.invalid").min(1, "validation.invalid").max(TIMELINE_MAX, "validation.invalid").default(30),
});
export type CoopTimelineInput = z.input<typeof coopTimelineInput>;

export interface CoopFigures {
  tenantId: string;
  from: string;
  to: string;
  orders: OrderFigures;
  /** One entry per calendar month the range touches (YYYY-MM), months without orders included. */
  months: MonthFigures[];
}

/** A co-op's orders and sales month by month, from the order_daily_stats rollup only. */
export async function coopFigures(db: Kysely<Database>, scope: StaffScope, tenantId: string, range: { from: string; to: string }): Promise<CoopFigures> {
  const input = parseStaffInput(coopFiguresInput, { tenantId, ...range });
  return withStaffScope(db, scope, async (trx) => {
    await coopInScope(trx, scope, input.tenantId);
    const { months, orders } = await monthlyOrders(trx, sql<boolean>`d.tenant_id = ${input.tenantId}`, input.from, input.to);
    return { tenantId: input.tenantId, from: input.from, to: input.to, orders, months };
  });
}

/** What happened at a co-op; each kind carries only what staff may see (an order: its number, status and total — never the customer). */
export type TimelineEvent =
  | { kind: "order.placed"; at: Date; number: number; status: OrderStatus; totalSatang: number }
  | { kind: "product.added"; at: Date; productId: string; nameTh: string }
  | { kind: "article.published"; at: Date; articleId: string; title: string; shared: boolean }
  | { kind: "seminar.announced"; at: Date; seminarId: string; title: string; startsAt: Date; status: "published" | "cancelled" }
  | { kind: "link.proposed" | "link.confirmed" | "link.declined"; at: Date; centreId: string; centreNameTh: string }
  | { kind: "meeting.held"; at: Date; centreId: string; centreNameTh: string; attendeeCount: number | null }
  | { kind: "staff.action"; at: Date; action: string; actorName: string | null; reason: string | null };

const asDate = (v: Date | string): Date => (v instanceof Date ? v : new Date(v));

/**
 * The co-op's recent activity, newest first, at most `limit` events. Each source reads only its
 * newest `limit` rows through a (tenant_id, time) ordered query, so the cost is bounded whatever
 * the co-op's history; then the sources are merged.
 */
export async function coopTimeline(db: Kysely<Database>, scope: StaffScope, rawInput: CoopTimelineInput): Promise<TimelineEvent[]> {
  const input = parseStaffInput(coopTimelineInput, rawInput);
  const { tenantId, limit } = input;
  return withStaffScope(db, scope, async (trx) => {
    await coopInScope(trx, scope, tenantId);
    const events: TimelineEvent[] = [];
    const orders = await trx
      .selectFrom("orders")
      .select(["number", "status", "total_satang", "created_at"])
      .where("tenant_id", "=", tenantId)
      .orderBy("created_at", "desc")
      .orderBy("number", "desc")
      .limit(limit)
      .execute();
    for (const o of orders) events.push({ kind: "order.placed", at: asDate(o.created_at), number: o.number, status: o.status, totalSatang: o.total_satang });
    const products = await trx
      .selectFrom("products")
      .select(["id", "name_th", "created_at"])
      .where("tenant_id", "=", tenantId)
      .orderBy("created_at", "desc")
      .limit(limit)
      .execute();
    for (const p of products) events.push({ kind: "product.added", at: asDate(p.created_at), productId: p.id, nameTh: p.name_th });
    const articles = await trx
      .selectFrom("articles")
      .select(["id", "title", "shared", "published_at"])
      .where("tenant_id", "=", tenantId)
      .where("status", "=", "published")
      .where("published_at", "is not", null)
      .orderBy("published_at", "desc")
      .limit(limit)
      .execute();
    for (const a of articles) events.push({ kind: "article.published", at: asDate(a.published_at!), articleId: a.id, title: a.title, shared: a.shared });
    const seminars = await trx
      .selectFrom("seminars")
      .select(["id", "title", "starts_at", "status", "created_at"])
      .where("tenant_id", "=", tenantId)
      .where("status", "<>", "draft")
      .orderBy("created_at", "desc")
      .limit(limit)
      .execute();
    for (const s of seminars) {
      events.push({ kind: "seminar.announced", at: asDate(s.created_at), seminarId: s.id, title: s.title, startsAt: asDate(s.starts_at), status: s.status as "published" | "cancelled" });
    }
    const links = await trx
      .selectFrom("centre_links as l")
      .innerJoin("learning_centres as c", "c.id", "l.centre_id")
      .select(["l.centre_id", "c.name_th", "l.status", "l.proposed_at", "l.decided_at"])
      .where("l.tenant_id", "=", tenantId)
      .orderBy(sql`coalesce(l.decided_at, l.proposed_at)`, "desc")
      .limit(limit)
      .execute();
    for (const l of links) {
      // A decided link shows both steps: its proposal and the decision.
      events.push({ kind: "link.proposed", at: asDate(l.proposed_at), centreId: l.centre_id, centreNameTh: l.name_th });
      if (l.decided_at && l.status !== "proposed") {
        events.push({ kind: l.status === "confirmed" ? "link.confirmed" : "link.declined", at: asDate(l.decided_at), centreId: l.centre_id, centreNameTh: l.name_th });
      }
    }
    const meetings = await trx
      .selectFrom("joint_meetings as m")
      .innerJoin("learning_centres as c", "c.id", "m.centre_id")
      .select(["m.centre_id", "c.name_th", "m.attendee_count", sql<string>`to_char(m.held_on, 'YYYY-MM-DD')`.as("held_on")])
      .where("m.tenant_id", "=", tenantId)
      .orderBy("m.held_on", "desc")
      .limit(limit)
      .execute();
    for (const m of meetings) {
      // A meeting is a Bangkok calendar day: placed at its midnight there.
      events.push({ kind: "meeting.held", at: new Date(`${m.held_on}T00:00:00+07:00`), centreId: m.centre_id, centreNameTh: m.name_th, attendeeCount: m.attendee_count });
    }
    const staff = await trx
      .selectFrom("staff_audit_events as e")
      .leftJoin("users as u", "u.id", "e.actor_user_id")
      .select(["e.action", "e.detail", "e.created_at", "u.display_name"])
      .where("e.subject_tenant_id", "=", tenantId)
      .orderBy("e.created_at", "desc")
      .limit(limit)
      .execute();
    for (const e of staff) {
      const reason = (e.detail as { reason?: unknown } | null)?.reason;
      events.push({ kind: "staff.action", at: asDate(e.created_at), action: e.action, actorName: e.display_name, reason: typeof reason === "string" ? reason : null });
    }
    events.sort((a, b) => b.at.getTime() - a.at.getTime());
    return events.slice(0, limit);
  });
}
