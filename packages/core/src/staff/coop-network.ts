// Staff acting for co-ops in the ศพก. network: link decisions, joint meetings, centre import.
// Every read goes through the staff scope, every action through actOnCoop + recordStaffAudit
// (one transaction), and the directory's own rules (links.ts, meetings.ts, csv-import.ts) are reused as they are.
import { type Database, type Kysely, sql } from "@coop/db";
import { parse } from "csv-parse/sync";
import { z } from "zod";
import { importCentresCsv, type CentreImportReport } from "../directory/csv-import.ts";
import { applyCentreLinkDecision } from "../directory/links.ts";
import { insertJointMeeting } from "../directory/meetings.ts";
import { isoDate } from "../directory/rows.ts";
import { recordMeetingInput } from "../directory/schemas.ts";
import type { DirectoryProvince, LinkStatus } from "../directory/types.ts";
import { recordStaffAudit } from "./audit.ts";
import { parseStaffInput, STAFF_MAX_PAGE_SIZE } from "./schemas.ts";
import { actOnCoop, coopInScope, type StaffScope, withStaffScope } from "./scope.ts";

// ---- inputs (messages are i18n keys) ----

const tenantId = z.string({ error: "validation.invalid" }).trim().uuid("staff.errors.coop_not_found");
const centreId = z.string({ error: "validation.invalid" }).trim().uuid("directory.errors.link_not_found");
const page = z.coerce.number({ error: "validation.invalid" }).int("validation.invalid").min(1, "validation.invalid").max(10_000, "validation.invalid").default(1);
const pageSize = z.coerce.number({ error: "validation.invalid" }).int("validation.invalid").min(1, "validation.invalid").max(STAFF_MAX_PAGE_SIZE, "validation.invalid").default(20);

export const STAFF_LINK_STATUSES = ["proposed", "confirmed", "declined"] as const;

export const staffLinksInput = z.object({
  status: z.enum(STAFF_LINK_STATUSES, { error: "validation.invalid" }).optional(),
  tenantId: tenantId.optional(),
  /** The co-op's province (as the co-op list filters). */
  provinceCode: z.coerce.number({ error: "validation.province" }).int("validation.province").min(1, "validation.province").max(99, "validation.province").optional(),
  page,
  pageSize,
});
export type StaffLinksInput = z.input<typeof staffLinksInput>;

export const staffDecideLinkInput = z.object({
  tenantId,
  centreId,
  decision: z.enum(["confirmed", "declined"], { error: "staff.network.errors.decision" }),
  note: z
    .string({ error: "validation.invalid" })
    .trim()
    .max(1000, "validation.too_long")
    .transform((v) => (v === "" ? null : v))
    .nullable()
    .optional(),
});
export type StaffDecideLinkInput = z.input<typeof staffDecideLinkInput>;

export const staffMeetingsInput = z.object({ tenantId: tenantId.optional(), page, pageSize });
export type StaffMeetingsInput = z.input<typeof staffMeetingsInput>;

/** The co-op's meeting form with the co-op it is for. */
export const staffRecordMeetingInput = recordMeetingInput.extend({ tenantId });
export type StaffRecordMeetingInput = z.input<typeof staffRecordMeetingInput>;

export const staffLinkOptionsInput = z.object({ tenantId: tenantId.optional() });
export type StaffLinkOptionsInput = z.input<typeof staffLinkOptionsInput>;

// ---- views ----

export interface StaffLinkView {
  tenantId: string;
  tenantSlug: string;
  tenantNameTh: string;
  tenantNameEn: string | null;
  tenantProvince: DirectoryProvince;
  centreId: string;
  centreCode: string;
  centreNameTh: string;
  centreNameEn: string | null;
  centreDistrictTh: string;
  centreProvince: DirectoryProvince;
  status: LinkStatus;
  /** The co-op's note with its proposal. */
  note: string | null;
  proposedAt: Date;
  decidedAt: Date | null;
  decidedByName: string | null;
  /** The staff member's note with the decision (from the staff log; null when none was given). */
  decisionNote: string | null;
}

