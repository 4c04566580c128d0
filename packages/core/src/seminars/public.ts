// What the public sees and does: the network's seminar list and pages, registration and
// cancelling by link. Reads run outside any tenant, where the network_read policies show only
// non-draft seminars; registration and cancelling run inside the seminar's co-op.
import { type Database, type Kysely, sql, withTenant } from "@coop/db";
import { AppError } from "../errors.ts";
import { hashToken, newToken } from "../security/tokens.ts";
import { cropLabels, harvestOf, seminarQuery, type SeminarRow, speakersOf, toSummary } from "./rows.ts";
import {
  type CancelTokenInput,
  cancelTokenInput,
  type ListPublicSeminarsInput,
  listPublicSeminarsInput,
  type RegisterInput,
  registerInput,
} from "./schemas.ts";
import type { PublicSeminar, PublicSeminarCard, RegistrationReceipt } from "./types.ts";

interface ActiveCoop {
  id: string;
  slug: string;
  name_th: string;
}

async function activeCoop(db: Kysely<Database>, slug: string): Promise<ActiveCoop | null> {
  const row = await db.selectFrom("tenants").select(["id", "slug", "name_th", "status"]).where("slug", "=", slug).executeTakeFirst();
  return row && row.status === "active" ? row : null;
}

function publicSeminars(db: Kysely<Database>) {
  return seminarQuery(db).innerJoin("tenants as t", "t.id", "s.tenant_id").where("t.status", "=", "active").where("s.status", "<>", "draft");
}

export function cancelPath(tenantSlug: string, seminarId: string, token: string): string {
  return `/seminars/${tenantSlug}/${seminarId}/cancel/${token}`;
}

/**
 * Published seminars of every active co-op (or of one, for its own site): upcoming ones soonest
 * first, past ones latest first.
 */
export async function listPublicSeminars(db: Kysely<Database>, raw: ListPublicSeminarsInput): Promise<{ items: PublicSeminarCard[]; total: number }> {
  const input = listPublicSeminarsInput.parse(raw);
  let query = publicSeminars(db).where("s.status", "=", "published");
  query = input.when === "upcoming" ? query.where("s.ends_at", ">", sql<Date>`now()`) : query.where("s.ends_at", "<=", sql<Date>`now()`);
  if (input.tenantId) query = query.where("s.tenant_id", "=", input.tenantId);
  const [rows, count, crops] = await Promise.all([
    query
      .select(["t.slug as tenant_slug", "t.name_th as tenant_name"])
      .orderBy("s.starts_at", input.when === "upcoming" ? "asc" : "desc")
      .orderBy("s.id")
      .limit(input.pageSize)
      .offset((input.page - 1) * input.pageSize)
      .execute(),
    query.clearSelect().select((eb) => eb.fn.countAll<string>().as("n")).executeTakeFirstOrThrow(),
    cropLabels(db),
  ]);
  const speakers = await speakerNames(db, rows);
  return {
    items: rows.map((r) => ({
      ...toSummary(r, crops),
      tenantId: r.tenant_id,
      tenantSlug: r.tenant_slug,
      tenantName: r.tenant_name,
      speakerNames: speakers.get(`${r.tenant_id}/${r.id}`) ?? [],
    })),
    total: Number(count.n),
  };
}

async function speakerNames(db: Kysely<Database>, rows: SeminarRow[]): Promise<Map<string, string[]>> {
  const names = new Map<string, string[]>();
  if (rows.length === 0) return names;
  const found = await db
    .selectFrom("seminar_speakers as sp")
    .innerJoin("sages as g", "g.id", "sp.sage_id")
    .select(["sp.tenant_id", "sp.seminar_id", "g.name_th"])
    .where("sp.seminar_id", "in", rows.map((r) => r.id))
    .orderBy("sp.position")
    .orderBy("g.name_th")
    .execute();
  for (const r of found) {
    const key = `${r.tenant_id}/${r.seminar_id}`;
    names.set(key, [...(names.get(key) ?? []), r.name_th]);
  }
  return names;
}

