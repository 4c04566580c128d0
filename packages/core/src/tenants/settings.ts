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

/** A zone's parcel fee: blank = no parcels to that zone. */
const zoneFee = z.union([z.string(), z.number()]).transform((v, ctx) => {
  if (typeof v === "string" && v.trim() === "") return null;
  const satang = parseBahtToSatang(v);
  if (satang === null) {
    ctx.addIssue({ code: "custom", message: "settings.delivery.fee_invalid" });
    return z.NEVER;
  }
  return satang;
}).nullable();

/** The parcel zones' fields, in the order checkout matches them (see orders/parcel-zones.ts). */
export const PARCEL_ZONE_FIELDS = ["parcelFeeProvince", "parcelFeeBangkok", "parcelFeeRegion", "parcelFeeCountry"] as const;

/** The delivery and payment choices, as far as they are known (undefined = not known). */
export interface DeliveryPaymentState {
  pickupEnabled?: boolean;
  localDeliveryEnabled?: boolean;
  parcelEnabled?: boolean;
  parcelFeeProvince?: number | null;
  parcelFeeBangkok?: number | null;
  parcelFeeRegion?: number | null;
  parcelFeeCountry?: number | null;
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
  // Parcels on need a fee in at least one zone (only judged when every zone is known).
  const zoneFees = PARCEL_ZONE_FIELDS.map((f) => s[f]);
  if (s.parcelEnabled === true && zoneFees.every((fee) => fee === null)) issues.parcelFeeProvince = "settings.delivery.parcel_zone_required";
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
  "pickupEnabled", "localDeliveryEnabled", "parcelEnabled", ...PARCEL_ZONE_FIELDS, "promptpayEnabled", "bankTransferEnabled", "codEnabled",
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
    /** Baht (text or number), blank = no parcels to that zone; stored as satang or null. */
    parcelFeeProvince: zoneFee,
    parcelFeeBangkok: zoneFee,
    parcelFeeRegion: zoneFee,
    parcelFeeCountry: zoneFee,
    promptpayEnabled: z.boolean(),
    bankTransferEnabled: z.boolean(),
    codEnabled: z.boolean(),
    /** Where order notices are e-mailed (blank: the contact e-mail). */
    orderEmail: z.union([z.literal(""), z.string().trim().toLowerCase().email("validation.email").max(254, "validation.too_long")]).transform((v) => v || null).nullable(),
    /**
     * LINE Messaging API channel access token: write-only. Blank keeps the saved one, null
     * removes it; it is never read back (see `lineChannelTokenLast4`).
     */
    lineChannelToken: z
      .union([z.null(), z.string().trim().max(500, "validation.too_long").refine((v) => v === "" || /^[A-Za-z0-9+/=._-]{20,}$/.test(v), "settings.notices.token_invalid")])
      .transform((v) => (v === "" ? undefined : v)),
    /** The LINE user (U…), group (C…) or room (R…) id pushed to. */
    lineNotifyUserId: z
      .string()
      .trim()
      .refine((v) => v === "" || /^[UCR][0-9a-f]{32}$/.test(v), "settings.notices.target_invalid")
      .transform((v) => v || null)
      .nullable(),
    /** Codes from the `crops` reference table. */
    crops: z.array(z.string().trim().regex(/^[a-z][a-z0-9-]{1,40}$/, "validation.invalid")).max(50, "validation.invalid").transform((v) => [...new Set(v)].sort()),
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
  parcelEnabled: "parcel_enabled", parcelFeeProvince: "parcel_fee_province_satang", parcelFeeBangkok: "parcel_fee_bangkok_satang",
  parcelFeeRegion: "parcel_fee_region_satang", parcelFeeCountry: "parcel_fee_country_satang", promptpayEnabled: "promptpay_enabled",
  bankTransferEnabled: "bank_transfer_enabled", codEnabled: "cod_enabled", orderEmail: "order_email", lineChannelToken: "line_channel_token",
  lineNotifyUserId: "line_notify_user_id", crops: "crops",
} as const satisfies Record<keyof CoopSettingsPatch, string>;