export interface StaffLinksPage {
  items: StaffLinkView[];
  total: number;
  page: number;
  pageSize: number;
  /** Per status, with the same co-op and province filters (for the tabs). */
  counts: Record<LinkStatus, number>;
  /** The co-op filtered on, with its name for the page's heading. */
  coop: CoopName | null;
}

export interface CoopName {
  id: string;
  nameTh: string;
  nameEn: string | null;
}

export interface StaffMeetingView {
  id: string;
  tenantId: string;
  tenantSlug: string;
  tenantNameTh: string;
  tenantNameEn: string | null;
  centreId: string;
  centreNameTh: string;
  heldOn: string;
  place: string;
  attendees: string;
  attendeeCount: number | null;
  minutes: string | null;
  outcomes: string | null;
  recordedByName: string | null;
  /** True when the recorder is not a member of the co-op (staff recorded it on the co-op's behalf). */
  recordedByStaff: boolean;
  createdAt: Date;
}

export interface StaffLinkOptions {
  /** Co-ops in scope with at least one confirmed centre (the meeting form's first choice). */
  coops: { id: string; nameTh: string; nameEn: string | null }[];
  /** The chosen co-op, even when it has no confirmed centre yet. */
  coop: CoopName | null;
  /** The chosen co-op's confirmed centres (empty without a co-op). */
  centres: { id: string; nameTh: string; nameEn: string | null; districtTh: string; provinceNameTh: string; provinceNameEn: string }[];
}

export interface CentreImportPreviewRow {
  row: number;
  code: string;
  nameTh: string;
  action: "create" | "update";
}

export interface StaffCentreImportReport extends CentreImportReport {
  /** On a dry run that passed: each row and whether it would create or update a centre. */
  preview: CentreImportPreviewRow[];
}

const regionsOf = (scope: StaffScope) => (scope.regionIds.length > 0 ? scope.regionIds : [-1]);

/** The co-op a list is filtered on, checked against the scope first (another region's id is "not found"). */
async function filterCoop(db: Kysely<Database>, scope: StaffScope, tenantId: string | undefined): Promise<CoopName | null> {
  if (!tenantId) return null;
  await coopInScope(db, scope, tenantId);
  const row = await db.selectFrom("tenants").select(["id", "name_th", "name_en"]).where("id", "=", tenantId).executeTakeFirstOrThrow();
  return { id: row.id, nameTh: row.name_th, nameEn: row.name_en };
}

// ---- links ----

