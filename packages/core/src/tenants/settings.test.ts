import type { Database, Kysely } from "@coop/db";
import { createTestDatabase, type TestDatabase } from "@coop/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeCoop, makeUser } from "../catalog/admin/testing.ts";
import { AppError } from "../errors.ts";
import { coopSettingsInput, deliveryPaymentIssues, getCoopSettings, parseBahtToSatang, updateCoopSettings } from "./settings.ts";

describe("parseBahtToSatang", () => {
  it.each([
    ["0", 0],
    ["40", 4000],
    ["45.5", 4550],
    ["45.50", 4550],
    ["0.01", 1],
    ["1,250.75", 125075],
    [" 10000 ", 1_000_000],
    ["10000.00", 1_000_000],
    ["19.99", 1999],
    [45.5, 4550],
    [60, 6000],
  ])("%s baht is %s satang", (input, satang) => {
    expect(parseBahtToSatang(input)).toBe(satang);
  });

  it.each(["", "-1", "10000.01", "10001", "1.234", "abc", "1e3", "๑๐", "Infinity"])("%s is refused", (input) => {
    expect(parseBahtToSatang(input)).toBeNull();
  });

  it("refuses numbers it cannot read exactly", () => {
    expect(parseBahtToSatang(Number.NaN)).toBeNull();
    expect(parseBahtToSatang(0.001)).toBeNull();
    expect(parseBahtToSatang(-5)).toBeNull();
  });
});

describe("deliveryPaymentIssues", () => {
  const valid = {
    pickupEnabled: true, localDeliveryEnabled: false, parcelEnabled: false,
    promptpayEnabled: true, bankTransferEnabled: false, codEnabled: false,
    promptpayId: "0812345678", bankName: null, bankAccountNo: null, bankAccountName: null,
  };

  it("accepts one delivery and one payment method with their details", () => {
    expect(deliveryPaymentIssues(valid)).toEqual({});
  });

  it("needs at least one delivery method", () => {
    expect(deliveryPaymentIssues({ ...valid, pickupEnabled: false })).toEqual({ pickupEnabled: "settings.delivery.none" });
  });

  it("needs at least one payment method", () => {
    expect(deliveryPaymentIssues({ ...valid, promptpayEnabled: false })).toEqual({ promptpayEnabled: "settings.delivery.payment_none" });
  });

  it("needs a PromptPay ID for PromptPay", () => {
    expect(deliveryPaymentIssues({ ...valid, promptpayId: null })).toEqual({});
  });

  it("needs the bank account for bank transfer", () => {
    expect(deliveryPaymentIssues({ ...valid, bankTransferEnabled: true, bankName: "ธนาคารกรุงไทย" })).toEqual({
      bankAccountNo: "settings.delivery.bank_required",
      bankAccountName: "settings.delivery.bank_required",
    });
  });

  it("judges nothing it does not know", () => {
    expect(deliveryPaymentIssues({ pickupEnabled: false, promptpayEnabled: true })).toEqual({});
  });
});

describe("coopSettingsInput: delivery and payment", () => {
  const form = {
    pickupEnabled: true, localDeliveryEnabled: true, localDeliveryFee: "35.50", parcelEnabled: false, parcelFeeProvince: "", parcelFeeCountry: "60",
    promptpayEnabled: true, promptpayId: "081-234-5678", bankTransferEnabled: false, codEnabled: true,
  };

  it("turns fees in baht into satang", () => {
    const parsed = coopSettingsInput.parse(form);
    expect(parsed).toMatchObject({ localDeliveryFee: 3550, parcelFeeProvince: null, parcelFeeCountry: 6000, promptpayId: "0812345678" });
  });

  it.each(["10000.01", "-5", "12.345", "ฟรี"])("refuses the fee %s", (fee) => {
    const result = coopSettingsInput.safeParse({ ...form, localDeliveryFee: fee });
    expect(result.success).toBe(false);
    expect(result.error?.issues).toEqual([expect.objectContaining({ path: ["localDeliveryFee"], message: "settings.delivery.fee_invalid" })]);
  });

  it("refuses a form with every method off, or PromptPay without an ID", () => {
    const result = coopSettingsInput.safeParse({
      ...form, pickupEnabled: false, localDeliveryEnabled: false, promptpayId: "", codEnabled: false,
    });
    expect(result.success).toBe(false);
    const messages = Object.fromEntries((result.error?.issues ?? []).map((i) => [i.path.join("."), i.message]));
    expect(messages).toEqual({ pickupEnabled: "settings.delivery.none" });
  });
});

