import { type Database, type Kysely, type Transaction, withTenant } from "@coop/db";
import { recordAudit } from "../audit/record.ts";
import { AppError } from "../errors.ts";
import { isoDate } from "./rows.ts";
import type { RecordMeetingInput } from "./schemas.ts";
import type { TenantMeeting } from "./types.ts";

/** A co-op records a joint meeting with a centre it is confirmed to be linked with. */
export async function recordJointMeeting(db: Kysely<Database>, tenantId: string, actorUserId: string, input: RecordMeetingInput): Promise<{ id: string }> {
  return withTenant(db, tenantId, (trx) => insertJointMeeting(trx, tenantId, actorUserId, input));
}

/**
 * The meeting's rules and write, inside a transaction already scoped to `tenantId` (withTenant), so
 * staff recording on a co-op's behalf can audit it in the same transaction.
 */
export async function insertJointMeeting(trx: Transaction<Database>, tenantId: string, actorUserId: string, input: RecordMeetingInput): Promise<{ id: string }> {
  const link = await trx
    .selectFrom("centre_links")
    .select("status")
    .where("tenant_id", "=", tenantId)
    .where("centre_id", "=", input.centreId)
    .executeTakeFirst();
  if (link?.status !== "confirmed") {
    throw new AppError("VALIDATION", "directory.errors.meeting_needs_link", { fields: { centreId: "directory.errors.meeting_needs_link" } });
  }
  const { id } = await trx
    .insertInto("joint_meetings")
    .values({
      tenant_id: tenantId, centre_id: input.centreId, held_on: input.heldOn, place: input.place, attendees: input.attendees,
      attendee_count: input.attendeeCount ?? null, minutes: input.minutes ?? null, outcomes: input.outcomes ?? null, recorded_by: actorUserId,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  await recordAudit(trx, { tenantId, actorUserId, action: "joint_meeting.record", subjectType: "joint_meeting", subjectId: id, data: { centreId: input.centreId, heldOn: input.heldOn } });
  return { id };
}

/** Every meeting a co-op recorded, newest first, in full. */
export async function listTenantMeetings(db: Kysely<Database>, tenantId: string): Promise<TenantMeeting[]> {
  const rows = await withTenant(db, tenantId, (trx) =>
    trx
      .selectFrom("joint_meetings as m")
      .innerJoin("learning_centres as c", "c.id", "m.centre_id")
      .select([
        "m.id", "m.centre_id", "c.name_th", isoDate("m.held_on").as("held_on"), "m.place", "m.attendees", "m.attendee_count", "m.minutes",
        "m.outcomes", "m.created_at",
      ])
      .where("m.tenant_id", "=", tenantId)
      .orderBy("m.held_on", "desc")
      .orderBy("m.created_at", "desc")
      .limit(200)
      .execute(),
  );
  return rows.map((r) => ({
    id: r.id, centreId: r.centre_id, centreNameTh: r.name_th, heldOn: r.held_on, place: r.place, attendees: r.attendees,
    attendeeCount: r.attendee_count, minutes: r.minutes, outcomes: r.outcomes, createdAt: r.created_at,
  }));
}
