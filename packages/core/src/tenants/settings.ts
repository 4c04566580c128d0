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

/** Largest delivery fee a co-op may charge: 10,000 baht. */
export const MAX_FEE_SATANG = 1_000_000;

/**
 * Parses a fee in baht ("40", "45.50", "1,250", or a number) exactly to integer satang: no
 * floating point, at most two decimals, 0–10,000 baht. Returns null when it is not one.
 */
export function parseBahtToSatang(value: string | number): number | null {
  const text = typeof value === "number" ? (Number.isFinite(value) ? String(value) : "") : value.trim().replace(/,/g, "");
  const match = /^(\d{1,7})(?:\.(\d{1,2}))?$/.exec(text);
  if (!match) return null;
  const satang = Number(match[1]) * 100 + Number((match[2] ?? "").padEnd(2, "0"));
  return satang <= MAX_FEE_SATANG ? satang : null;
}

const bahtFee = z.union([z.string(), z.number()]).transform((v, ctx) => {
  if (typeof v === "string" && v.trim() === "") return 0;
  const satang = parseBahtToSatang(v);
  if (satang === null) {
    ctx.addIssue({ code: "custom", message: "settings.delivery.fee_invalid" });
    return z.NEVER;
  }
  return satang;
});

/** The delivery and payment choices, as far as they are known (undefined = not known). */
export interface DeliveryPaymentState {
  pickupEnabled?: boolean;
  localDeliveryEnabled?: boolean;
  parcelEnabled?: boolean;
  promptpayEnabled?: boolean;
  bankTransferEnabled?: boolean;
  codEnabled?: boolean;
  promptpayId?: string | null;
  bankName?: string | null;
  bankAccountNo?: string | null;
  bankAccountName?: string | null;
}

/**
 * Field → message key for every rule the delivery and payment choices break: at least one
 * delivery and one payment method on; PromptPay needs an ID; bank transfer needs the account.
 * Unknown (undefined) values break no rule.
 */
export function deliveryPaymentIssues(s: DeliveryPaymentState): Record<string, string> {
  const issues: Record<string, string> = {};
  if (s.pickupEnabled === false && s.localDeliveryEnabled === false && s.parcelEnabled === false) {
    issues.pickupEnabled = "settings.delivery.none";
  }
  if (s.promptpayEnabled === false && s.bankTransferEnabled === false && s.codEnabled === false) {
    issues.promptpayEnabled = "settings.delivery.payment_none";
  }
  // PromptPay switched on without an ID is not an error (it is on by default for new co-ops):
  // checkout simply does not offer it until the ID is saved, and the dashboard asks for the ID.
  if (s.bankTransferEnabled === true) {
    if (s.bankName === null) issues.bankName = "settings.delivery.bank_required";
    if (s.bankAccountNo === null) issues.bankAccountNo = "settings.delivery.bank_required";
    if (s.bankAccountName === null) issues.bankAccountName = "settings.delivery.bank_required";
  }
  return issues;
}

const DELIVERY_PAYMENT_KEYS = [
  "pickupEnabled", "localDeliveryEnabled", "parcelEnabled", "promptpayEnabled", "bankTransferEnabled", "codEnabled",
  "promptpayId", "bankName", "bankAccountNo", "bankAccountName",
] as const satisfies readonly (keyof DeliveryPaymentState)[];

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
    pickupEnabled: z.boolean(),
    localDeliveryEnabled: z.boolean(),
    /** Baht (text or number); stored as satang. */
    localDeliveryFee: bahtFee,
    parcelEnabled: z.boolean(),
    /** Baht (text or number); stored as satang. */
    parcelFee: bahtFee,
    promptpayEnabled: z.boolean(),
    bankTransferEnabled: z.boolean(),
    codEnabled: z.boolean(),
  })
  .partial()
  // The rules the fields given break on their own; updateCoopSettings checks them again with the saved values.
  .superRefine((patch, ctx) => {
    for (const [field, message] of Object.entries(deliveryPaymentIssues(patch))) ctx.addIssue({ code: "custom", path: [field], message });
  });

export type CoopSettingsPatch = z.infer<typeof coopSettingsInput>;

const COLUMNS = {
  nameTh: "name_th", nameEn: "name_en", storyTh: "story_th", storyEn: "story_en", themeColor: "theme_color",
  contactName: "contact_name", contactEmail: "contact_email", phone: "phone", lineId: "line_id", facebookUrl: "facebook_url",
  addressLine: "address_line", addressSubdistrict: "address_subdistrict", addressDistrict: "address_district",
  addressProvinceCode: "address_province_code", addressPostcode: "address_postcode", openingHours: "opening_hours",
  promptpayId: "promptpay_id", bankName: "bank_name", bankAccountNo: "bank_account_no", bankAccountName: "bank_account_name",
  pickupEnabled: "pickup_enabled", localDeliveryEnabled: "local_delivery_enabled", localDeliveryFee: "local_delivery_fee_satang",
  parcelEnabled: "parcel_enabled", parcelFee: "parcel_fee_satang", promptpayEnabled: "promptpay_enabled",
  bankTransferEnabled: "bank_transfer_enabled", codEnabled: "cod_enabled",
} as const satisfies Record<keyof CoopSettingsPatch, string>;

type SettingsKey = keyof typeof COLUMNS;
type FeeKey = "localDeliveryFee" | "parcelFee";
type FlagKey = keyof CoopSettingsPatch & `${string}Enabled`;
/** The fees are read back in satang (`localDeliveryFeeSatang`, `parcelFeeSatang`); the patch takes baht. */
export type CoopSettings = {
  [K in Exclude<SettingsKey, FeeKey>]: K extends "addressProvinceCode"
    ? number | null
    : K extends FlagKey
      ? boolean
      : K extends "nameTh" | "themeColor"
        ? string
        : string | null;
} & {
  localDeliveryFeeSatang: number;
  parcelFeeSatang: number;
  logoKey: string | null;
  coverKey: string | null;
};

/** Patch keys whose value is read back under another name. */
const READ_AS: Partial<Record<SettingsKey, string>> = { localDeliveryFee: "localDeliveryFeeSatang", parcelFee: "parcelFeeSatang" };

export async function getCoopSettings(db: Kysely<Database>, tenantId: string): Promise<CoopSettings> {
  const row = await db.selectFrom("tenants").selectAll().where("id", "=", tenantId).executeTakeFirst();
  if (!row) throw new AppError("NOT_FOUND", "site.not_found");
  const settings = { logoKey: row.logo_key, coverKey: row.cover_key } as CoopSettings;
  for (const [key, column] of Object.entries(COLUMNS)) {
    (settings as Record<string, unknown>)[READ_AS[key as SettingsKey] ?? key] = row[column as keyof typeof row];
  }
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
    if ((before as Record<string, unknown>)[READ_AS[key as SettingsKey] ?? key] === value) continue;
    values[column] = value;
    changed.push(key);
  }
  if (changed.length === 0) return before;
  // A patch that touches delivery or payment must leave the whole set valid with what is saved.
  if (changed.some((key) => (DELIVERY_PAYMENT_KEYS as readonly string[]).includes(key))) {
    const merged = { ...before, ...Object.fromEntries(Object.entries(input.patch).filter(([, v]) => v !== undefined)) } as DeliveryPaymentState;
    const fields = deliveryPaymentIssues(merged);
    const first = Object.values(fields)[0];
    if (first) throw new AppError("VALIDATION", first, { fields });
  }
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
