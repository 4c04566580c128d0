import { type Database, type KnowledgeTopic, type Kysely, withTenant } from "@coop/db";
import { syncArticleIndex } from "./articles.ts";
import { renderArticleHtml } from "./render.ts";

interface DemoArticle {
  slug: string;
  title: string;
  summary: string;
  bodyMd: string;
  topic: KnowledgeTopic;
  crops: string[];
  status: "draft" | "published";
  shared: boolean;
  /** Days before now it was published. */
  daysAgo: number;
}

const DEMO: DemoArticle[] = [
  {
    slug: "korat",
    title: "ปลูกข้าวหอมมะลิแบบลดต้นทุน ด้วยการทำนาเปียกสลับแห้ง",
    summary: "สมาชิกสหกรณ์ลดค่าปุ๋ยและค่าน้ำได้กว่าไร่ละ 800 บาท ด้วยการเตรียมดินด้วยปุ๋ยพืชสดและการปล่อยน้ำให้แห้งเป็นช่วง ๆ",
    bodyMd: `## ทำไมต้องลดต้นทุน

ต้นทุนการทำนาข้าวหอมมะลิในภาคอีสานเฉลี่ยไร่ละ 4,000–4,500 บาท ส่วนใหญ่เป็น **ค่าปุ๋ยเคมี** และ **ค่าจ้างแรงงาน**

## ขั้นตอนที่สมาชิกทำได้จริง

1. หว่านปอเทืองหรือถั่วพร้าก่อนฤดูทำนา แล้วไถกลบเมื่อออกดอก
2. ใช้เมล็ดพันธุ์ขาวดอกมะลิ 105 ที่คัดเอง ไร่ละไม่เกิน 15 กิโลกรัม
3. ปล่อยน้ำให้แห้งสลับกับขังน้ำ 5 เซนติเมตร ทุก 7–10 วัน ช่วงข้าวแตกกอ
4. ใส่ปุ๋ยตามค่าวิเคราะห์ดิน ไม่ใส่ตามความเคยชิน

> "ปีแรกผลผลิตไม่ลด แต่ค่าปุ๋ยลดลงเกือบครึ่ง" — ลุงสมศักดิ์ สมาชิกกลุ่มบ้านหนองบัว

| รายการ | แบบเดิม (บาท/ไร่) | แบบลดต้นทุน (บาท/ไร่) |
|---|--:|--:|
| ปุ๋ยเคมี | 1,200 | 650 |
| เมล็ดพันธุ์ | 500 | 300 |
| ค่าสูบน้ำ | 400 | 250 |

https://www.youtube.com/watch?v=M7lc1UVf-VE
`,
    topic: "production",
    crops: ["rice"],
    status: "published",
    shared: true,
    daysAgo: 3,
  },
  {
    slug: "korat",
    title: "การทำปุ๋ยหมักจากฟางข้าว ไม่ต้องเผา ได้ปุ๋ยใช้เอง",
    summary: "เปลี่ยนฟางข้าวหลังเก็บเกี่ยวเป็นปุ๋ยหมักคุณภาพดีภายใน 45 วัน ด้วยจุลินทรีย์ พด.1 และมูลวัว",
    bodyMd: `การเผาฟางทำให้ดินเสียอินทรียวัตถุและเกิดหมอกควัน ฟางข้าว 1 ไร่ (ประมาณ 650 กิโลกรัม) ทำปุ๋ยหมักได้เกือบ 400 กิโลกรัม

## วัสดุ

- ฟางข้าว 1,000 กิโลกรัม
- มูลวัว 200 กิโลกรัม
- สารเร่ง พด.1 จำนวน 1 ซอง ผสมน้ำ 20 ลิตร

## วิธีทำ

1. กองฟางเป็นชั้น สูงชั้นละ 30 เซนติเมตร โรยมูลวัวแล้วรดน้ำสารเร่ง
2. ทำซ้ำจนกองสูงประมาณ 1.5 เมตร
3. กลับกองทุก 10 วัน และรักษาความชื้นให้พอหมาด ๆ

เมื่อฟางเปื่อยยุ่ย สีน้ำตาลเข้ม ไม่มีกลิ่นเหม็น ก็นำไปใช้ได้
`,
    topic: "production",
    crops: ["rice"],
    status: "published",
    shared: true,
    daysAgo: 12,
  },
  {
    slug: "korat",
    title: "การแปรรูปมันสำปะหลังเป็นแป้งมันและขนมพื้นบ้าน",
    summary: "เพิ่มมูลค่ามันสำปะหลังจากกิโลกรัมละ 3 บาท เป็นแป้งและขนมที่ขายได้ราคากว่าเดิมหลายเท่า",
    bodyMd: `กลุ่มแม่บ้านของสหกรณ์ทดลองแปรรูปมันสำปะหลังพันธุ์ระยอง 9 เป็น **แป้งมันสด** และ **ข้าวเกรียบมัน**

## ขั้นตอนทำแป้งมันสด

1. ปอกเปลือก ล้างให้สะอาด แล้วขูดหรือบดละเอียด
2. ผสมน้ำ กรองผ่านผ้าขาวบาง ตั้งทิ้งไว้ให้แป้งตกตะกอน 4–6 ชั่วโมง
3. เทน้ำใสทิ้ง ตากแป้งบนถาดในโรงตากพลังแสงอาทิตย์

ข้อควรระวัง: มันสำปะหลังดิบมีสารไซยาไนด์ ต้องผ่านความร้อนหรือการแช่น้ำก่อนบริโภคเสมอ
`,
    topic: "processing",
    crops: ["cassava"],
    status: "published",
    shared: true,
    daysAgo: 20,
  },
  {
    slug: "chaiyaphum-silk",
    title: "การเลี้ยงไหมอีรี่ ด้วยใบมันสำปะหลัง รายได้เสริมระหว่างฤดู",
    summary: "ไหมอีรี่กินใบมันสำปะหลังและใบละหุ่ง เลี้ยงง่าย ให้เส้นใยนุ่ม และดักแด้ขายเป็นอาหารได้",
    bodyMd: `ไหมอีรี่เป็นไหมที่เลี้ยงได้ตลอดปี ไม่ต้องปลูกหม่อน ใช้ **ใบมันสำปะหลัง** ที่มีอยู่แล้วในไร่

## การเลี้ยง

- วงจรชีวิตประมาณ 45 วัน ระยะหนอน 20–25 วัน
- ให้ใบวันละ 3–4 ครั้ง รักษาชั้นเลี้ยงให้สะอาดและแห้ง
- เมื่อหนอนสุกให้ย้ายขึ้นจ่อ เพื่อทำรัง

## การใช้ประโยชน์

รังไหมอีรี่นำไปปั่นเป็นเส้นด้ายทอผ้าห่มและผ้าพันคอ ส่วนดักแด้ขายเป็นอาหารโปรตีนสูง

https://youtu.be/aqz-KE-bpKQ
`,
    topic: "production",
    crops: ["silk", "cassava"],
    status: "published",
    shared: true,
    daysAgo: 6,
  },
  {
    slug: "chaiyaphum-silk",
    title: "การขายผ้าไหมออนไลน์ผ่าน LINE OA ของกลุ่มทอผ้า",
    summary: "ตั้งร้านบน LINE OA ถ่ายภาพผ้าให้สวย ตอบลูกค้าอัตโนมัติ และส่งของด้วยระบบของสหกรณ์",
    bodyMd: `## เริ่มต้นกับ LINE OA

1. สมัครบัญชี LINE Official Account ในนามกลุ่มหรือสหกรณ์
2. ตั้งข้อความต้อนรับและเมนูหลัก: สินค้า, วิธีสั่งซื้อ, ติดต่อ
3. ใช้แท็กจัดกลุ่มลูกค้า เช่น ลูกค้าประจำ ลูกค้างานบุญ

## ถ่ายภาพผ้าให้ขายได้

- ถ่ายในแสงธรรมชาติช่วงเช้า หลีกเลี่ยงแดดจัด
- มีภาพเต็มผืน ภาพลายใกล้ ๆ และภาพตอนสวมใส่
- บอกขนาด ชนิดเส้นไหม และสีที่ใช้ (สีธรรมชาติหรือสีเคมี) ให้ชัด

ดูคู่มือการใช้งานได้ที่ [LINE for Business](https://www.linebiz.com/th/)
`,
    topic: "marketing",
    crops: ["silk"],
    status: "published",
    shared: true,
    daysAgo: 9,
  },
  {
    slug: "chaiyaphum-silk",
    title: "สีธรรมชาติจากเปลือกไม้ สำหรับย้อมเส้นไหม (ฉบับร่าง)",
    summary: "รวบรวมสูตรย้อมสีจากเปลือกประดู่ ครั่ง และคราม ที่ช่างทอในกลุ่มใช้อยู่",
    bodyMd: "กำลังรวบรวมข้อมูลจากช่างทอในกลุ่ม…",
    topic: "processing",
    crops: ["silk"],
    status: "draft",
    shared: false,
    daysAgo: 0,
  },
  {
    slug: "buriram-rice",
    title: "บัญชีครัวเรือน จดง่าย รู้ทันรายจ่าย ลดหนี้ได้จริง",
    summary: "วิธีจดบัญชีรับ–จ่ายประจำวันของครอบครัวเกษตรกร และการสรุปผลทุกสิ้นเดือนเพื่อวางแผนการผลิต",
    bodyMd: `บัญชีครัวเรือนช่วยให้รู้ว่าเงินหายไปไหน และต้นทุนการผลิตจริงเป็นเท่าไร

## หลักการจด

- จด **ทุกวัน** ก่อนนอน แยกเป็นรายรับ รายจ่ายในครัวเรือน และรายจ่ายการเกษตร
- เก็บใบเสร็จค่าปุ๋ย ค่ายา ค่าจ้างรถไว้ในซองเดียวกัน
- สิ้นเดือนรวมยอดแต่ละหมวด แล้วดูว่าหมวดไหนลดได้

## ตัวอย่างหมวดรายจ่าย

| หมวด | ตัวอย่าง |
|---|---|
| อาหาร | ข้าวสาร กับข้าว |
| การเกษตร | ปุ๋ย ยา เมล็ดพันธุ์ ค่าจ้างรถเกี่ยว |
| หนี้สิน | ดอกเบี้ย ธ.ก.ส. เงินกู้สหกรณ์ |
`,
    topic: "management",
    crops: ["rice"],
    status: "published",
    shared: true,
    daysAgo: 15,
  },
  {
    slug: "buriram-rice",
    title: "ใช้โดรนพ่นสารชีวภัณฑ์ในนาข้าว คุ้มหรือไม่",
    summary: "ผลทดลองของสหกรณ์: โดรนพ่นได้วันละ 150 ไร่ ลดการใช้น้ำและสาร แต่ต้องวางแผนการบินให้ดี",
    bodyMd: `สหกรณ์ร่วมกับกลุ่มยุวเกษตรกรทดลองจ้างโดรนพ่น **เชื้อราไตรโคเดอร์มา** และ **บิวเวอเรีย** ในแปลงนาสมาชิก 300 ไร่

## สิ่งที่ได้เรียนรู้

- ค่าจ้างไร่ละ 60–80 บาท ถูกกว่าจ้างคนพ่นเมื่อแปลงติดกันหลายราย
- ต้องพ่นช่วงเย็นหรือเช้ามืด เพราะเชื้อจุลินทรีย์ไม่ทนแดด
- ควรรวมแปลงสมาชิกให้เป็นผืนเดียวกันเพื่อลดเวลาเคลื่อนย้าย

บทความนี้ยังเป็นผลทดลองเบื้องต้นในสหกรณ์ จึงเผยแพร่บนเว็บไซต์ของสหกรณ์เท่านั้น
`,
    topic: "technology",
    crops: ["rice"],
    status: "published",
    shared: false,
    daysAgo: 2,
  },
];

