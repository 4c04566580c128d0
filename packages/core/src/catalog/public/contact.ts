import type { Database, Kysely } from "@coop/db";
import { AppError } from "../../errors.ts";
import type { CoopContact } from "./types.ts";

const blank = (value: string | null) => (value?.trim() ? value.trim() : null);

/** The contact details a co-op publishes on its about page. */
export async function getCoopContact(db: Kysely<Database>, tenantId: string): Promise<CoopContact> {
  const row = await db
    .selectFrom("tenants as t")
    .leftJoin("provinces as p", "p.code", "t.address_province_code")
    .select([
      "t.phone", "t.contact_email", "t.line_id", "t.facebook_url", "t.opening_hours", "t.address_line", "t.address_subdistrict",
      "t.address_district", "t.address_postcode", "p.code as province_code", "p.name_th as province_name_th", "p.name_en as province_name_en",
    ])
    .where("t.id", "=", tenantId)
    .executeTakeFirst();
  if (!row) throw new AppError("NOT_FOUND", "site.not_found");
  const facebook = blank(row.facebook_url);
  return {
    phone: blank(row.phone),
    email: blank(row.contact_email),
    lineId: blank(row.line_id),
    // Only a web address is a link; anything else would be a javascript: or relative URL.
    facebookUrl: facebook && /^https:\/\//i.test(facebook) ? facebook : null,
    openingHours: blank(row.opening_hours),
    address: {
      line: blank(row.address_line),
      subdistrict: blank(row.address_subdistrict),
      district: blank(row.address_district),
      province: row.province_code != null ? { code: row.province_code, nameTh: row.province_name_th ?? "", nameEn: row.province_name_en ?? "" } : null,
      postcode: blank(row.address_postcode),
    },
  };
}