type SettingsKey = keyof typeof COLUMNS;
type ZoneFeeKey = (typeof PARCEL_ZONE_FIELDS)[number];
type FeeKey = "localDeliveryFee" | ZoneFeeKey;
type FlagKey = keyof CoopSettingsPatch & `${string}Enabled`;
/** The fees are read back in satang (`localDeliveryFeeSatang`, `parcelFeeProvinceSatang`…); the patch takes baht. */
export type CoopSettings = {
  [K in Exclude<SettingsKey, FeeKey | "lineChannelToken" | "crops">]: K extends "addressProvinceCode"
    ? number | null
    : K extends FlagKey
      ? boolean
      : K extends "nameTh" | "themeColor"
        ? string
        : string | null;
} & {
  localDeliveryFeeSatang: number;
  parcelFeeProvinceSatang: number | null;
  parcelFeeBangkokSatang: number | null;
  parcelFeeRegionSatang: number | null;
  parcelFeeCountrySatang: number | null;
  logoKey: string | null;
  coverKey: string | null;
  /** The saved LINE token's last 4 characters (the token itself is never read back). */
  lineChannelTokenLast4: string | null;
  crops: string[];
};

/** Patch keys whose value is read back under another name. */
const READ_AS: Partial<Record<SettingsKey, string>> = {
  localDeliveryFee: "localDeliveryFeeSatang",
  ...Object.fromEntries(PARCEL_ZONE_FIELDS.map((f) => [f, `${f}Satang`])),
};

export async function getCoopSettings(db: Kysely<Database>, tenantId: string): Promise<CoopSettings> {
  const row = await db.selectFrom("tenants").selectAll().where("id", "=", tenantId).executeTakeFirst();
  if (!row) throw new AppError("NOT_FOUND", "site.not_found");
  const settings = { logoKey: row.logo_key, coverKey: row.cover_key } as CoopSettings;
  for (const [key, column] of Object.entries(COLUMNS)) {
    if (key === "lineChannelToken") continue;
    (settings as Record<string, unknown>)[READ_AS[key as SettingsKey] ?? key] = row[column as keyof typeof row];
  }
  settings.lineChannelTokenLast4 = row.line_channel_token ? row.line_channel_token.slice(-4) : null;
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
    const saved = (before as Record<string, unknown>)[READ_AS[key as SettingsKey] ?? key];
    if (saved === value || (Array.isArray(value) && JSON.stringify(saved) === JSON.stringify(value))) continue;
    // Removing a token that is not there changes nothing.
    if (key === "lineChannelToken" && value === null && before.lineChannelTokenLast4 === null) continue;
    values[column] = value;
    changed.push(key);
  }
  if (changed.length === 0) return before;
  // A patch that touches delivery or payment must leave the whole set valid with what is saved.
  if (changed.some((key) => (DELIVERY_PAYMENT_KEYS as readonly string[]).includes(key))) {
    const saved = Object.fromEntries(DELIVERY_PAYMENT_KEYS.map((key) => [key, (before as Record<string, unknown>)[READ_AS[key] ?? key]]));
    const merged = { ...saved, ...Object.fromEntries(Object.entries(input.patch).filter(([, v]) => v !== undefined)) } as DeliveryPaymentState;
    const fields = deliveryPaymentIssues(merged);
    const first = Object.values(fields)[0];
    if (first) throw new AppError("VALIDATION", first, { fields });
  }
  if (values.address_province_code !== undefined && values.address_province_code !== null) {
    const exists = await db.selectFrom("provinces").select("code").where("code", "=", values.address_province_code as number).executeTakeFirst();
    if (!exists) throw new AppError("VALIDATION", "validation.province", { fields: { addressProvinceCode: "validation.province" } });
  }
  if (Array.isArray(values.crops) && values.crops.length > 0) {
    const crops = values.crops as string[];
    const known = await db.selectFrom("crops").select("code").where("code", "in", crops).execute();
    if (known.length !== crops.length) throw new AppError("VALIDATION", "validation.invalid", { fields: { crops: "validation.invalid" } });
  }
  await withTenant(db, input.tenantId, async (trx) => {
    await trx.updateTable("tenants").set({ ...values, updated_at: new Date() }).where("id", "=", input.tenantId).execute();
    await recordAudit(trx, { tenantId: input.tenantId, actorUserId: input.actorUserId, action: "settings.update", subjectType: "coop", subjectId: input.tenantId, data: { fields: changed } });
  });
  return getCoopSettings(db, input.tenantId);
}
