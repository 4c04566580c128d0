// A small Thai corpus for the relevance tests (not exported from the package).
import type { KnowledgeTopic, SearchKind } from "@coop/db";

export type Owner = "korat" | "silk" | "suspended" | null;

export interface CorpusDoc {
  key: string;
  kind: SearchKind;
  owner: Owner;
  networkVisible: boolean;
  title: string;
  summary: string;
  body: string;
  topic?: KnowledgeTopic;
  crops?: string[];
  provinceCode?: number;
  daysAgo: number;
}

const article = (key: string, owner: Owner, title: string, summary: string, body: string, topic: KnowledgeTopic, crops: string[], daysAgo: number, networkVisible = true): CorpusDoc => ({
  key, kind: "article", owner, networkVisible, title, summary, body, topic, crops, provinceCode: owner === "silk" ? 36 : 30, daysAgo,
});

export const CORPUS: readonly CorpusDoc[] = [
  article("rice-jasmine", "korat", "เทคนิคการปลูกข้าวหอมมะลิให้ได้คุณภาพ", "ปลูกข้าวหอมมะลิ 105 ให้หอมและได้ราคาดี",
    "การปลูกข้าวหอมมะลิต้องเลือกช่วงปักดำให้ข้าวออกดอกในช่วงอากาศเย็น ใส่ปุ๋ยตามค่าวิเคราะห์ดิน และเก็บเกี่ยวเมื่อเมล็ดสุกพอดี", "production", ["rice"], 30),
  article("rice-sticky", "korat", "การปลูกข้าวเหนียว กข6 ในนาดอน", "ข้าวเหนียวพันธุ์ กข6 ทนแล้ง",
    "นาดอนน้ำน้อยควรปลูกข้าวเหนียวพันธุ์ที่ทนแล้ง หว่านน้ำตมและกำจัดวัชพืชให้ทันเวลา", "production", ["rice"], 25),
  article("rice-organic", "korat", "ข้าวอินทรีย์: เปลี่ยนนาเคมีเป็นนาอินทรีย์", "สามปีแรกของการปรับเปลี่ยน",
    "การทำนาอินทรีย์ต้องงดสารเคมีทุกชนิด ใช้ปุ๋ยพืชสด และบันทึกข้อมูลเพื่อขอมาตรฐาน Organic Thailand", "production", ["rice"], 20),
  article("rice-seed", "korat", "การคัดเมล็ดพันธุ์ข้าวไว้ใช้เอง", "เมล็ดพันธุ์ดีเริ่มจากแปลงที่สะอาด",
    "ตัดพันธุ์ปนในแปลงข้าวหอมมะลิ ตากเมล็ดให้แห้งและเก็บในที่เย็น", "production", ["rice"], 40),
  article("rice-mill", "korat", "โรงสีข้าวชุมชนกับการแปรรูปข้าวกล้อง", "เพิ่มมูลค่าข้าวด้วยการสีเอง",
    "โรงสีขนาดเล็กช่วยให้สหกรณ์ขายข้าวกล้องและข้าวสารบรรจุถุงได้เอง", "processing", ["rice"], 15),
  article("cassava-plant", "korat", "การปลูกมันสำปะหลังพันธุ์ห้วยบง 80", "ผลผลิตสูงเมื่อปลูกต้นฤดูฝน",
    "เตรียมดินให้ร่วนซุย ตัดท่อนพันธุ์ยาว 20 เซนติเมตร ปักตรงลึกครึ่งท่อน", "production", ["cassava"], 12),
  article("cassava-disease", "korat", "โรคใบด่างมันสำปะหลังและวิธีป้องกัน", "ใช้ท่อนพันธุ์สะอาด",
    "ถอนต้นที่เป็นโรคใบด่างไปทำลาย และไม่นำท่อนพันธุ์จากแปลงที่มีโรคไปปลูก", "production", ["cassava"], 10),
  article("cassava-chips", "korat", "การแปรรูปมันเส้นสะอาดขายโรงงาน", "ลานตากที่สะอาดได้ราคาดี",
    "หัวมันสำปะหลังสดนำมาหั่นเป็นเส้นแล้วตากบนลานปูน", "processing", ["cassava"], 8),
  article("silk-weave", "silk", "การทอผ้าไหมมัดหมี่ลายโบราณ", "ลายนาคและลายหมากจับ",
    "มัดหมี่คือการมัดเส้นไหมเป็นลายก่อนย้อมสี แล้วนำไปทอเป็นผืนผ้าไหม", "processing", ["silk"], 18),
  article("silk-mulberry", "silk", "การปลูกหม่อนเลี้ยงไหมสำหรับมือใหม่", "ใบหม่อนดีไหมก็ดี",
    "ปลูกหม่อนพันธุ์บุรีรัมย์ 60 ให้ใบดก แล้วเลี้ยงหนอนไหมในโรงเลี้ยงที่สะอาด", "production", ["silk"], 22),
  article("silk-dye", "silk", "ย้อมสีธรรมชาติบนผ้าไหม", "สีจากเปลือกไม้และครั่ง",
    "ครั่งให้สีแดง คราม ให้สีน้ำเงิน ต้มเส้นไหมกับน้ำสีแล้วล้างด้วยน้ำสะอาด", "processing", ["silk"], 14),
  article("compost-home", "korat", "วิธีทำปุ๋ยหมักใช้เองจากฟางข้าว", "ลดต้นทุนปุ๋ยเคมีได้ครึ่งหนึ่ง",
    "กองฟางข้าวสลับมูลวัว รดน้ำให้ชื้น กลับกองทุกสัปดาห์ ปุ๋ยหมักจะพร้อมใช้ในสองเดือน", "production", ["rice"], 6),
  article("ferment", "korat", "น้ำหมักชีวภาพจากเศษผักผลไม้", "ใช้แทนสารเคมีในแปลงผัก",
    "หมักเศษผักกับกากน้ำตาลในถังปิดฝาสามเดือน กรองแล้วผสมน้ำฉีดพ่น", "production", ["vegetables"], 9),
  article("fertilizer-chem", "korat", "ใช้ปุ๋ยเคมีอย่างถูกวิธีในนาข้าว", "ใส่ตามค่าวิเคราะห์ดิน",
    "ปุ๋ยเคมีสูตร 16-20-0 ใส่รองพื้น ส่วนยูเรียใส่ช่วงข้าวแตกกอ", "production", ["rice"], 11),
  article("compost-en", "silk", "Composting rice straw for small farms", "A compost pile ready in eight weeks",
    "Layer rice straw with manure, keep the pile moist and turn it every week. Compost feeds the soil.", "production", ["rice"], 16),
  article("organic-veg", "korat", "ผักอินทรีย์ปลอดสารส่งโรงพยาบาล", "ตลาดที่มั่นคงของกลุ่มผัก",
    "กลุ่มผักอินทรีย์ส่งผักให้โรงพยาบาลชุมชนทุกสัปดาห์ ตามแผนการปลูกที่ตกลงกัน", "marketing", ["vegetables"], 13),
  article("organic-cert", "silk", "ขั้นตอนขอรับรองมาตรฐานเกษตรอินทรีย์", "เอกสารและการตรวจแปลง",
    "ยื่นคำขอ เตรียมบันทึกการผลิต และรับการตรวจแปลงจากผู้ตรวจ", "management", [], 17),
  article("durian-care", "korat", "การดูแลทุเรียนหมอนทองช่วงออกดอก", "น้ำและปุ๋ยช่วงติดผล",
    "ช่วงทุเรียนออกดอกต้องคุมน้ำให้พอดี ตัดแต่งดอกและใส่ปุ๋ยทางใบ", "production", ["durian"], 7),
  article("durian-market", "silk", "ขายทุเรียนออนไลน์ให้ได้ราคา", "แพ็กให้ดี ส่งให้ไว",
    "ถ่ายภาพผลทุเรียนให้สวย ตั้งราคาตามน้ำหนัก และส่งพัสดุแบบแช่เย็น", "marketing", ["durian"], 5),
  article("accounting", "korat", "การทำบัญชีสหกรณ์อย่างง่าย", "สมุดบัญชีรับจ่ายและงบดุล",
    "บันทึกรายรับรายจ่ายทุกวัน ปิดบัญชีทุกเดือน และจัดทำงบการเงินส่งผู้สอบบัญชี", "management", [], 19),
  article("accounting-home", "silk", "บัญชีครัวเรือนสำหรับสมาชิกสหกรณ์", "รู้รายจ่ายก็ลดหนี้ได้",
    "จดทุกรายการที่จ่ายในครัวเรือน แยกค่าใช้จ่ายการเกษตรออกจากค่าใช้จ่ายในบ้าน", "management", [], 21),
  article("line-marketing", "korat", "ขายสินค้าเกษตรผ่าน LINE Official Account", "บรอดแคสต์โปรโมชันให้สมาชิก",
    "สร้างบัญชี LINE OA ของสหกรณ์ ส่งข่าวสินค้าใหม่ และรับออร์เดอร์ทางแชท", "marketing", [], 4),
  article("facebook-live", "silk", "ไลฟ์สดขายผ้าไหมบน Facebook", "ขายได้ทั้งประเทศ",
    "เตรียมผ้าไหมให้พร้อม ไลฟ์ช่วงหัวค่ำ และตอบคำถามลูกค้าทันที", "marketing", ["silk"], 3),
  article("mushroom", "korat", "การเพาะเห็ดฟางในตะกร้า", "รายได้เสริมหลังนา",
    "ใช้ฟางข้าวแช่น้ำ ใส่ตะกร้าสลับเชื้อเห็ด คลุมพลาสติกเก็บความชื้น", "production", ["mushrooms"], 26),
  article("fish", "korat", "การเลี้ยงปลานิลในบ่อดิน", "อาหารปลาต้นทุนต่ำ",
    "ปล่อยลูกปลานิลขนาดสามเซนติเมตร ให้อาหารวันละสองครั้ง", "production", ["fish"], 28),
  article("honey", "silk", "การเลี้ยงผึ้งโพรงเก็บน้ำผึ้ง", "น้ำผึ้งแท้จากป่าชุมชน",
    "วางกล่องล่อผึ้งใกล้แหล่งน้ำ เก็บน้ำผึ้งเฉพาะรวงที่ปิดฝาแล้ว", "production", ["bees"], 27),
  article("drone", "korat", "โดรนพ่นปุ๋ยและสารชีวภัณฑ์ในนาข้าว", "ประหยัดแรงงานและเวลา",
    "โดรนพ่นปุ๋ยหนึ่งไร่ใช้เวลาไม่ถึงห้านาที ต้องขึ้นทะเบียนและอบรมนักบิน", "technology", ["rice"], 2),
  article("water", "korat", "การจัดการน้ำในนาแบบเปียกสลับแห้ง", "ลดน้ำและลดก๊าซเรือนกระจก",
    "ปล่อยให้น้ำในนาแห้งจนถึงระดับ 15 เซนติเมตรใต้ดินแล้วจึงสูบน้ำเข้า", "technology", ["rice"], 24),
  // Published on the co-op's site but not shared with the network.
  article("compost-secret", "korat", "สูตรปุ๋ยหมักของสหกรณ์ (เฉพาะสมาชิก)", "สูตรภายใน",
    "ปุ๋ยหมักสูตรนี้ใช้มูลไก่และแกลบ", "production", ["rice"], 1, false),
  // A suspended co-op's shared article.
  article("compost-suspended", "suspended", "ปุ๋ยหมักมูลวัวของสหกรณ์ที่ถูกระงับ", "ไม่ควรถูกค้นพบ",
    "ปุ๋ยหมักมูลวัว", "production", ["rice"], 1),
  { key: "sage-compost", kind: "sage", owner: null, networkVisible: true, title: "นายสมชาย ใจดี ปราชญ์ปุ๋ยหมัก",
    summary: "ปราชญ์เกษตรด้านการปรับปรุงดิน", body: "สอนทำปุ๋ยหมักและปุ๋ยพืชสดให้เกษตรกรมากว่ายี่สิบปี", crops: ["rice"], provinceCode: 30, daysAgo: 50 },
  { key: "sage-silk", kind: "sage", owner: null, networkVisible: true, title: "นางบุญมี ศรีสุข ครูช่างทอผ้าไหม",
    summary: "ปราชญ์ด้านผ้าไหมมัดหมี่", body: "ถ่ายทอดลายผ้าไหมโบราณให้คนรุ่นใหม่", crops: ["silk"], provinceCode: 36, daysAgo: 60 },
  { key: "centre-nonsung", kind: "centre", owner: null, networkVisible: true, title: "ศพก. อำเภอโนนสูง",
    summary: "ศูนย์เรียนรู้การเพิ่มประสิทธิภาพการผลิตสินค้าเกษตร", body: "ข้าวหอมมะลิ มันสำปะหลัง และการทำปุ๋ยใช้เอง", crops: ["rice", "cassava"], provinceCode: 30, daysAgo: 70 },
  { key: "centre-chaiyaphum", kind: "centre", owner: null, networkVisible: true, title: "ศพก. อำเภอเมืองชัยภูมิ",
    summary: "ศูนย์เรียนรู้หม่อนไหม", body: "การปลูกหม่อนเลี้ยงไหมและการทอผ้า", crops: ["silk"], provinceCode: 36, daysAgo: 70 },
  { key: "seminar-rice", kind: "seminar", owner: "korat", networkVisible: true, title: "เสวนาการปลูกข้าวหอมมะลิอินทรีย์",
    summary: "ห้องประชุมสหกรณ์", body: "พูดคุยกับปราชญ์เรื่องข้าวอินทรีย์และตลาด", topic: "production", crops: ["rice"], provinceCode: 30, daysAgo: -10 },
  // Cancelled: on the co-op's own site only.
  { key: "seminar-cancelled", kind: "seminar", owner: "silk", networkVisible: false, title: "เสวนาตลาดผ้าไหมออนไลน์",
    summary: "ยกเลิก", body: "การขายผ้าไหมผ่านช่องทางออนไลน์", topic: "marketing", crops: ["silk"], provinceCode: 36, daysAgo: -5 },
];
