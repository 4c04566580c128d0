/**
 * Rows for the hub's tests (API, CSV, feeds), written straight into the tables as the owner
 * role (no RLS): shared and published articles, and the ones that must never leak — a draft,
 * an unshared article, a draft seminar and registrants.
 */
import { generatePassword, hashPassword } from "@coop/core";
import type { Database, Kysely } from "@coop/db";
import type { TestDatabase } from "@coop/db/testing";
import { seedDemoData } from "@coop/db/seed";

export const TRICKY_TITLE = `ข้าว <b>"หอม"</b> & <script>alert(1)</script>`;
export const SECRET = {
  draft: "DRAFT-SECRET-ARTICLE",
  unshared: "UNSHARED-SECRET-ARTICLE",
  draftSeminar: "DRAFT-SECRET-SEMINAR",
  registrant: "REGISTRANT-SECRET",
  registrantPhone: "0812345678",
  sagePhone: "0899999999",
} as const;
/** Articles of buriram-rice added for paging, beside the three named ones. */
export const BULK_ARTICLES = 120;

export interface HubFixture {
  tenants: Record<"korat" | "silk" | "buriram", string>;
  articles: { tricky: string; cassava: string; silk: string; draft: string; unshared: string };
  centres: { formula: string; quoted: string };
  sages: { one: string };
  seminars: { upcoming: string; draft: string };
  totalShared: number;
}

const day = (n: number) => new Date(Date.UTC(2026, 0, 1) + n * 86_400_000);

export async function seedHubFixture(t: TestDatabase): Promise<HubFixture> {
  await seedDemoData(t.db, { hashPassword, newPassword: generatePassword });
  const slugs = await t.db.selectFrom("tenants").select(["id", "slug"]).where("slug", "in", ["korat", "chaiyaphum-silk", "buriram-rice"]).execute();
  const id = (slug: string) => slugs.find((s) => s.slug === slug)!.id;
  const tenants = { korat: id("korat"), silk: id("chaiyaphum-silk"), buriram: id("buriram-rice") };

  // The owner role: the rows go in as they are, whatever RLS would let a co-op write.
  const owner = t.owner() as unknown as Kysely<Database>;
  return owner.transaction().execute(async (trx) => {
    const article = async (values: Record<string, unknown>) =>
      (await trx.insertInto("articles").values(values as never).returning("id").executeTakeFirstOrThrow()).id;
    const tricky = await article({
      tenant_id: tenants.korat, title: TRICKY_TITLE, summary: "a < b && c > d, \"quoted\"", body_md: "x", body_html: "<p>x</p>",
      topic: "production", crops: ["rice"], status: "published", shared: true, published_at: day(400),
    });
    const cassava = await article({
      tenant_id: tenants.korat, title: "=HYPERLINK(\"http://evil\")", summary: "มันสำปะหลัง", topic: "marketing", crops: ["cassava"],
      status: "published", shared: true, published_at: day(399),
    });
    const silk = await article({
      tenant_id: tenants.silk, title: "การฟอกย้อมไหม", summary: "ไหมไทย", topic: "processing", crops: ["silk"], status: "published", shared: true, published_at: day(398),
    });
    const draft = await article({ tenant_id: tenants.korat, title: SECRET.draft, topic: "production", crops: ["rice"], status: "draft", shared: true });
    const unshared = await article({
      tenant_id: tenants.korat, title: SECRET.unshared, topic: "production", crops: ["rice"], status: "published", shared: false, published_at: day(500),
    });
    await trx
      .insertInto("articles")
      .values(
        Array.from({ length: BULK_ARTICLES }, (_, i) => ({
          tenant_id: tenants.buriram, title: `บทความที่ ${i + 1}`, topic: "technology" as const, crops: ["rice"], status: "published" as const, shared: true, published_at: day(i),
        })),
      )
      .execute();

    const formula = (
      await trx
        .insertInto("learning_centres")
        .values({ code: "T-1", name_th: "=1+2 ศูนย์ทดสอบ", province_code: 30, district_th: "เมือง", main_crops: ["rice"], phone: "+66 44 000 000" })
        .returning("id")
        .executeTakeFirstOrThrow()
    ).id;
    const quoted = (
      await trx
        .insertInto("learning_centres")
        .values({ code: "T-2", name_th: 'ศูนย์ "บ้านนา", ชัยภูมิ', province_code: 36, district_th: "ภูเขียว\nบรรทัดใหม่", main_crops: ["silk"] })
        .returning("id")
        .executeTakeFirstOrThrow()
    ).id;
    const one = (
      await trx
        .insertInto("sages")
        .values({ name_th: "พ่อทองดี", expertise_th: "เกษตรผสมผสาน", province_code: 30, crops: ["rice"], phone: SECRET.sagePhone, centre_id: formula })
        .returning("id")
        .executeTakeFirstOrThrow()
    ).id;

    const seminar = async (values: Record<string, unknown>) =>
      (await trx.insertInto("seminars").values(values as never).returning("id").executeTakeFirstOrThrow()).id;
    const future = new Date(Date.now() + 30 * 86_400_000);
    const upcoming = await seminar({
      tenant_id: tenants.korat, title: "เสวนาข้าวหอม", topic: "production", crops: ["rice"], starts_at: future, ends_at: new Date(future.getTime() + 3_600_000),
      place: "หอประชุม", online_url: "https://meet.example/secret-room", capacity: 50, registered_count: 1, status: "published",
    });
    const draftSeminar = await seminar({
      tenant_id: tenants.korat, title: SECRET.draftSeminar, topic: "production", starts_at: future, ends_at: future, place: "x", capacity: 10, status: "draft",
    });
    await trx
      .insertInto("seminar_registrations")
      .values({ tenant_id: tenants.korat, seminar_id: upcoming, name: SECRET.registrant, phone: SECRET.registrantPhone, cancel_token_hash: "h1" })
      .execute();

    return {
      tenants,
      articles: { tricky, cassava, silk, draft, unshared },
      centres: { formula, quoted },
      sages: { one },
      seminars: { upcoming, draft: draftSeminar },
      totalShared: 3 + BULK_ARTICLES,
    };
  });
}
