import { type Database, type Kysely, type KnowledgeTopic, sql, withTenant } from "@coop/db";
import { hashToken, newToken } from "../security/tokens.ts";
import { reindexSeminar } from "./admin.ts";

interface DemoSeminar {
  slug: string;
  title: string;
  description: string;
  topic: KnowledgeTopic;
  crops: string[];
  /** Days from now (negative: in the past) and the Bangkok start hour. */
  inDays: number;
  hour: number;
  hours: number;
  place: string | null;
  onlineUrl: string | null;
  capacity: number;
  harvest?: Array<{ kind: "video" | "slides" | "link"; title: string; url: string }>;
  registrations: Array<{ name: string; phone: string; interest: string | null }>;
}

const DEMO: DemoSeminar[] = [
  {
    slug: "korat",
    title: "เสวนา ปลูกข้าวหอมมะลิแบบลดต้นทุน ใช้น้ำน้อย",
    description:
      "แลกเปลี่ยนประสบการณ์การทำนาแบบเปียกสลับแห้ง การเตรียมดินด้วยปุ๋ยพืชสด และการเก็บเมล็ดพันธุ์ไว้ใช้เอง กับปราชญ์ชาวบ้านและสมาชิกสหกรณ์ที่ลดต้นทุนได้จริง",
    topic: "production",
    crops: ["rice"],
    inDays: 10,
    hour: 9,
    hours: 3,
    place: "ห้องประชุมสหกรณ์การเกษตรโคราช อ.เมือง จ.นครราชสีมา",
    onlineUrl: null,
    capacity: 60,
    registrations: [
      { name: "สมศักดิ์ ใจงาม", phone: "0812345671", interest: "นาหว่าน 15 ไร่" },
      { name: "บุญมี ทองดี", phone: "0898765432", interest: "อยากลดค่าปุ๋ย" },
      { name: "มาลี ศรีสุข", phone: "044123456", interest: null },
    ],
  },
  {
    slug: "chaiyaphum-silk",
    title: "เสวนา ผ้าไหมชัยภูมิ: ออกแบบลายและขายออนไลน์",
    description: "ช่างทอรุ่นใหม่และรุ่นครูคุยกันเรื่องการออกแบบลายผ้าให้ถูกใจลูกค้า การถ่ายภาพสินค้า และการขายผ่านเพจและร้านค้าออนไลน์ของสหกรณ์",
    topic: "marketing",
    crops: ["silk"],
    inDays: 20,
    hour: 13,
    hours: 3,
    place: "ศูนย์ทอผ้าสหกรณ์ อ.เมือง จ.ชัยภูมิ",
    onlineUrl: "https://meet.google.com/abc-defg-hij",
    capacity: 40,
    registrations: [{ name: "วิไล ผ้างาม", phone: "0861112233", interest: "ทอผ้ามัดหมี่" }],
  },
  {
    slug: "buriram-rice",
    title: "เสวนาออนไลน์ บัญชีสหกรณ์และการวางแผนการเงินครัวเรือน",
    description: "เรียนรู้การจดบัญชีรับ–จ่ายของครัวเรือนเกษตรกร การอ่านงบการเงินสหกรณ์ และการวางแผนหนี้สินอย่างเป็นระบบ",
    topic: "management",
    crops: ["rice"],
    inDays: 35,
    hour: 19,
    hours: 2,
    place: null,
    onlineUrl: "https://www.facebook.com/events/123456789",
    capacity: 200,
    registrations: [],
  },
  {
    slug: "korat",
    title: "เสวนา มันสำปะหลังพันธุ์ดี ต้านทานโรคใบด่าง",
    description: "สรุปบทเรียนการคัดเลือกท่อนพันธุ์สะอาด การสังเกตอาการโรคใบด่างมันสำปะหลัง และการจัดการแปลงร่วมกับเพื่อนบ้าน",
    topic: "production",
    crops: ["cassava"],
    inDays: -14,
    hour: 9,
    hours: 4,
    place: "แปลงเรียนรู้ ศพก. อ.โชคชัย จ.นครราชสีมา",
    onlineUrl: null,
    capacity: 80,
    harvest: [
      { kind: "video", title: "บันทึกการเสวนา (YouTube)", url: "https://www.youtube.com/watch?v=dQw4w9WgXcQ" },
      { kind: "slides", title: "สไลด์ประกอบการบรรยาย (PDF)", url: "https://www.doa.go.th/" },
      { kind: "link", title: "กรมวิชาการเกษตร: โรคใบด่างมันสำปะหลัง", url: "https://www.doa.go.th/" },
    ],
    registrations: [
      { name: "ประยุทธ มั่นคง", phone: "0823334444", interest: "ปลูกมัน 30 ไร่" },
      { name: "สุดา ดอกไม้", phone: "0935556666", interest: null },
    ],
  },
];

