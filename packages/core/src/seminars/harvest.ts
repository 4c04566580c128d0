import { type Database, type Kysely, withTenant } from "@coop/db";
import { recordAudit } from "../audit/record.ts";
import { AppError } from "../errors.ts";
import { lockSeminar } from "./admin.ts";
import { type AddHarvestInput, addHarvestInput, removeHarvestInput } from "./schemas.ts";

export const MAX_HARVEST_ITEMS = 30;

/**
 * Attaches what a seminar produced — one of the co-op's articles, a YouTube/Facebook video, the
 * slides or any link — shown on the seminar's page. Only once the seminar has started: the
 * harvest comes after the event.
 */
export async function addSeminarHarvest(db: Kysely<Database>, tenantId: string, actorUserId: string | null, raw: AddHarvestInput): Promise<{ id: string }> {
  const input = addHarvestInput.parse(raw);
  return withTenant(db, tenantId, async (trx) => {
    const seminar = await lockSeminar(trx, tenantId, input.seminarId);
    if (seminar.status !== "published") throw new AppError("CONFLICT", "seminar.errors.harvest_not_published");
    if (seminar.starts_at.getTime() > Date.now()) throw new AppError("VALIDATION", "seminar.errors.harvest_before_event");
    const count = await trx
      .selectFrom("seminar_harvest")
      .select((eb) => eb.fn.countAll<string>().as("n"))
      .where("tenant_id", "=", tenantId)
      .where("seminar_id", "=", input.seminarId)
      .executeTakeFirstOrThrow();
    if (Number(count.n) >= MAX_HARVEST_ITEMS) throw new AppError("VALIDATION", "seminar.errors.harvest_full", { params: { max: MAX_HARVEST_ITEMS } });
    let values: { kind: AddHarvestInput["kind"]; title: string; article_id: string | null; url: string | null };
    if (input.kind === "article") {
      const article = await trx.selectFrom("articles").select(["id", "title"]).where("tenant_id", "=", tenantId).where("id", "=", input.articleId).executeTakeFirst();
      if (!article) throw new AppError("VALIDATION", "seminar.errors.article_not_found", { fields: { articleId: "seminar.errors.article_not_found" } });
      const already = await trx
        .selectFrom("seminar_harvest")
        .select("id")
        .where("tenant_id", "=", tenantId)
        .where("seminar_id", "=", input.seminarId)
        .where("article_id", "=", input.articleId)
        .executeTakeFirst();
      if (already) throw new AppError("CONFLICT", "seminar.errors.article_already_attached", { fields: { articleId: "seminar.errors.article_already_attached" } });
      values = { kind: "article", title: article.title, article_id: article.id, url: null };
    } else {
      values = { kind: input.kind, title: input.title, article_id: null, url: input.url };
    }
    const { id } = await trx
      .insertInto("seminar_harvest")
      .values({ tenant_id: tenantId, seminar_id: input.seminarId, ...values })
      .returning("id")
      .executeTakeFirstOrThrow();
    await recordAudit(trx, { tenantId, actorUserId, action: "seminar.harvest_add", subjectType: "seminar", subjectId: input.seminarId, data: { kind: values.kind, title: values.title } });
    return { id };
  });
}

export async function removeSeminarHarvest(db: Kysely<Database>, tenantId: string, actorUserId: string | null, raw: { seminarId: string; harvestId: string }): Promise<void> {
  const input = removeHarvestInput.parse(raw);
  await withTenant(db, tenantId, async (trx) => {
    await lockSeminar(trx, tenantId, input.seminarId);
    const removed = await trx
      .deleteFrom("seminar_harvest")
      .where("tenant_id", "=", tenantId)
      .where("seminar_id", "=", input.seminarId)
      .where("id", "=", input.harvestId)
      .returning(["kind", "title"])
      .executeTakeFirst();
    if (!removed) throw new AppError("NOT_FOUND", "seminar.errors.harvest_not_found");
    await recordAudit(trx, { tenantId, actorUserId, action: "seminar.harvest_remove", subjectType: "seminar", subjectId: input.seminarId, data: removed });
  });
}

/** The co-op's articles to pick from when attaching one (newest first). */
export async function listHarvestArticleOptions(db: Kysely<Database>, tenantId: string): Promise<Array<{ id: string; title: string; status: "draft" | "published"; shared: boolean }>> {
  return withTenant(db, tenantId, (trx) =>
    trx
      .selectFrom("articles")
      .select(["id", "title", "status", "shared"])
      .where("tenant_id", "=", tenantId)
      .orderBy("updated_at", "desc")
      .orderBy("id")
      .limit(200)
      .execute(),
  );
}
