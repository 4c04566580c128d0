import { type CsvColumn, csvDocument, phoneText } from "../csv/csv.ts";
import { type Database, type Kysely, withTenant } from "@coop/db";
import { AppError } from "../errors.ts";
import { type ListRegistrantsInput, listRegistrantsInput } from "./schemas.ts";
import type { Registrant } from "./types.ts";

export const REGISTRANTS_CSV_MAX_ROWS = 100_000;

function toRegistrant(r: { id: string; name: string; phone: string; interest: string | null; status: "registered" | "cancelled"; created_at: Date; cancelled_at: Date | null }): Registrant {
  return { id: r.id, name: r.name, phone: r.phone, interest: r.interest, status: r.status, createdAt: r.created_at, cancelledAt: r.cancelled_at };
}

async function requireSeminar(trx: Kysely<Database>, tenantId: string, seminarId: string): Promise<{ title: string; starts_at: Date }> {
  const row = await trx.selectFrom("seminars").select(["title", "starts_at"]).where("tenant_id", "=", tenantId).where("id", "=", seminarId).executeTakeFirst();
  if (!row) throw new AppError("NOT_FOUND", "seminar.errors.not_found", { detail: seminarId });
  return row;
}

/** Who signed up, in sign-up order, paged; with the counts of live and cancelled registrations. */
export async function listRegistrants(
  db: Kysely<Database>,
  tenantId: string,
  raw: ListRegistrantsInput,
): Promise<{ items: Registrant[]; total: number; registered: number; cancelled: number }> {
  const input = listRegistrantsInput.parse(raw);
  return withTenant(db, tenantId, async (trx) => {
    await requireSeminar(trx, tenantId, input.seminarId);
    let query = trx
      .selectFrom("seminar_registrations")
      .select(["id", "name", "phone", "interest", "status", "created_at", "cancelled_at"])
      .where("tenant_id", "=", tenantId)
      .where("seminar_id", "=", input.seminarId);
    if (!input.includeCancelled) query = query.where("status", "=", "registered");
    const rows = await query
      .orderBy("created_at")
      .orderBy("id")
      .limit(input.pageSize)
      .offset((input.page - 1) * input.pageSize)
      .execute();
    const counts = await trx
      .selectFrom("seminar_registrations")
      .select(["status", (eb) => eb.fn.countAll<string>().as("n")])
      .where("tenant_id", "=", tenantId)
      .where("seminar_id", "=", input.seminarId)
      .groupBy("status")
      .execute();
    const count = (status: string) => Number(counts.find((c) => c.status === status)?.n ?? 0);
    const registered = count("registered");
    const cancelled = count("cancelled");
    return { items: rows.map(toRegistrant), total: input.includeCancelled ? registered + cancelled : registered, registered, cancelled };
  });
}

const bangkokTime = new Intl.DateTimeFormat("sv-SE", { timeZone: "Asia/Bangkok", dateStyle: "short", timeStyle: "short" });

/** Every registration of the seminar (cancelled ones marked) as CSV, UTF-8 with a BOM so Excel shows Thai. */
export async function registrantsCsv(db: Kysely<Database>, tenantId: string, seminarId: string): Promise<{ body: string; seminarTitle: string; startsAt: Date }> {
  return withTenant(db, tenantId, async (trx) => {
    const seminar = await requireSeminar(trx, tenantId, seminarId);
    const rows = await trx
      .selectFrom("seminar_registrations")
      .select(["id", "name", "phone", "interest", "status", "created_at", "cancelled_at"])
      .where("tenant_id", "=", tenantId)
      .where("seminar_id", "=", seminarId)
      .orderBy("created_at")
      .orderBy("id")
      .limit(REGISTRANTS_CSV_MAX_ROWS)
      .execute();
    type Row = (typeof rows)[number];
    const columns: CsvColumn<Row & { no: number }>[] = [
      { header: "no", value: (r) => r.no },
      { header: "name", value: (r) => r.name },
      // Phone numbers keep their leading zero in a spreadsheet only as text.
      { header: "phone", value: (r) => phoneText(r.phone) },
      { header: "farming_interest", value: (r) => r.interest },
      { header: "status", value: (r) => r.status },
      { header: "registered_at", value: (r) => bangkokTime.format(r.created_at) },
      { header: "cancelled_at", value: (r) => (r.cancelled_at ? bangkokTime.format(r.cancelled_at) : null) },
    ];
    const body = csvDocument(columns, rows.map((r, i) => ({ ...r, no: i + 1 })));
    return { body, seminarTitle: seminar.title, startsAt: seminar.starts_at };
  });
}