/**
 * Demo articles for the three demo co-ops: all five topics, most published and shared, one
 * draft, one published but not shared. Idempotent: an article whose title the co-op already
 * has is skipped. Each one is indexed in the transaction that writes it.
 */
export async function seedDemoKnowledge(db: Kysely<Database>): Promise<{ created: number }> {
  let created = 0;
  const now = Date.now();
  for (const demo of DEMO) {
    const tenant = await db.selectFrom("tenants").select("id").where("slug", "=", demo.slug).executeTakeFirst();
    if (!tenant) continue;
    await withTenant(db, tenant.id, async (trx) => {
      const existing = await trx.selectFrom("articles").select("id").where("tenant_id", "=", tenant.id).where("title", "=", demo.title).executeTakeFirst();
      if (existing) return;
      const publishedAt = demo.status === "published" ? new Date(now - demo.daysAgo * 86_400_000) : null;
      const row = await trx
        .insertInto("articles")
        .values({
          tenant_id: tenant.id,
          title: demo.title,
          summary: demo.summary,
          body_md: demo.bodyMd,
          body_html: renderArticleHtml(demo.bodyMd, tenant.id),
          topic: demo.topic,
          crops: demo.crops,
          status: demo.status,
          shared: demo.shared,
          published_at: publishedAt,
          ...(publishedAt ? { created_at: publishedAt, updated_at: publishedAt } : {}),
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      await syncArticleIndex(trx, row);
      created++;
    });
  }
  return { created };
}
