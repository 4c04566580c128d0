import { KNOWLEDGE_TOPICS } from "@coop/db";
import { z } from "zod";

export const MAX_SEMINAR_CAPACITY = 100_000;
export const MAX_SPEAKERS = 10;
export const SEMINAR_PAGE_SIZE_MAX = 50;
export const REGISTRANTS_PAGE_SIZE_MAX = 100;
/** Thailand keeps one offset all year (no daylight saving), so a Bangkok wall-clock time is exact. */
const BANGKOK_OFFSET = "+07:00";

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

/** A Bangkok local date ("2026-12-05") and time ("09:30") as an instant; null when not a real date. */
export function bangkokInstant(date: string, time: string): Date | null {
  if (!DATE.test(date) || !TIME.test(time)) return null;
  const instant = new Date(`${date}T${time}:00${BANGKOK_OFFSET}`);
  if (Number.isNaN(instant.getTime())) return null;
  // "2026-02-30" would roll over to March: refuse it instead.
  const [y, m, d] = date.split("-").map(Number);
  const back = new Date(instant.getTime() + 7 * 3600_000);
  return back.getUTCFullYear() === y && back.getUTCMonth() + 1 === m && back.getUTCDate() === d ? instant : null;
}

/** The Bangkok local date and time of an instant, for filling the form's boxes. */
export function bangkokParts(instant: Date): { date: string; time: string } {
  const shifted = new Date(instant.getTime() + 7 * 3600_000).toISOString();
  return { date: shifted.slice(0, 10), time: shifted.slice(11, 16) };
}

const requiredText = (max: number) =>
  z.string({ error: "validation.required" }).trim().min(1, "validation.required").max(max, "validation.too_long");

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, "validation.too_long")
    .optional()
    .nullable()
    .transform((v) => v || null);

/** http(s) links only: a `javascript:` or `data:` link must never reach a page. */
export const httpUrlSchema = (message: string) =>
  z
    .string()
    .trim()
    .max(500, "validation.too_long")
    .refine((v) => {
      try {
        const url = new URL(v);
        return (url.protocol === "http:" || url.protocol === "https:") && url.hostname.includes(".");
      } catch {
        return false;
      }
    }, message);

const optionalUrl = z
  .union([z.literal(""), httpUrlSchema("seminar.errors.url_invalid")])
  .optional()
  .nullable()
  .transform((v) => v || null);

export const seminarFieldsInput = z
  .object({
    title: requiredText(200),
    description: z.string().trim().max(10_000, "validation.too_long").default(""),
    topic: z.enum(KNOWLEDGE_TOPICS, { error: "seminar.errors.topic_invalid" }),
    crops: z.array(z.string().max(41).regex(/^[a-z][a-z0-9-]{1,40}$/, "seminar.errors.crop_invalid")).max(10, "seminar.errors.too_many_crops").default([]),
    startDate: z.string({ error: "validation.required" }).trim().regex(DATE, "seminar.errors.date_invalid"),
    startTime: z.string({ error: "validation.required" }).trim().regex(TIME, "seminar.errors.time_invalid"),
    /** Defaults to the start date (most seminars last part of one day). */
    endDate: z.string().trim().regex(DATE, "seminar.errors.date_invalid").optional().or(z.literal("").transform(() => undefined)),
    endTime: z.string({ error: "validation.required" }).trim().regex(TIME, "seminar.errors.time_invalid"),
    place: optionalText(300),
    provinceCode: z.coerce.number().int("validation.province").min(10, "validation.province").max(99, "validation.province").nullable().optional(),
    onlineUrl: optionalUrl,
    capacity: z.coerce
      .number({ error: "seminar.errors.capacity_invalid" })
      .int("seminar.errors.capacity_invalid")
      .min(1, "seminar.errors.capacity_invalid")
      .max(MAX_SEMINAR_CAPACITY, "seminar.errors.capacity_invalid"),
  })
  .transform((v, ctx) => {
    const startsAt = bangkokInstant(v.startDate, v.startTime);
    const endsAt = bangkokInstant(v.endDate ?? v.startDate, v.endTime);
    if (!startsAt) ctx.addIssue({ code: "custom", path: ["startDate"], message: "seminar.errors.date_invalid" });
    if (!endsAt) ctx.addIssue({ code: "custom", path: [v.endDate ? "endDate" : "endTime"], message: "seminar.errors.date_invalid" });
    if (startsAt && endsAt && endsAt.getTime() <= startsAt.getTime()) {
      ctx.addIssue({ code: "custom", path: ["endTime"], message: "seminar.errors.ends_before_start" });
    }
    if (!v.place && !v.onlineUrl) ctx.addIssue({ code: "custom", path: ["place"], message: "seminar.errors.place_or_link" });
    if (!startsAt || !endsAt) return z.NEVER;
    return {
      title: v.title,
      description: v.description,
      topic: v.topic,
      crops: [...new Set(v.crops)],
      startsAt,
      endsAt,
      place: v.place,
      provinceCode: v.provinceCode ?? null,
      onlineUrl: v.onlineUrl,
      capacity: v.capacity,
    };
  });
