/**
 * The search part of `npm run bench`: generates a corpus of BENCH_SEARCH_DOCS articles (100,000
 * by default) across up to 1,000 co-ops straight in SQL (set-based INSERT … SELECT from a Thai
 * word list, the tsvector built in SQL from pre-segmented words), then measures through the HTTP
 * tRPC endpoint, as a page or client would call it:
 *  - search latency (p50/p95) over a set of Thai queries (`search.network`), and
 *  - the latency of fetching one article by id through the same API (`search.document`),
 * and prints their ratio.
 */
import { performance } from "node:perf_hooks";
import { type DatabaseHandle, sql } from "@coop/db";
import { segmentWords } from "@coop/search";
import { request } from "./http.ts";

// Common farming words; each entry is one segmenter word, so the SQL side can join them with spaces.
const WORDS = [
  ...new Set(
    segmentWords(
      `ข้าว หอมมะลิ ปลูก นา ดิน น้ำ ปุ๋ย หมัก อินทรีย์ เคมี มันสำปะหลัง อ้อย ข้าวโพด ยางพารา ไหม ผ้า ทอ มัดหมี่ ย้อม สี
      ทุเรียน มะม่วง ลำไย กล้วย มะพร้าว กาแฟ เห็ด ผัก สมุนไพร ผึ้ง น้ำผึ้ง ปลา ไก่ เป็ด หมู วัว นม ไข่ เมล็ด พันธุ์
      กล้า ต้น ใบ ดอก ผล ราก เก็บเกี่ยว ตาก สี แปรรูป บรรจุ ขาย ตลาด ราคา ต้นทุน กำไร บัญชี สหกรณ์ สมาชิก เงิน ทุน
      หนี้ ออม ประชุม กลุ่ม ชุมชน หมู่บ้าน ตำบล อำเภอ จังหวัด ฤดู ฝน แล้ง หนาว ร้อน โรค แมลง ศัตรู พืช ป้องกัน กำจัด
      วัชพืช ไถ หว่าน ดำ รด ฉีด พ่น โดรน เครื่องจักร รถ ไถ แรงงาน เทคโนโลยี ออนไลน์ ไลน์ เฟซบุ๊ก ขนส่ง พัสดุ ลูกค้า
      มาตรฐาน รับรอง ตรวจ แปลง บันทึก ข้อมูล ความรู้ ปราชญ์ ศูนย์ เรียนรู้ เสวนา อบรม สาธิต ทดลอง วิจัย คุณภาพ ผลผลิต
      เพิ่ม ลด ประหยัด ยั่งยืน ธรรมชาติ ชีวภาพ จุลินทรีย์ ฟาง แกลบ มูล ขี้วัว เศษ ใบไม้ กาก น้ำตาล ถัง บ่อ คลอง ฝาย
      สระ บาดาล สูบ ท่อ ระบบ หยด สปริงเกอร์ โรงเรือน ตาข่าย พลาสติก คลุม ดิน ร่วน เหนียว ทราย ค่า กรด ด่าง ปูน โดโลไมท์`,
    ),
  ),
];
const QUERIES = [
  "ปลูกข้าวหอมมะลิ", "ปุ๋ยหมัก", "ปุ๋ย อินทรีย์", "มันสำปะหลัง โรค", "ทอผ้าไหม", "ตลาดออนไลน์", "บัญชีสหกรณ์", "โดรนพ่นปุ๋ย",
  "น้ำหยด", "เห็ด", "ทุเรียน ราคา", "ข้าว organic", "เก็บเกี่ยว", "จุลินทรีย์", "ปุ๋ยหมัด", "กาแฟ",
];
const TOPICS = ["production", "processing", "marketing", "management", "technology"];
const CROPS = ["rice", "cassava", "silk", "durian", "vegetables", "mushrooms", "coffee", "bees"];

export interface SearchBenchResult {
  documents: number;
  coops: number;
  generateSeconds: number;
  requests: number;
  search: { p50ms: number; p95ms: number; meanHits: number };
  fetchById: { p50ms: number; p95ms: number };
  ratioP50: number;
  /** The three queries with the highest median time (what the p95 is made of). */
  slowest: { q: string; p50ms: number; matches: number; fuzzy: boolean }[];
}

function percentile(sorted: number[], p: number): number {
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return Number(sorted[index]!.toFixed(2));
}

