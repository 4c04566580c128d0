import { ARTICLE_SOURCES, KNOWLEDGE_TOPICS } from "@coop/db";
import { z } from "zod";

// Messages are i18n keys (the tRPC layer turns issues into field → key pairs for forms).

export const MAX_ARTICLE_CROPS = 20;
export const MAX_BODY_MD = 100_000;

export const articleIdSchema = z.uuid({ error: "knowledge.errors.not_found" });
export const topicSchema = z.enum(KNOWLEDGE_TOPICS, { error: "knowledge.errors.topic_invalid" });
export const cropCodeSchema = z.string({ error: "knowledge.errors.crop_invalid" }).regex(/^[a-z][a-z0-9-]{1,40}$/, "knowledge.errors.crop_invalid");

/** An optional uuid from a form: "" means none. */
const optionalId = z
  .union([z.uuid({ error: "knowledge.errors.source_invalid" }), z.literal(""), z.null()])
  .optional()
  .transform((v) => (v ? v : null));

export const articleFieldsSchema = z.object({
  title: z.string({ error: "validation.required" }).trim().min(1, "validation.required").max(200, "validation.too_long"),
  summary: z.string({ error: "validation.invalid" }).trim().max(500, "validation.too_long").default(""),
  bodyMd: z.string({ error: "validation.invalid" }).max(MAX_BODY_MD, "validation.too_long").default(""),
  topic: topicSchema,
  crops: z.array(cropCodeSchema).max(MAX_ARTICLE_CROPS, "knowledge.errors.too_many_crops").default([]),
  sourceKind: z.enum(ARTICLE_SOURCES, { error: "knowledge.errors.source_invalid" }).default("coop"),
  sourceCentreId: optionalId,
  sourceSageId: optionalId,
});
export type ArticleFields = z.input<typeof articleFieldsSchema>;
export type ParsedArticleFields = z.output<typeof articleFieldsSchema>;

export const createArticleInput = articleFieldsSchema;
export const updateArticleInput = articleFieldsSchema.extend({ articleId: articleIdSchema });
export const articleRefInput = z.object({ articleId: articleIdSchema });
export const setArticleStatusInput = z.object({ articleId: articleIdSchema, status: z.enum(["draft", "published"], { error: "validation.invalid" }) });
export const setArticleSharedInput = z.object({ articleId: articleIdSchema, shared: z.boolean({ error: "validation.invalid" }) });
export const fileRefInput = z.object({ fileId: z.uuid({ error: "knowledge.errors.file_not_found" }) });
export const previewArticleInput = z.object({ bodyMd: z.string({ error: "validation.invalid" }).max(MAX_BODY_MD, "validation.too_long") });

const page = z.coerce.number({ error: "validation.invalid" }).int().min(1).max(10_000).default(1);

export const listAdminArticlesInput = z.object({
  status: z.enum(["draft", "published"], { error: "validation.invalid" }).optional(),
  topic: topicSchema.optional(),
  page,
  pageSize: z.coerce.number({ error: "validation.invalid" }).int().min(1).max(50).default(20),
});
export type ListAdminArticlesInput = z.input<typeof listAdminArticlesInput>;

export const listSiteArticlesInput = z.object({
  topic: topicSchema.optional(),
  page,
  pageSize: z.coerce.number({ error: "validation.invalid" }).int().min(1).max(50).default(12),
});
export type ListSiteArticlesInput = z.input<typeof listSiteArticlesInput>;

export const listNetworkArticlesInput = z.object({
  topic: topicSchema.optional(),
  crop: cropCodeSchema.optional(),
  tenantSlug: z.string().max(63).regex(/^[a-z0-9-]+$/, "validation.invalid").optional(),
  page,
  pageSize: z.coerce.number({ error: "validation.invalid" }).int().min(1).max(50).default(12),
});
export type ListNetworkArticlesInput = z.input<typeof listNetworkArticlesInput>;

export const latestForCropsInput = z.object({
  crops: z.array(cropCodeSchema).max(MAX_ARTICLE_CROPS).default([]),
  limit: z.coerce.number().int().min(1).max(20).default(4),
});
