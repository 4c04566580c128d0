import { z } from "zod";
import { AppError } from "../errors.ts";

// Messages are i18n keys (the tRPC layer turns issues into field → key pairs for forms).

export const STAFF_MAX_PAGE_SIZE = 50;

const uuid = z.string({ error: "validation.invalid" }).trim().uuid("staff.errors.coop_not_found");

export const COOP_SORTS = ["name", "score", "last_activity", "province", "created"] as const;
export type CoopSort = (typeof COOP_SORTS)[number];

export const listCoopsInput = z.object({
  provinceCode: z.coerce.number({ error: "validation.province" }).int("validation.province").min(1, "validation.province").max(99, "validation.province").optional(),
  status: z.enum(["pending", "active", "suspended"], { error: "validation.invalid" }).optional(),
  completeness: z.enum(["complete", "incomplete"], { error: "validation.invalid" }).optional(),
  /** active = any sign-in, order or content in the last 30 days. */
  activity: z.enum(["active", "inactive"], { error: "validation.invalid" }).optional(),
  sort: z.enum(COOP_SORTS, { error: "validation.invalid" }).default("name"),
  direction: z.enum(["asc", "desc"], { error: "validation.invalid" }).default("asc"),
  page: z.coerce.number({ error: "validation.invalid" }).int("validation.invalid").min(1, "validation.invalid").max(10_000, "validation.invalid").default(1),
  pageSize: z.coerce.number({ error: "validation.invalid" }).int("validation.invalid").min(1, "validation.invalid").max(STAFF_MAX_PAGE_SIZE, "validation.invalid").default(20),
});
export type ListCoopsInput = z.input<typeof listCoopsInput>;

export const coopIdInput = z.object({ tenantId: uuid });

export const suspendCoopInput = z.object({
  tenantId: uuid,
  reason: z.string({ error: "staff.errors.reason_required" }).trim().min(3, "staff.errors.reason_required").max(1000, "validation.too_long"),
});
export type SuspendCoopInput = z.input<typeof suspendCoopInput>;

/** The longest range the region overview reads (its trend has one point per month). */
export const OVERVIEW_MAX_DAYS = 3660;

const isoDay = z
  .string({ error: "validation.invalid" })
  .regex(/^\d{4}-\d{2}-\d{2}$/, "validation.invalid")
  .refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v), "validation.invalid");

/** A region and a range of Asia/Bangkok calendar days (inclusive). */
export const regionOverviewInput = z
  .object({
    regionId: z.coerce.number({ error: "staff.errors.region_unknown" }).int("staff.errors.region_unknown").min(1, "staff.errors.region_unknown").max(99, "staff.errors.region_unknown"),
    from: isoDay,
    to: isoDay,
  })
  .refine((v) => v.from <= v.to && (Date.parse(v.to) - Date.parse(v.from)) / 86_400_000 < OVERVIEW_MAX_DAYS, { message: "validation.invalid", path: ["to"] });
export type RegionOverviewInput = z.input<typeof regionOverviewInput>;

/** An empty form field ("" from a GET form) means "not chosen". */
const blank = (v: unknown) => (v === "" || v === null ? undefined : v);

/** The audit log's filters (each optional): co-op, action, who acted (name or e-mail, partial), a range of Bangkok days. */
export const auditLogInput = z
  .object({
    tenantId: z.preprocess(blank, uuid.optional()),
    action: z.preprocess(blank, z.string({ error: "validation.invalid" }).trim().regex(/^[a-z_.]{1,60}$/, "validation.invalid").optional()),
    actor: z.preprocess(blank, z.string({ error: "validation.invalid" }).trim().min(1, "validation.invalid").max(200, "validation.too_long").optional()),
    from: z.preprocess(blank, isoDay.optional()),
    to: z.preprocess(blank, isoDay.optional()),
    page: z.coerce.number({ error: "validation.invalid" }).int("validation.invalid").min(1, "validation.invalid").max(10_000, "validation.invalid").default(1),
    pageSize: z.coerce.number({ error: "validation.invalid" }).int("validation.invalid").min(1, "validation.invalid").max(100, "validation.invalid").default(50),
  })
  .refine((v) => !v.from || !v.to || v.from <= v.to, { message: "validation.invalid", path: ["to"] });
export type AuditLogInput = z.input<typeof auditLogInput>;

/** Parses domain input; a bad value is a VALIDATION error naming each field's message key (never a crash). */
export function parseStaffInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const fields: Record<string, string> = {};
  for (const issue of parsed.error.issues) fields[String(issue.path[0] ?? "_")] ??= issue.message;
  throw new AppError("VALIDATION", "validation.invalid", { fields });
}