function registrationState(row: { status: string; ends_at: Date; capacity: number; registered_count: number }): PublicSeminar["registration"] {
  if (row.status === "cancelled") return "cancelled";
  if (row.ends_at.getTime() <= Date.now()) return "ended";
  if (row.registered_count >= row.capacity) return "full";
  return "open";
}

/** One published (or cancelled) seminar of an active co-op, with speakers, harvest and seats left; null otherwise. */
export async function getPublicSeminar(db: Kysely<Database>, tenantSlug: string, seminarId: string): Promise<PublicSeminar | null> {
  if (!/^[0-9a-f-]{36}$/i.test(seminarId)) return null;
  const row = await publicSeminars(db)
    .select(["t.slug as tenant_slug", "t.name_th as tenant_name"])
    .where("t.slug", "=", tenantSlug)
    .where("s.id", "=", seminarId)
    .executeTakeFirst();
  if (!row) return null;
  const [crops, speakers, harvest] = await Promise.all([
    cropLabels(db),
    speakersOf(db, row.tenant_id, [row.id]),
    harvestOf(db, row.tenant_id, row.id, row.tenant_slug, true),
  ]);
  const list = speakers.get(row.id) ?? [];
  return {
    ...toSummary(row, crops),
    tenantId: row.tenant_id,
    tenantSlug: row.tenant_slug,
    tenantName: row.tenant_name,
    speakerNames: list.map((s) => s.nameTh),
    description: row.description,
    speakers: list,
    harvest,
    registration: registrationState(row),
  };
}

/** Finds the co-op of a public request; an unknown or inactive co-op reads as a missing seminar. */
async function seminarCoop(db: Kysely<Database>, tenantSlug: string): Promise<ActiveCoop> {
  const coop = await activeCoop(db, tenantSlug);
  if (!coop) throw new AppError("NOT_FOUND", "seminar.errors.not_found", { detail: tenantSlug });
  return coop;
}

/**
 * Registers someone for a published seminar that has not ended. The seat is taken by one
 * conditional UPDATE (`registered_count < capacity`) in the same transaction as the insert, so
 * however many people sign up at once, no more than `capacity` get in (the CHECK constraint is
 * the backstop). One live registration per phone number; the cancel token is returned once
 * and only its hash is stored.
 */
export async function registerForSeminar(db: Kysely<Database>, raw: RegisterInput): Promise<RegistrationReceipt> {
  const input = registerInput.parse(raw);
  const coop = await seminarCoop(db, input.tenantSlug);
  const token = newToken();
  return withTenant(db, coop.id, async (trx) => {
    const duplicate = await trx
      .selectFrom("seminar_registrations")
      .select("id")
      .where("tenant_id", "=", coop.id)
      .where("seminar_id", "=", input.seminarId)
      .where("phone", "=", input.phone)
      .where("status", "=", "registered")
      .executeTakeFirst();
    if (duplicate) throw duplicateError();

    const seat = await trx
      .updateTable("seminars")
      .set({ registered_count: sql<number>`registered_count + 1` })
      .where("tenant_id", "=", coop.id)
      .where("id", "=", input.seminarId)
      .where("status", "=", "published")
      .where("ends_at", ">", sql<Date>`now()`)
      .where(sql<boolean>`registered_count < capacity`)
      .returning(["title", "starts_at", "capacity", "registered_count"])
      .executeTakeFirst();
    if (!seat) throw await whyClosed(trx, coop.id, input.seminarId);

    const inserted = await trx
      .insertInto("seminar_registrations")
      .values({
        tenant_id: coop.id,
        seminar_id: input.seminarId,
        name: input.name,
        phone: input.phone,
        interest: input.interest,
        cancel_token_hash: hashToken(token),
      })
      // Two sign-ups with one phone racing past the check above: the partial unique index decides.
      .onConflict((oc) => oc.columns(["tenant_id", "seminar_id", "phone"]).where("status", "=", "registered").doNothing())
      .returning("id")
      .executeTakeFirst();
    if (!inserted) throw duplicateError(); // rolls back the seat taken above

    return {
      registrationId: inserted.id,
      cancelToken: token,
      cancelPath: cancelPath(coop.slug, input.seminarId, token),
      seminarTitle: seat.title,
      startsAt: seat.starts_at,
      seatsLeft: seat.capacity - seat.registered_count,
    };
  });
}