describe("updateCoopSettings: delivery and payment", () => {
  let t: TestDatabase;
  let db: Kysely<Database>;
  let coop: string;
  let owner: string;

  beforeAll(async () => {
    t = await createTestDatabase();
    db = t.db;
    coop = await makeCoop(db, "settings-coop");
    owner = await makeUser(db, "owner@example.com", "สมชาย ใจดี");
  });
  afterAll(async () => {
    await t?.destroy();
  });

  async function refusal(patch: Parameters<typeof updateCoopSettings>[1]["patch"]): Promise<Record<string, string> | undefined> {
    try {
      await updateCoopSettings(db, { tenantId: coop, actorUserId: owner, patch });
    } catch (error) {
      if (error instanceof AppError) return error.fields;
      throw error;
    }
    throw new Error("expected a refusal");
  }

  it("saves the methods and fees and reads the fees back in satang", async () => {
    const patch = coopSettingsInput.parse({
      promptpayId: "0812345678", localDeliveryEnabled: true, localDeliveryFee: "40", parcelEnabled: true, parcelFeeProvince: "40", parcelFeeBangkok: 75.25, parcelFeeRegion: "", parcelFeeCountry: "", codEnabled: false,
    });
    const saved = await updateCoopSettings(db, { tenantId: coop, actorUserId: owner, patch });
    expect(saved).toMatchObject({
      pickupEnabled: true, localDeliveryEnabled: true, localDeliveryFeeSatang: 4000, parcelEnabled: true, parcelFeeProvinceSatang: 4000, parcelFeeBangkokSatang: 7525,
      parcelFeeRegionSatang: null, parcelFeeCountrySatang: null,
      promptpayEnabled: true, bankTransferEnabled: false, codEnabled: false,
    });
    expect(await getCoopSettings(db, coop)).toMatchObject({ localDeliveryFeeSatang: 4000, parcelFeeBangkokSatang: 7525, parcelFeeCountrySatang: null });
    // Parcels on with no zone left to send to is refused; turning parcels off with no fees is fine.
    expect(await refusal({ parcelFeeProvince: null, parcelFeeBangkok: null })).toEqual({ parcelFeeProvince: "settings.delivery.parcel_zone_required" });
    await updateCoopSettings(db, { tenantId: coop, actorUserId: owner, patch: { parcelEnabled: false, parcelFeeProvince: null, parcelFeeBangkok: null } });
    expect(await getCoopSettings(db, coop)).toMatchObject({ parcelEnabled: false, parcelFeeProvinceSatang: null, parcelFeeBangkokSatang: null });
  });

  it("checks a partial patch against what is saved", async () => {
    // PromptPay is the only payment method on: turning it off leaves none.
    expect(await refusal({ promptpayEnabled: false })).toEqual({ promptpayEnabled: "settings.delivery.payment_none" });
    // Bank transfer without an account on file.
    expect(await refusal({ bankTransferEnabled: true })).toMatchObject({ bankAccountNo: "settings.delivery.bank_required" });
    expect(await getCoopSettings(db, coop)).toMatchObject({ promptpayEnabled: true, promptpayId: "0812345678", bankTransferEnabled: false });
  });

  it("allows bank transfer once the account is given", async () => {
    const saved = await updateCoopSettings(db, {
      tenantId: coop,
      actorUserId: owner,
      patch: { bankTransferEnabled: true, bankName: "ธนาคารกรุงไทย", bankAccountNo: "1234567890", bankAccountName: "สหกรณ์ทดสอบ จำกัด", promptpayEnabled: false },
    });
    expect(saved).toMatchObject({ bankTransferEnabled: true, promptpayEnabled: false });
  });
});