function bangkokAt(inDays: number, hour: number): Date {
  const now = new Date();
  const day = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + inDays));
  return new Date(day.getTime() + (hour - 7) * 3600_000);
}

/**
 * Demo seminars across the demo co-ops: three upcoming, one past with its harvest, a few
 * registrations. Speakers are picked from the sages directory when it has any. Idempotent: a
 * co-op that already has a seminar of the same title is left alone.
 */
export async function seedDemoSeminars(db: Kysely<Database>): Promise<void> {
  const sages = await db.selectFrom("sages").select(["id", "crops"]).orderBy("name_th").orderBy("id").limit(50).execute();
  for (const demo of DEMO) {
    const tenant = await db.selectFrom("tenants").select("id").where("slug", "=", demo.slug).executeTakeFirst();
    if (!tenant) continue;
    await withTenant(db, tenant.id, async (trx) => {
      const exists = await trx.selectFrom("seminars").select("id").where("tenant_id", "=", tenant.id).where("title", "=", demo.title).executeTakeFirst();
      if (exists) return;
      const startsAt = bangkokAt(demo.inDays, demo.hour);
      const { id } = await trx
        .insertInto("seminars")
        .values({
          tenant_id: tenant.id,
          title: demo.title,
          description: demo.description,
          topic: demo.topic,
          crops: demo.crops,
          starts_at: startsAt,
          ends_at: new Date(startsAt.getTime() + demo.hours * 3600_000),
          place: demo.place,
          province_code: demo.place ? (demo.slug === "chaiyaphum-silk" ? 36 : demo.slug === "buriram-rice" ? 31 : 30) : null,
          online_url: demo.onlineUrl,
          capacity: demo.capacity,
          status: "published",
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      const matching = sages.filter((s) => s.crops.some((c) => demo.crops.includes(c)));
      const speakers = (matching.length > 0 ? matching : sages).slice(0, 2);
      if (speakers.length > 0) {
        await trx
          .insertInto("seminar_speakers")
          .values(speakers.map((s, position) => ({ tenant_id: tenant.id, seminar_id: id, sage_id: s.id, position })))
          .execute();
      }
      for (const r of demo.registrations) {
        await trx
          .insertInto("seminar_registrations")
          .values({ tenant_id: tenant.id, seminar_id: id, name: r.name, phone: r.phone, interest: r.interest, cancel_token_hash: hashToken(newToken()) })
          .execute();
      }
      if (demo.registrations.length > 0) {
        await trx
          .updateTable("seminars")
          .set({ registered_count: sql<number>`registered_count + ${demo.registrations.length}` })
          .where("tenant_id", "=", tenant.id)
          .where("id", "=", id)
          .execute();
      }
      for (const h of demo.harvest ?? []) {
        await trx.insertInto("seminar_harvest").values({ tenant_id: tenant.id, seminar_id: id, kind: h.kind, title: h.title, url: h.url }).execute();
      }
      await reindexSeminar(trx, tenant.id, id);
    });
  }
}
