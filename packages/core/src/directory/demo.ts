import { type Database, type Kysely, sql, withTenant } from "@coop/db";
import { upsertCentre } from "./centres.ts";
import { DEMO_CENTRES, DEMO_SAGES } from "./demo-data.ts";
import { createSage } from "./sages.ts";

const DEMO_LINKS: ReadonlyArray<{ slug: string; code: string; status: "proposed" | "confirmed"; note: string }> = [
  { slug: "korat", code: "NMA-PHIMAI-01", status: "confirmed", note: "สมาชิกสหกรณ์ส่งข้าวเปลือกอินทรีย์ และใช้แปลงเรียนรู้ของศูนย์ฝึกอบรม" },
  { slug: "korat", code: "NMA-SUNGNOEN-01", status: "confirmed", note: "ร่วมทดลองมันสำปะหลังน้ำหยดกับสมาชิก" },
  { slug: "chaiyaphum-silk", code: "CPM-BAANKHWAO-01", status: "confirmed", note: "กลุ่มทอผ้าของสหกรณ์เรียนการย้อมสีธรรมชาติที่ศูนย์" },
  { slug: "buriram-rice", code: "BRM-NANGRONG-01", status: "proposed", note: "ขอร่วมผลิตเมล็ดพันธุ์ข้าวชุมชน" },
];

const DEMO_MEETINGS = [
  {
    slug: "korat", code: "NMA-PHIMAI-01", heldOn: "2026-08-14", place: "ศาลาเรียนรู้ ศพก. อำเภอพิมาย",
    attendees: "คณะกรรมการสหกรณ์ 5 คน, นายสมบูรณ์ ทองดี, เจ้าหน้าที่เกษตรอำเภอพิมาย, สมาชิก 20 คน", attendeeCount: 27,
    minutes: "ทบทวนผลผลิตข้าวอินทรีย์ปี 2568 หารือราคารับซื้อข้าวเปลือก และแผนอบรมการคัดพันธุ์ข้าวก่อนฤดูปลูก",
    outcomes: "ตกลงรับซื้อข้าวเปลือกอินทรีย์ราคาประกัน และจัดอบรมคัดพันธุ์ข้าว 2 รุ่นในเดือนมีนาคม",
  },
  {
    slug: "chaiyaphum-silk", code: "CPM-BAANKHWAO-01", heldOn: "2026-09-03", place: "ศพก. อำเภอบ้านเขว้า",
    attendees: "กลุ่มทอผ้าไหมของสหกรณ์ 12 คน, นางคำปุ่น ชัยศรี, นักวิชาการหม่อนไหม", attendeeCount: 14,
    minutes: "สาธิตการย้อมสีจากเปลือกประดู่และครั่ง ทดลองลายมัดหมี่ใหม่สำหรับตลาดออนไลน์",
    outcomes: "ผลิตผ้าไหมสีธรรมชาติชุดแรก 40 ผืน ขายผ่านหน้าร้านออนไลน์ของสหกรณ์",
  },
];

/**
 * The demo ศพก. directory: centres (upserted by code), sages (by name), links and meetings of the
 * demo co-ops that exist. Safe to run on every start.
 */
export async function seedDemoDirectory(db: Kysely<Database>): Promise<void> {
  const ids = new Map<string, string>();
  await db.transaction().execute(async (trx) => {
    for (const centre of DEMO_CENTRES) {
      const existing = await trx.selectFrom("learning_centres").select("id").where("code", "=", centre.code).executeTakeFirst();
      ids.set(centre.code, existing ? existing.id : (await upsertCentre(trx, centre)).id);
    }
  });
  for (const { centreCode, ...sage } of DEMO_SAGES) {
    const existing = await db.selectFrom("sages").select("id").where("name_th", "=", sage.nameTh).executeTakeFirst();
    if (!existing) await createSage(db, { kind: "staff" }, { ...sage, centreId: centreCode ? (ids.get(centreCode) ?? null) : null });
  }
  const tenants = new Map(
    (await db.selectFrom("tenants").select(["id", "slug"]).where("slug", "in", ["korat", "chaiyaphum-silk", "buriram-rice"]).execute()).map((t) => [t.slug, t.id]),
  );
  for (const link of DEMO_LINKS) {
    const tenantId = tenants.get(link.slug);
    const centreId = ids.get(link.code);
    if (!tenantId || !centreId) continue;
    await withTenant(db, tenantId, (trx) =>
      trx
        .insertInto("centre_links")
        .values({ tenant_id: tenantId, centre_id: centreId, status: link.status, note: link.note, decided_at: link.status === "confirmed" ? new Date() : null })
        .onConflict((oc) => oc.columns(["tenant_id", "centre_id"]).doNothing())
        .execute(),
    );
  }
  for (const { slug, code, ...meeting } of DEMO_MEETINGS) {
    const tenantId = tenants.get(slug);
    const centreId = ids.get(code);
    if (!tenantId || !centreId) continue;
    await withTenant(db, tenantId, async (trx) => {
      const done = await trx
        .selectFrom("joint_meetings")
        .select("id")
        .where("tenant_id", "=", tenantId)
        .where("centre_id", "=", centreId)
        .where("held_on", "=", sql<Date>`${meeting.heldOn}::date`)
        .executeTakeFirst();
      if (done) return;
      await trx
        .insertInto("joint_meetings")
        .values({
          tenant_id: tenantId, centre_id: centreId, held_on: meeting.heldOn, place: meeting.place, attendees: meeting.attendees,
          attendee_count: meeting.attendeeCount, minutes: meeting.minutes, outcomes: meeting.outcomes,
        })
        .execute();
    });
  }
}