/** Builds the corpus with the schema owner (bulk rows for 1,000 co-ops at once would not pass row-level security, rightly). */
async function generate(database: DatabaseHandle, documents: number, coops: number): Promise<string[]> {
  const owner = database.owner();
  await sql`
    INSERT INTO tenants (slug, name_th, province_code, region_id, status)
    SELECT 'bench-' || i, 'สหกรณ์ทดสอบ ' || i, p.code, p.region_id, 'active'
    FROM generate_series(1, ${coops}::int) AS i
    JOIN LATERAL (SELECT code, region_id FROM provinces ORDER BY code OFFSET (i % 77) LIMIT 1) p ON true
    ON CONFLICT (slug) DO NOTHING`.execute(owner);
  const batch = 10_000;
  for (let from = 1; from <= documents; from += batch) {
    const to = Math.min(documents, from + batch - 1);
    await sql`
      WITH w AS (SELECT ${WORDS}::text[] AS words, ${TOPICS}::text[] AS topics, ${CROPS}::text[] AS crops),
      t AS (SELECT array_agg(id ORDER BY slug) AS ids, array_agg(province_code ORDER BY slug) AS provinces FROM tenants WHERE slug LIKE 'bench-%'),
      docs AS (
        SELECT i,
          -- k * 0 ties each aggregate to its own subquery (and re-evaluates it per row).
          (SELECT string_agg(w.words[1 + k * 0 + floor(random() * array_length(w.words, 1))::int], ' ') FROM generate_series(1, 5 + i % 4) AS g(k)) AS title,
          (SELECT string_agg(w.words[1 + k * 0 + floor(random() * array_length(w.words, 1))::int], ' ') FROM generate_series(1, 60 + i % 2) AS g(k)) AS body
        FROM generate_series(${from}::int, ${to}::int) AS i, w
      )
      INSERT INTO search_documents (kind, ref_id, owner_tenant_id, network_visible, title, summary, body, title_tokens, tsv, topic, crops, province_code, published_at)
      SELECT 'article', gen_random_uuid(), t.ids[1 + d.i % array_length(t.ids, 1)], true, d.title, '', d.body, d.title,
        setweight(to_tsvector('simple', d.title), 'A') || setweight(to_tsvector('simple', d.body), 'C'),
        w.topics[1 + d.i % 5], ARRAY[w.crops[1 + d.i % 8]], t.provinces[1 + d.i % array_length(t.ids, 1)],
        now() - make_interval(mins => d.i)
      FROM docs d, w, t`.execute(owner);
  }
  await sql`ANALYZE search_documents`.execute(owner);
  const ids = await sql<{ ref_id: string }>`SELECT ref_id FROM search_documents WHERE kind = 'article' ORDER BY random() LIMIT 200`.execute(owner);
  return ids.rows.map((r) => r.ref_id);
}

/** One request on the network hub's host (fetch() would send the URL's host instead: an unknown site). */
async function timed(url: string, host: string): Promise<{ ms: number; body: unknown }> {
  const started = performance.now();
  const response = await request(url, { headers: { host, accept: "application/json" } });
  const body: unknown = JSON.parse(response.text);
  const ms = performance.now() - started;
  if (response.status !== 200) throw new Error(`${url} answered ${response.status}: ${response.text.slice(0, 300)}`);
  return { ms, body };
}

export async function runSearchBench(database: DatabaseHandle, base: string, host: string, documents: number): Promise<SearchBenchResult> {
  const coops = Math.max(1, Math.min(1000, Math.round(documents / 100)));
  const started = performance.now();
  const ids = await generate(database, documents, coops);
  const generateSeconds = Number(((performance.now() - started) / 1000).toFixed(1));
  const rounds = 8;
  const searchUrl = (q: string) => `${base}/trpc/search.network?input=${encodeURIComponent(JSON.stringify({ q, pageSize: 20 }))}`;
  const docUrl = (refId: string) => `${base}/trpc/search.document?input=${encodeURIComponent(JSON.stringify({ kind: "article", refId }))}`;
  // Warm up both paths (plans, caches) before measuring.
  for (const q of QUERIES) await timed(searchUrl(q), host);
  for (const id of ids.slice(0, 20)) await timed(docUrl(id), host);

  const searchMs: number[] = [];
  const fetchMs: number[] = [];
  const perQuery = new Map<string, { ms: number[]; matches: number; fuzzy: boolean }>(QUERIES.map((q) => [q, { ms: [], matches: 0, fuzzy: false }]));
  let hits = 0;
  // Interleaved, so both see the same machine state.
  for (let round = 0; round < rounds; round++) {
    for (const [i, q] of QUERIES.entries()) {
      const search = await timed(searchUrl(q), host);
      searchMs.push(search.ms);
      const { total, fuzzy } = (search.body as { result: { data: { total: number; fuzzy: boolean } } }).result.data;
      hits += total;
      Object.assign(perQuery.get(q)!, { matches: total, fuzzy }).ms.push(search.ms);
      fetchMs.push((await timed(docUrl(ids[(round * QUERIES.length + i) % ids.length]!), host)).ms);
    }
  }
  searchMs.sort((a, b) => a - b);
  fetchMs.sort((a, b) => a - b);
  const search = { p50ms: percentile(searchMs, 50), p95ms: percentile(searchMs, 95), meanHits: Math.round(hits / searchMs.length) };
  const fetchById = { p50ms: percentile(fetchMs, 50), p95ms: percentile(fetchMs, 95) };
  const slowest = [...perQuery]
    .map(([q, r]) => ({ q, p50ms: percentile(r.ms.sort((a, b) => a - b), 50), matches: r.matches, fuzzy: r.fuzzy }))
    .sort((a, b) => b.p50ms - a.p50ms)
    .slice(0, 3);
  return { documents, coops, generateSeconds, requests: searchMs.length, search, fetchById, ratioP50: Number((search.p50ms / fetchById.p50ms).toFixed(1)), slowest };
}

export function printSearchBench(r: SearchBenchResult): void {
  console.log(`search corpus:                          ${r.documents} articles across ${r.coops} co-ops (generated in ${r.generateSeconds} s)`);
  console.log(`search (tRPC search.network, ${r.requests} req): p50 ${r.search.p50ms} ms, p95 ${r.search.p95ms} ms (mean ${r.search.meanHits} matches per query)`);
  console.log(`article by id (tRPC search.document):   p50 ${r.fetchById.p50ms} ms, p95 ${r.fetchById.p95ms} ms`);
  console.log(`ratio search / by id (p50):             ${r.ratioP50}`);
  console.log(`slowest queries (p50):                  ${r.slowest.map((s) => `"${s.q}" ${s.p50ms} ms (${s.matches}${s.fuzzy ? " fuzzy" : ""} matches)`).join(", ")}`);
}
