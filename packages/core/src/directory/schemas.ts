import { z } from "zod";

// Messages are i18n keys (the tRPC layer turns issues into field → key pairs for forms).

export const MAX_PAGE_SIZE = 50;

/** Optional text: trimmed, empty becomes null. */
const optionalText = (max: number) =>
  z
    .string({ error: "validation.invalid" })
    .trim()
    .max(max, "validation.too_long")
    .transform((v) => (v === "" ? null : v))
    .nullable()
    .optional();

const requiredText = (max: number) =>
  z.string({ error: "validation.required" }).trim().min(1, "validation.required").max(max, "validation.too_long");

const cropCodes = z
  .array(z.string().trim().regex(/^[a-z][a-z0-9-]{1,40}$/, "directory.errors.crop_unknown"), { error: "validation.invalid" })
  .max(20, "validation.too_long")
  .default([]);

const provinceCode = z.coerce.number({ error: "validation.province" }).int("validation.province").min(1, "validation.province").max(99, "validation.province");

const phone = z
  .string({ error: "validation.invalid" })
  .trim()
  .max(30, "validation.too_long")
  .refine((v) => v === "" || /^[0-9+\-\s()]{6,30}$/.test(v), "directory.errors.phone_invalid")
  .transform((v) => (v === "" ? null : v))
  .nullable()
  .optional();

const coordinate = (limit: number) =>
  z.union([z.number(), z.string()], { error: "directory.errors.coordinate_invalid" })
    .transform((v, ctx) => {
      const text = typeof v === "number" ? String(v) : v.trim();
      if (text === "") return null;
      const n = Number(text);
      if (!Number.isFinite(n) || Math.abs(n) > limit) {
        ctx.addIssue({ code: "custom", message: "directory.errors.coordinate_invalid" });
        return z.NEVER;
      }
      return n;
    })
    .nullable()
    .optional();

export const uuidSchema = z.uuid({ error: "validation.invalid" });

export const centreCode = z
  .string({ error: "validation.required" })
  .trim()
  .min(1, "validation.required")
  .max(40, "validation.too_long")
  .regex(/^[A-Za-z0-9._-]+$/, "directory.errors.code_invalid");

export const centreFields = z.object({
  code: centreCode,
  nameTh: requiredText(200),
  nameEn: optionalText(200),
  provinceCode,
  districtTh: requiredText(100),
  subdistrictTh: optionalText(100),
  mainCrops: cropCodes,
  modelFarmerName: optionalText(200),
  phone,
  address: optionalText(500),
  descriptionTh: optionalText(5000),
  latitude: coordinate(90),
  longitude: coordinate(180),
});
export type CentreFields = z.output<typeof centreFields>;

export const updateCentreInput = centreFields.extend({ centreId: uuidSchema });
export type UpdateCentreInput = z.output<typeof updateCentreInput>;

export const sageFields = z.object({
  nameTh: requiredText(200),
  nameEn: optionalText(200),
  titleTh: optionalText(200),
  expertiseTh: requiredText(500),
  bioTh: optionalText(10000),
  provinceCode,
  districtTh: optionalText(100),
  crops: cropCodes,
  phone,
  centreId: uuidSchema.nullable().optional().or(z.literal("").transform(() => null)),
});
export type SageFields = z.output<typeof sageFields>;

export const updateSageInput = sageFields.extend({ sageId: uuidSchema });
export type UpdateSageInput = z.output<typeof updateSageInput>;

const page = z.coerce.number().int().min(1).max(10_000).default(1);
const pageSize = z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(20);

export const listCentresInput = z.object({
  provinceCode: z.coerce.number().int().min(1).max(99).optional(),
  crop: z.string().trim().max(41).regex(/^[a-z][a-z0-9-]*$/).optional(),
  q: z.string().trim().max(100).optional(),
  page,
  pageSize,
});
export type ListCentresInput = z.input<typeof listCentresInput>;

export const listSagesInput = z.object({
  provinceCode: z.coerce.number().int().min(1).max(99).optional(),
  crop: z.string().trim().max(41).regex(/^[a-z][a-z0-9-]*$/).optional(),
  centreId: uuidSchema.optional(),
  page,
  pageSize,
});
export type ListSagesInput = z.input<typeof listSagesInput>;

export const proposeLinkInput = z.object({ centreId: uuidSchema, note: optionalText(1000) });
export type ProposeLinkInput = z.output<typeof proposeLinkInput>;

export const decideLinkInput = z.object({ tenantId: uuidSchema, centreId: uuidSchema, decision: z.enum(["confirmed", "declined"]) });
export type DecideLinkInput = z.output<typeof decideLinkInput>;

const heldOn = z
  .string({ error: "validation.required" })
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "directory.errors.date_invalid")
  .refine((v) => {
    const d = new Date(`${v}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v && d.getUTCFullYear() >= 2000 && d.getUTCFullYear() <= 2100;
  }, "directory.errors.date_invalid");

export const recordMeetingInput = z.object({
  centreId: uuidSchema,
  heldOn,
  place: requiredText(300),
  attendees: requiredText(2000),
  attendeeCount: z
    .union([z.number(), z.string()], { error: "validation.invalid" })
    .transform((v, ctx) => {
      const text = typeof v === "number" ? String(v) : v.trim();
      if (text === "") return null;
      const n = /^\d{1,6}$/.test(text) ? Number(text) : Number.NaN;
      if (!Number.isInteger(n) || n < 0) {
        ctx.addIssue({ code: "custom", message: "directory.errors.count_invalid" });
        return z.NEVER;
      }
      return n;
    })
    .nullable()
    .optional(),
  minutes: optionalText(20000),
  outcomes: optionalText(5000),
});
export type RecordMeetingInput = z.output<typeof recordMeetingInput>;