function duplicateError(): AppError {
  return new AppError("CONFLICT", "seminar.errors.already_registered", { fields: { phone: "seminar.errors.already_registered" } });
}

async function whyClosed(trx: Kysely<Database>, tenantId: string, seminarId: string): Promise<AppError> {
  const row = await trx
    .selectFrom("seminars")
    .select(["status", "ends_at", "capacity", "registered_count"])
    .where("tenant_id", "=", tenantId)
    .where("id", "=", seminarId)
    .executeTakeFirst();
  if (!row || row.status === "draft") return new AppError("NOT_FOUND", "seminar.errors.not_found", { detail: seminarId });
  const state = registrationState(row);
  if (state === "cancelled") return new AppError("CONFLICT", "seminar.errors.seminar_cancelled");
  if (state === "ended") return new AppError("CONFLICT", "seminar.errors.ended");
  return new AppError("CONFLICT", "seminar.errors.full");
}

/** What a cancel link points at, for its confirmation page; null when the link is not valid. */
export async function describeRegistration(
  db: Kysely<Database>,
  raw: CancelTokenInput,
): Promise<{ name: string; status: "registered" | "cancelled"; seminarTitle: string; startsAt: Date; tenantName: string } | null> {
  const parsed = cancelTokenInput.safeParse(raw);
  if (!parsed.success) return null;
  const input = parsed.data;
  const coop = await activeCoop(db, input.tenantSlug);
  if (!coop) return null;
  return withTenant(db, coop.id, async (trx) => {
    const row = await trx
      .selectFrom("seminar_registrations as r")
      .innerJoin("seminars as s", (join) => join.onRef("s.tenant_id", "=", "r.tenant_id").onRef("s.id", "=", "r.seminar_id"))
      .select(["r.name", "r.status", "s.title", "s.starts_at"])
      .where("r.tenant_id", "=", coop.id)
      .where("r.seminar_id", "=", input.seminarId)
      .where("r.cancel_token_hash", "=", hashToken(input.token))
      .executeTakeFirst();
    return row ? { name: row.name, status: row.status, seminarTitle: row.title, startsAt: row.starts_at, tenantName: coop.name_th } : null;
  });
}

/**
 * Cancels the registration a cancel link names and frees its seat, in one transaction.
 * Idempotent: a second click finds it already cancelled and changes nothing.
 */
export async function cancelRegistration(db: Kysely<Database>, raw: CancelTokenInput): Promise<{ alreadyCancelled: boolean; seminarTitle: string }> {
  const input = cancelTokenInput.parse(raw);
  const coop = await seminarCoop(db, input.tenantSlug);
  return withTenant(db, coop.id, async (trx) => {
    const cancelled = await trx
      .updateTable("seminar_registrations")
      .set({ status: "cancelled", cancelled_at: sql`now()` })
      .where("tenant_id", "=", coop.id)
      .where("seminar_id", "=", input.seminarId)
      .where("cancel_token_hash", "=", hashToken(input.token))
      .where("status", "=", "registered")
      .returning("id")
      .executeTakeFirst();
    if (cancelled) {
      const seminar = await trx
        .updateTable("seminars")
        .set({ registered_count: sql<number>`registered_count - 1` })
        .where("tenant_id", "=", coop.id)
        .where("id", "=", input.seminarId)
        .returning("title")
        .executeTakeFirstOrThrow();
      return { alreadyCancelled: false, seminarTitle: seminar.title };
    }
    const existing = await trx
      .selectFrom("seminar_registrations as r")
      .innerJoin("seminars as s", (join) => join.onRef("s.tenant_id", "=", "r.tenant_id").onRef("s.id", "=", "r.seminar_id"))
      .select(["s.title"])
      .where("r.tenant_id", "=", coop.id)
      .where("r.seminar_id", "=", input.seminarId)
      .where("r.cancel_token_hash", "=", hashToken(input.token))
      .executeTakeFirst();
    if (!existing) throw new AppError("NOT_FOUND", "seminar.errors.cancel_link_invalid");
    return { alreadyCancelled: true, seminarTitle: existing.title };
  });
}
