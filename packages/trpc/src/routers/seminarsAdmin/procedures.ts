import {
  addHarvestInput, addSeminarHarvest, cancelSeminar, createSeminar, getAdminSeminar, listAdminSeminars, listAdminSeminarsInput, listRegistrants,
  listRegistrantsInput, publishSeminar, registrantsCsv, removeHarvestInput, removeSeminarHarvest, seminarFieldsInput, seminarFormOptions,
  seminarIdInput, setSeminarSpeakers, setSpeakersInput, updateSeminar, updateSeminarInput,
} from "@coop/core";
import { memberProcedure } from "../../trpc.ts";

// Back-office seminars: every procedure acts for the Host's co-op (never a co-op named in input)
// and needs content.edit.
const edit = memberProcedure("content.edit");

/** The co-op's seminars, upcoming first, paged (≤ 50). */
export const list = edit.input(listAdminSeminarsInput).query(({ ctx, input }) => listAdminSeminars(ctx.db, ctx.tenant.id, input));

export const get = edit.input(seminarIdInput).query(({ ctx, input }) => getAdminSeminar(ctx.db, ctx.tenant.id, input.seminarId));

/** Crops, sages and the co-op's articles for the form's pickers. */
export const options = edit.query(({ ctx }) => seminarFormOptions(ctx.db, ctx.tenant.id));

export const create = edit.input(seminarFieldsInput).mutation(({ ctx, input }) => createSeminar(ctx.db, ctx.tenant.id, ctx.user.id, input));

export const update = edit.input(updateSeminarInput).mutation(async ({ ctx, input }) => {
  await updateSeminar(ctx.db, ctx.tenant.id, ctx.user.id, input);
  return { ok: true as const };
});

export const publish = edit.input(seminarIdInput).mutation(async ({ ctx, input }) => {
  await publishSeminar(ctx.db, ctx.tenant.id, ctx.user.id, input.seminarId);
  return { ok: true as const };
});

export const cancel = edit.input(seminarIdInput).mutation(async ({ ctx, input }) => {
  await cancelSeminar(ctx.db, ctx.tenant.id, ctx.user.id, input.seminarId);
  return { ok: true as const };
});

/** Replaces the speakers, in order. */
export const speakers = edit.input(setSpeakersInput).mutation(async ({ ctx, input }) => {
  await setSeminarSpeakers(ctx.db, ctx.tenant.id, ctx.user.id, input);
  return { ok: true as const };
});

export const registrants = edit.input(listRegistrantsInput).query(({ ctx, input }) => listRegistrants(ctx.db, ctx.tenant.id, input));

/** Every registration as a CSV file (UTF-8 with BOM, so Excel shows Thai). */
export const csv = edit.input(seminarIdInput).query(async ({ ctx, input }) => {
  const file = await registrantsCsv(ctx.db, ctx.tenant.id, input.seminarId);
  const day = new Intl.DateTimeFormat("sv-SE", { timeZone: "Asia/Bangkok" }).format(file.startsAt);
  return { filename: `seminar-${ctx.tenant.slug}-${day}.csv`, contentType: "text/csv; charset=utf-8", body: file.body };
});

export const harvestAdd = edit.input(addHarvestInput).mutation(({ ctx, input }) => addSeminarHarvest(ctx.db, ctx.tenant.id, ctx.user.id, input));

export const harvestRemove = edit.input(removeHarvestInput).mutation(async ({ ctx, input }) => {
  await removeSeminarHarvest(ctx.db, ctx.tenant.id, ctx.user.id, input);
  return { ok: true as const };
});
