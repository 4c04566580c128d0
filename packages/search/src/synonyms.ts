import { segmentWords } from "./segment.ts";

/**
 * Thai ↔ English words farmers and buyers use for the same thing. A document holding one side
 * is also indexed under the other (at a low weight), so "compost" finds "ปุ๋ยหมัก" and back.
 */
const PAIRS: readonly (readonly [string, string])[] = [
  ["ปุ๋ยหมัก", "compost"],
  ["ปุ๋ย", "fertilizer"],
  ["อินทรีย์", "organic"],
  ["ข้าว", "rice"],
  ["หอมมะลิ", "jasmine"],
  ["มันสำปะหลัง", "cassava"],
  ["ไหม", "silk"],
  ["ทุเรียน", "durian"],
  ["บัญชี", "accounting"],
  ["การตลาด", "marketing"],
  ["ออนไลน์", "online"],
  ["เห็ด", "mushroom"],
  ["มะม่วง", "mango"],
  ["น้ำผึ้ง", "honey"],
  ["กาแฟ", "coffee"],
  ["ยางพารา", "rubber"],
  ["อ้อย", "sugarcane"],
  ["ข้าวโพด", "maize"],
  ["สหกรณ์", "cooperative"],
  ["เมล็ดพันธุ์", "seed"],
];

const ENTRIES = PAIRS.map(([th, en]) => ({ th: ` ${segmentWords(th).join(" ")} `, en: ` ${segmentWords(en).join(" ")} ` }));

/** Extra words (space-separated) for a document whose words are `tokens` (as `tokenString` gives them). */
export function synonymTokens(tokens: string): string {
  const padded = ` ${tokens} `;
  const extra: string[] = [];
  for (const { th, en } of ENTRIES) {
    if (padded.includes(th) && !padded.includes(en)) extra.push(en.trim());
    else if (padded.includes(en) && !padded.includes(th)) extra.push(th.trim());
  }
  return extra.join(" ");
}
