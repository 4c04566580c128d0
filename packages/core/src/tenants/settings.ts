import { type Database, type Kysely, withTenant } from "@coop/db";
import { z } from "zod";
import { recordAudit } from "../audit/record.ts";
import { AppError } from "../errors.ts";
import { normalizePromptPayId } from "../payments/promptpay-id.ts";

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, "validation.too_long")
    .transform((v) => (v === "" ? null : v))
    .nullable()
    .optional();

export const coopSettingsInput = z
  .object({
    nameTh: z.string().trim().min(3, "validation.too_short").max(200, "validation.too_long"),
    nameEn: optionalText(200),
    storyTh: optionalText(5000),
    storyEn: optionalText(5000),
    themeColor: z.string().trim().toLowerCase().regex(/^#[0-9a-f]{6}$/, "settings.color_invalid"),
    contactName: optionalText(120),
    contactEmail: z.union([z.literal(""), z.string().trim().toLowerCase().email("validation.email").max(254)]).transform((v) => v || null).nullable().optional(),
    phone: z
      .string()
      .trim()
      .transform((v) => v.replace(/[\s-]/g, ""))
      .refine((v) => v === "" || /^0\d{8,9}$/.test(v), "settings.phone_invalid")
      .transform((v) => v || null)
      .nullable()
      .optional(),
    lineId: optionalText(60),
    facebookUrl: z
      .union([z.literal(""), z.string().trim().url("settings.url_invalid").refine((v) => /^https:\/\/(www\.|m\.)?(facebook|fb)\.com\//.test(v), "settings.facebook_invalid")])
      .transform((v) => v || null)
      .nullable()
      .optional(),
    addressLine: optionalText(300),
    addressSubdistrict: optionalText(100),
    addressDistrict: optionalText(100),
    addressProvinceCode: z.number().int().min(10).max(96).nullable().optional(),
    addressPostcode: z.union([z.literal(""), z.string().trim().regex(/^\d{5}$/, "settings.postcode_invalid")]).transform((v) => v || null).nullable().optional(),
    openingHours: optionalText(300),
    promptpayId: z
      .string()
      .trim()
      .transform((v, ctx) => {
        if (v === "") return null;
        const normalized = normalizePromptPayId(v);
        if (!normalized) {
          ctx.addIssue({ code: "custom", message: "settings.promptpay_invalid" });
          return z.NEVER;
        }
        return normalized;
      })
      .nullable()
      .optional(),
    bankName: optionalText(100),
    bankAccountNo: z
      .string()
      .trim()
      .transform((v) => v.replace(/[\s-]/g, ""))
      .refine((v) => v === "" || /^\d{10,15}$/.test(v), "settings.bank_account_invalid")
      .transform((v) => v || null)
      .nullable()
      .optional(),
    bankAccountName: optionalText(150),
  })
  .partial();

export type CoopSettingsPatch = z.infer<typeof coopSettingsInput>;

const COLUMNS = {
  nameTh: "name_th", nameEn: "name_en", storyTh: "story_th", storyEn: "story_en", themeColor: "theme_color",
  contactName: "contact_name", contactEmail: "contact_email", phone: "phone", lineId: "line_id", facebookUrl: "facebook_url",
  addressLine: "address_line", addressSubdistrict: "address_subdistrict", addressDistrict: "address_district",
  addressProvinceCode: "address_province_code", addressPostcode: "address_postcode", openingHours: "opening_hours",
  promptpayId: "promptpay_id", bankName: "bank_name", bankAccountNo: "bank_account_no", bankAccountName: "bank_account_name",
} as const satisfies Record<keyof CoopSettingsPatch, string>;

type SettingsKey = keyof typeof COLUMNS;
export type CoopSettings = { [K in SettingsKey]: K extends "addressProvinceCode" ? number | null : K extends "nameTh" | "themeColor" ? string : string | null } & {
  logoKey: string | null;
  coverKey: string | null;
};

export async function getCoopSettings(db: Kysely<Database>, tenantId: string): Promise<CoopSettings> {
  const row = await db.selectFrom("tenants").selectAll().where("id", "=", tenantId).executeTakeFirst();
  if (!row) throw new AppError("NOT_FOUND", "site.not_found");
  const settings = { logoKey: row.logo_key, coverKey: row.cover_key } as CoopSettings;
  for (const [key, column] of Object.entries(COLUMNS)) (settings as Record<string, unknown>)[key] = row[column as keyof typeof row];
  return settings;
}

/** Saves the fields given; the audit log records which fields changed (not their values for bank data). */
export async function updateCoopSettings(
  db: Kysely<Database>,
  input: { tenantId: string; actorUserId: string; patch: CoopSettingsPatch },
): Promise<CoopSettings> {
  const before = await getCoopSettings(db, input.tenantId);
  const values: Record<string, unknown> = {};
  const changed: string[] = [];
  for (const [key, value] of Object.entries(input.patch)) {
    if (value === undefined) continue;
    const column = COLUMNS[key as SettingsKey];
    if ((before as Record<string, unknown>)[key] === value) continue;
    values[column] = value;
    changed.push(key);
  }
  if (changed.length === 0) return before;
  if (values.address_province_code !== undefined && values.address_province_code !== null) {
    const exists = await db.selectFrom("provinces").select("code").where("code", "=", values.address_province_code as number).executeTakeFirst();
    if (!exists) throw new AppError("VALIDATION", "validation.province", { fields: { addressProvinceCode: "validation.province" } });
  }
  await withTenant(db, input.tenantId, async (trx) => {
    await trx.updateTable("tenants").set({ ...values, updated_at: new Date() }).where("id", "=", input.tenantId).execute();
    await recordAudit(trx, { tenantId: input.tenantId, actorUserId: input.actorUserId, action: "settings.update", subjectType: "coop", subjectId: input.tenantId, data: { fields: changed } });
  });
  return getCoopSettings(db, input.tenantId);
}