/** Links of co-ops in scope: proposals first (oldest first, the queue), then decided ones (latest decision first). */
export async function listStaffLinks(db: Kysely<Database>, scope: StaffScope, rawInput: StaffLinksInput): Promise<StaffLinksPage> {
  const input = parseStaffInput(staffLinksInput, rawInput);
  const coop = await filterCoop(db, scope, input.tenantId);
  return withStaffScope(db, scope, async (trx) => {
    // centre_links is readable here through its staff_read policy; the region filter repeats it on purpose.
    let base = trx
      .selectFrom("centre_links as l")
      .innerJoin("tenants as t", "t.id", "l.tenant_id")
      .where("t.region_id", "in", regionsOf(scope));
    if (input.tenantId) base = base.where("l.tenant_id", "=", input.tenantId);
    if (input.provinceCode) base = base.where("t.province_code", "=", input.provinceCode);
    const countRows = await base.select(["l.status", sql<number>`count(*)::int`.as("n")]).groupBy("l.status").execute();
    const counts: Record<LinkStatus, number> = { proposed: 0, confirmed: 0, declined: 0 };
    for (const r of countRows) counts[r.status] = Number(r.n);
    const filtered = input.status ? base.where("l.status", "=", input.status) : base;
    const total = input.status ? counts[input.status] : counts.proposed + counts.confirmed + counts.declined;
    const rows = await filtered
      .innerJoin("provinces as tp", "tp.code", "t.province_code")
      .innerJoin("learning_centres as c", "c.id", "l.centre_id")
      .innerJoin("provinces as cp", "cp.code", "c.province_code")
      .leftJoin("users as u", "u.id", "l.decided_by")
      .select([
        "l.tenant_id", "t.slug", "t.name_th as tenant_name_th", "t.name_en as tenant_name_en",
        "tp.code as tp_code", "tp.name_th as tp_name_th", "tp.name_en as tp_name_en",
        "l.centre_id", "c.code as centre_code", "c.name_th as centre_name_th", "c.name_en as centre_name_en", "c.district_th",
        "cp.code as cp_code", "cp.name_th as cp_name_th", "cp.name_en as cp_name_en",
        "l.status", "l.note", "l.proposed_at", "l.decided_at", "u.display_name",
        // The note lives with the decision's staff audit row (centre_links keeps only the co-op's own note).
        sql<string | null>`CASE WHEN l.status <> 'proposed' THEN (SELECT e.detail->>'note' FROM staff_audit_events e
          WHERE e.subject_tenant_id = l.tenant_id AND e.action IN ('centre_link.confirm', 'centre_link.decline') AND e.detail->>'centreId' = l.centre_id::text
          ORDER BY e.created_at DESC LIMIT 1) END`.as("decision_note"),
      ])
      .orderBy(sql`CASE l.status WHEN 'proposed' THEN 0 WHEN 'confirmed' THEN 1 ELSE 2 END`)
      .orderBy(sql`CASE WHEN l.status = 'proposed' THEN l.proposed_at END`, "asc")
      .orderBy("l.decided_at", "desc")
      .orderBy("l.tenant_id")
      .orderBy("l.centre_id")
      .limit(input.pageSize)
      .offset((input.page - 1) * input.pageSize)
      .execute();
    return {
      total,
      page: input.page,
      pageSize: input.pageSize,
      counts,
      coop,
      items: rows.map((r) => ({
        tenantId: r.tenant_id, tenantSlug: r.slug, tenantNameTh: r.tenant_name_th, tenantNameEn: r.tenant_name_en,
        tenantProvince: { code: r.tp_code, nameTh: r.tp_name_th, nameEn: r.tp_name_en },
        centreId: r.centre_id, centreCode: r.centre_code, centreNameTh: r.centre_name_th, centreNameEn: r.centre_name_en, centreDistrictTh: r.district_th,
        centreProvince: { code: r.cp_code, nameTh: r.cp_name_th, nameEn: r.cp_name_en },
        status: r.status, note: r.note, proposedAt: r.proposed_at, decidedAt: r.decided_at, decidedByName: r.display_name,
        decisionNote: r.decision_note,
      })),
    };
  });
}

/** Confirms or declines a co-op's proposal (directory rules), audited for the co-op and in the staff log, in one transaction. */
export async function staffDecideLink(
  db: Kysely<Database>,
  scope: StaffScope,
  rawInput: StaffDecideLinkInput,
): Promise<{ tenantId: string; centreId: string; status: "confirmed" | "declined" }> {
  const input = parseStaffInput(staffDecideLinkInput, rawInput);
  return actOnCoop(db, scope, input.tenantId, async (trx, coop) => {
    await applyCentreLinkDecision(trx, scope.userId, { tenantId: coop.id, centreId: input.centreId, decision: input.decision, note: input.note ?? null });
    await recordStaffAudit(trx, {
      actorUserId: scope.userId, action: input.decision === "confirmed" ? "centre_link.confirm" : "centre_link.decline", regionId: coop.regionId, tenantId: coop.id,
      detail: { centreId: input.centreId, ...(input.note ? { note: input.note } : {}) },
    });
    return { tenantId: coop.id, centreId: input.centreId, status: input.decision };
  });
}

