import type { Database, Kysely } from "@coop/db";

export interface KnowledgeCrop {
  code: string;
  nameTh: string;
  nameEn: string;
}

/** Every crop/product tag, in the reference order. */
export async function listKnowledgeCrops(db: Kysely<Database>): Promise<KnowledgeCrop[]> {
  const rows = await db.selectFrom("crops").select(["code", "name_th", "name_en"]).orderBy("position").orderBy("code").execute();
  return rows.map((r) => ({ code: r.code, nameTh: r.name_th, nameEn: r.name_en }));
}

/** What the article form offers: crop tags, and the ศพก. centres and sages an article may credit. */
export async function articleFormOptions(db: Kysely<Database>): Promise<{
  crops: KnowledgeCrop[];
  centres: Array<{ id: string; nameTh: string }>;
  sages: Array<{ id: string; nameTh: string }>;
}> {
  const crops = await listKnowledgeCrops(db);
  const centres = await db.selectFrom("learning_centres").select(["id", "name_th"]).orderBy("name_th").orderBy("id").limit(1000).execute();
  const sages = await db.selectFrom("sages").select(["id", "name_th"]).orderBy("name_th").orderBy("id").limit(1000).execute();
  return {
    crops,
    centres: centres.map((c) => ({ id: c.id, nameTh: c.name_th })),
    sages: sages.map((s) => ({ id: s.id, nameTh: s.name_th })),
  };
}