export type SeminarFieldsInput = z.input<typeof seminarFieldsInput>;
export type SeminarFields = z.output<typeof seminarFieldsInput>;

export const seminarIdInput = z.object({ seminarId: z.uuid("validation.invalid") });

export const updateSeminarInput = z.object({ seminarId: z.uuid("validation.invalid"), fields: seminarFieldsInput });
export type UpdateSeminarInput = z.input<typeof updateSeminarInput>;
export type UpdateSeminar = z.output<typeof updateSeminarInput>;

export const listAdminSeminarsInput = z.object({
  status: z.enum(["draft", "published", "cancelled"]).optional(),
  page: z.int().min(1).max(10_000).default(1),
  pageSize: z.int().min(1).max(SEMINAR_PAGE_SIZE_MAX).default(20),
});
export type ListAdminSeminarsInput = z.input<typeof listAdminSeminarsInput>;

export const setSpeakersInput = z.object({
  seminarId: z.uuid("validation.invalid"),
  /** In the order they speak. */
  sageIds: z.array(z.uuid("validation.invalid")).max(MAX_SPEAKERS, "seminar.errors.too_many_speakers"),
});
export type SetSpeakersInput = z.input<typeof setSpeakersInput>;

export const listRegistrantsInput = z.object({
  seminarId: z.uuid("validation.invalid"),
  includeCancelled: z.boolean().default(false),
  page: z.int().min(1).max(10_000).default(1),
  pageSize: z.int().min(1).max(REGISTRANTS_PAGE_SIZE_MAX).default(50),
});
export type ListRegistrantsInput = z.input<typeof listRegistrantsInput>;

/** Thai phone numbers: mobiles 06/08/09 + 8 digits, landlines 02–07 + 7 digits; spaces, dashes and +66 are accepted. */
export const thaiPhoneSchema = z
  .string({ error: "validation.required" })
  .trim()
  .max(30, "seminar.errors.phone_invalid")
  .transform((v) => v.replace(/[\s\-().]/g, "").replace(/^\+66/, "0"))
  .refine((v) => /^0[689]\d{8}$/.test(v) || /^0[2-7]\d{7}$/.test(v), "seminar.errors.phone_invalid");

export const registerInput = z.object({
  tenantSlug: z.string().trim().min(1).max(63),
  seminarId: z.uuid("validation.invalid"),
  name: requiredText(200),
  phone: thaiPhoneSchema,
  interest: optionalText(500),
});
export type RegisterInput = z.input<typeof registerInput>;

export const cancelTokenInput = z.object({
  tenantSlug: z.string().trim().min(1).max(63),
  seminarId: z.uuid("validation.invalid"),
  token: z.string().trim().min(20).max(100).regex(/^[A-Za-z0-9_-]+$/, "seminar.errors.cancel_link_invalid"),
});
export type CancelTokenInput = z.input<typeof cancelTokenInput>;

export const listPublicSeminarsInput = z.object({
  when: z.enum(["upcoming", "past"]).default("upcoming"),
  tenantId: z.uuid().optional(),
  page: z.int().min(1).max(10_000).default(1),
  pageSize: z.int().min(1).max(SEMINAR_PAGE_SIZE_MAX).default(12),
});
export type ListPublicSeminarsInput = z.input<typeof listPublicSeminarsInput>;

/** What a seminar produced. Slides are a link to the PDF (uploads are a later step). */
export const addHarvestInput = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("article"), seminarId: z.uuid("validation.invalid"), articleId: z.uuid("seminar.errors.article_required") }),
  z.object({
    kind: z.literal("video"),
    seminarId: z.uuid("validation.invalid"),
    title: requiredText(200),
    url: httpUrlSchema("seminar.errors.video_url_invalid").refine((v) => isVideoUrl(v), "seminar.errors.video_url_invalid"),
  }),
  z.object({ kind: z.literal("slides"), seminarId: z.uuid("validation.invalid"), title: requiredText(200), url: httpUrlSchema("seminar.errors.url_invalid") }),
  z.object({ kind: z.literal("link"), seminarId: z.uuid("validation.invalid"), title: requiredText(200), url: httpUrlSchema("seminar.errors.url_invalid") }),
]);
export type AddHarvestInput = z.input<typeof addHarvestInput>;

export const removeHarvestInput = z.object({ seminarId: z.uuid("validation.invalid"), harvestId: z.uuid("validation.invalid") });

const VIDEO_HOSTS = ["youtube.com", "www.youtube.com", "m.youtube.com", "youtu.be", "facebook.com", "www.facebook.com", "m.facebook.com", "fb.watch"];

/** A YouTube or Facebook video address. */
export function isVideoUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === "https:" || url.protocol === "http:") && VIDEO_HOSTS.includes(url.hostname.toLowerCase());
  } catch {
    return false;
  }
}