/** The co-ops (in scope) that have confirmed centres, and a chosen co-op's confirmed centres: the meeting form's choices. */
export async function staffLinkOptions(db: Kysely<Database>, scope: StaffScope, rawInput: StaffLinkOptionsInput): Promise<StaffLinkOptions> {
  const input = parseStaffInput(staffLinkOptionsInput, rawInput);
  const coop = await filterCoop(db, scope, input.tenantId);
  return withStaffScope(db, scope, async (trx) => {
    const coops = await trx
      .selectFrom("tenants as t")
      .select(["t.id", "t.name_th", "t.name_en"])
      .where("t.region_id", "in", regionsOf(scope))
      .where((eb) => eb.exists(eb.selectFrom("centre_links as l").select("l.centre_id").whereRef("l.tenant_id", "=", "t.id").where("l.status", "=", "confirmed")))
      .orderBy("t.name_th")
      .orderBy("t.id")
      .limit(2000)
      .execute();
    const centres = input.tenantId
      ? await trx
          .selectFrom("centre_links as l")
          .innerJoin("learning_centres as c", "c.id", "l.centre_id")
          .innerJoin("provinces as p", "p.code", "c.province_code")
          .select(["c.id", "c.name_th", "c.name_en", "c.district_th", "p.name_th as province_name_th", "p.name_en as province_name_en"])
          .where("l.tenant_id", "=", input.tenantId)
          .where("l.status", "=", "confirmed")
          .orderBy("c.name_th")
          .orderBy("c.id")
          .execute()
      : [];
    return {
      coop,
      coops: coops.map((c) => ({ id: c.id, nameTh: c.name_th, nameEn: c.name_en })),
      centres: centres.map((c) => ({ id: c.id, nameTh: c.name_th, nameEn: c.name_en, districtTh: c.district_th, provinceNameTh: c.province_name_th, provinceNameEn: c.province_name_en })),
    };
  });
}

// ---- joint meetings ----

/** Joint meetings of co-ops in scope, latest first. */
export async function listStaffMeetings(
  db: Kysely<Database>,
  scope: StaffScope,
  rawInput: StaffMeetingsInput,
): Promise<{ items: StaffMeetingView[]; total: number; page: number; pageSize: number; coop: CoopName | null }> {
  const input = parseStaffInput(staffMeetingsInput, rawInput);
  const coop = await filterCoop(db, scope, input.tenantId);
  return withStaffScope(db, scope, async (trx) => {
    // joint_meetings are network-readable (the public centre pages list them), so the region filter here is what scopes the list.
    let base = trx.selectFrom("joint_meetings as m").innerJoin("tenants as t", "t.id", "m.tenant_id").where("t.region_id", "in", regionsOf(scope));
    if (input.tenantId) base = base.where("m.tenant_id", "=", input.tenantId);
    const { total } = await base.select(sql<number>`count(*)::int`.as("total")).executeTakeFirstOrThrow();
    const rows = await base
      .innerJoin("learning_centres as c", "c.id", "m.centre_id")
      .leftJoin("users as u", "u.id", "m.recorded_by")
      .select([
        "m.id", "m.tenant_id", "t.slug", "t.name_th as tenant_name_th", "t.name_en as tenant_name_en", "m.centre_id", "c.name_th as centre_name_th",
        isoDate("m.held_on").as("held_on"), "m.place", "m.attendees", "m.attendee_count", "m.minutes", "m.outcomes", "m.created_at", "u.display_name",
        // Memberships of co-ops in scope are readable in a staff transaction (staff_read, migration 0008).
        sql<boolean>`(m.recorded_by IS NOT NULL AND NOT EXISTS (SELECT 1 FROM memberships ms WHERE ms.tenant_id = m.tenant_id AND ms.user_id = m.recorded_by))`.as("by_staff"),
      ])
      .orderBy("m.held_on", "desc")
      .orderBy("m.created_at", "desc")
      .orderBy("m.id")
      .limit(input.pageSize)
      .offset((input.page - 1) * input.pageSize)
      .execute();
    return {
      total: Number(total),
      page: input.page,
      pageSize: input.pageSize,
      coop,
      items: rows.map((r) => ({
        id: r.id, tenantId: r.tenant_id, tenantSlug: r.slug, tenantNameTh: r.tenant_name_th, tenantNameEn: r.tenant_name_en, centreId: r.centre_id,
        centreNameTh: r.centre_name_th, heldOn: r.held_on, place: r.place, attendees: r.attendees, attendeeCount: r.attendee_count, minutes: r.minutes,
        outcomes: r.outcomes, recordedByName: r.display_name, recordedByStaff: Boolean(r.by_staff), createdAt: r.created_at,
      })),
    };
  });
}

/**
 * Records a joint meeting on a co-op's behalf: the co-op's own rules (a confirmed link), the staff
 * member as the recorder, audited in the co-op's log and the staff log in the same transaction.
 */
export async function staffRecordMeeting(db: Kysely<Database>, scope: StaffScope, tenant: string, rawInput: unknown): Promise<{ id: string; tenantId: string }> {
  const input = parseStaffInput(recordMeetingInput, rawInput);
  return actOnCoop(db, scope, tenant, async (trx, coop) => {
    const { id } = await insertJointMeeting(trx, coop.id, scope.userId, input);
    await recordStaffAudit(trx, {
      actorUserId: scope.userId, action: "joint_meeting.record", regionId: coop.regionId, tenantId: coop.id,
      detail: { meetingId: id, centreId: input.centreId, heldOn: input.heldOn },
    });
    return { id, tenantId: coop.id };
  });
}

// ---- centre import ----

/**
 * The rows a valid file holds and whether each creates or updates a centre, for the dry run's
 * table. Only called once importCentresCsv passed the file, so the header and codes are known good.
 */
async function previewRows(db: Kysely<Database>, csvText: string): Promise<CentreImportPreviewRow[]> {
  const records = parse(csvText, { bom: true, relax_column_count: true, skip_empty_lines: false, trim: false }) as string[][];
  const header = (records[0] ?? []).map((h) => h.replace(/^\uFEFF/, "").normalize("NFC").trim().toLowerCase());
  const codeAt = header.indexOf("code");
  const nameAt = header.indexOf("name_th");
  const rows = records
    .slice(1)
    .map((cells, i) => ({ row: i + 2, cells }))
    .filter(({ cells }) => cells.some((c) => c.trim() !== ""))
    .map(({ row, cells }) => ({ row, code: (cells[codeAt] ?? "").trim(), nameTh: (cells[nameAt] ?? "").trim() }));
  const codes = rows.map((r) => r.code);
  const existing = new Set(
    codes.length === 0 ? [] : (await db.selectFrom("learning_centres").select("code").where("code", "in", codes).execute()).map((r) => r.code),
  );
  return rows.map((r) => ({ ...r, action: existing.has(r.code) ? "update" : "create" }));
}

/**
 * The ศพก. CSV import (all or nothing, importCentresCsv), for any staff member: centres belong to
 * the whole network. A real import is written to the staff log with its counts.
 */
export async function staffImportCentres(db: Kysely<Database>, scope: StaffScope, csvText: string, options: { dryRun: boolean }): Promise<StaffCentreImportReport> {
  const report = await importCentresCsv(db, csvText, { dryRun: options.dryRun });
  if (!report.ok) return { ...report, preview: [] };
  if (options.dryRun) return { ...report, preview: await previewRows(db, csvText) };
  // importCentresCsv commits in its own transaction (it cannot join one), so the audit row follows it.
  await db.transaction().execute((trx) =>
    recordStaffAudit(trx, {
      actorUserId: scope.userId, action: "centre.import", regionId: null, tenantId: null,
      detail: { rows: report.rows, created: report.created, updated: report.updated },
    }),
  );
  return { ...report, preview: [] };
}
