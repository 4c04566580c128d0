import { listKnowledgeCrops, listNetworkArticles, listSiteArticles, type NetworkArticleCard, type SiteArticleCard } from "@coop/core";
import { type Database, KNOWLEDGE_TOPICS, type KnowledgeTopic, type Kysely } from "@coop/db";
import { type Locale, t } from "@coop/i18n";
import { coopSiteUrl, type PublicOrigins, type Site } from "@coop/trpc";
import type { Context, Hono } from "hono";
import { type AtomEntry, atomFeedXml } from "./atom.ts";
import { cacheableResponse } from "./open-api/http.ts";

/**
 * Atom feeds of shared knowledge. On the network host: every shared article
 * (`/feeds/knowledge.atom`), one topic (`/feeds/knowledge/topic/<topic>.atom`) or one crop
 * (`/feeds/knowledge/crop/<crop>.atom`). On a co-op's host: that co-op's published articles
 * (`/feeds/knowledge.atom`). The core's public list functions decide what is public; entries
 * link to the article pages, addresses come from the configured origins, never from Host.
 */
export interface KnowledgeFeedDeps {
  db: Kysely<Database>;
  origins: PublicOrigins;
  /** The `updated` stamp of a feed with no entries; injectable for tests. */
  now?: () => Date;
}

type FeedEnv = { Variables: { site: Site } };

/** Feeds are written in the language every co-op writes in. */
const LOCALE: Locale = "th";
export const FEED_SIZE = 30;
const ATOM_TYPE = "application/atom+xml; charset=utf-8";
const CROP_CODE = /^[a-z][a-z0-9-]{1,40}$/;

export const isTopic = (value: string): value is KnowledgeTopic => (KNOWLEDGE_TOPICS as readonly string[]).includes(value);

function imageType(url: string): string {
  if (url.endsWith(".webp")) return "image/webp";
  if (url.endsWith(".png")) return "image/png";
  return "image/jpeg";
}

function entryOf(article: SiteArticleCard, link: string, coop: { name: string; url: string }, mediaOrigin: string): AtomEntry {
  return {
    id: `urn:uuid:${article.id}`,
    title: article.title,
    link,
    published: article.publishedAt,
    updated: article.publishedAt,
    summary: article.summary,
    author: { name: coop.name, uri: coop.url },
    categories: [{ term: article.topic }, ...article.crops.map((crop) => ({ term: crop }))],
    image: article.coverUrl ? { href: mediaOrigin + article.coverUrl, type: imageType(article.coverUrl) } : undefined,
  };
}

/** The network's feed of shared articles (all, one topic or one crop). */
export function networkKnowledgeFeedXml(
  origins: PublicOrigins,
  articles: readonly NetworkArticleCard[],
  feed: { path: string; title: string; alternatePath: string },
  updated: Date,
): string {
  return atomFeedXml({
    id: origins.network + feed.path,
    title: feed.title,
    subtitle: t(LOCALE, "hub.feed.subtitle"),
    lang: LOCALE,
    selfUrl: origins.network + feed.path,
    alternateUrl: origins.network + feed.alternatePath,
    updated: articles[0]?.publishedAt ?? updated,
    author: { name: t(LOCALE, "brand.network"), uri: `${origins.network}/` },
    entries: articles.map((a) =>
      entryOf(a, `${origins.network}/knowledge/${a.tenantSlug}/${a.id}`, { name: a.tenantName, url: coopSiteUrl(origins, a.tenantSlug) }, origins.network),
    ),
  });
}

/** A co-op's feed of its own published articles, linking to its own site. */
export function coopKnowledgeFeedXml(origins: PublicOrigins, coop: { slug: string; nameTh: string }, articles: readonly SiteArticleCard[], updated: Date): string {
  const site = coopSiteUrl(origins, coop.slug);
  return atomFeedXml({
    id: `${site}/feeds/knowledge.atom`,
    title: t(LOCALE, "hub.feed.coopTitle", { coop: coop.nameTh }),
    lang: LOCALE,
    selfUrl: `${site}/feeds/knowledge.atom`,
    alternateUrl: `${site}/knowledge`,
    updated: articles[0]?.publishedAt ?? updated,
    author: { name: coop.nameTh, uri: `${site}/` },
    entries: articles.map((a) => entryOf(a, `${site}/knowledge/${a.id}`, { name: coop.nameTh, url: site }, site)),
  });
}

/** `<name>.atom` → `<name>`, or null when the file is not a feed. */
function feedName(file: string | undefined): string | null {
  return file?.endsWith(".atom") ? file.slice(0, -".atom".length) : null;
}

export function mountKnowledgeFeeds<E extends FeedEnv>(app: Hono<E>, deps: KnowledgeFeedDeps): void {
  const now = deps.now ?? (() => new Date());
  const { db, origins } = deps;
  const notFound = (c: Context<E>) => c.text("Not found", 404, { "Cache-Control": "no-store" });

  app.get("/feeds/knowledge.atom", async (c) => {
    const site = c.get("site");
    if (site.kind === "network") {
      const { items } = await listNetworkArticles(db, { page: 1, pageSize: FEED_SIZE });
      const xml = networkKnowledgeFeedXml(origins, items, { path: "/feeds/knowledge.atom", title: t(LOCALE, "hub.feed.title"), alternatePath: "/knowledge" }, now());
      return cacheableResponse(c, xml, ATOM_TYPE);
    }
    if (site.kind !== "coop") return notFound(c);
    const { items } = await listSiteArticles(db, site.tenant.id, { page: 1, pageSize: FEED_SIZE });
    return cacheableResponse(c, coopKnowledgeFeedXml(origins, site.tenant, items, now()), ATOM_TYPE);
  });

  app.get("/feeds/knowledge/topic/:file", async (c) => {
    const topic = feedName(c.req.param("file"));
    if (c.get("site").kind !== "network" || topic === null || !isTopic(topic)) return notFound(c);
    const { items } = await listNetworkArticles(db, { topic, page: 1, pageSize: FEED_SIZE });
    const feed = {
      path: `/feeds/knowledge/topic/${topic}.atom`,
      title: t(LOCALE, "hub.feed.topicTitle", { topic: t(LOCALE, `knowledge.topic.${topic}`) }),
      alternatePath: `/knowledge?topic=${topic}`,
    };
    return cacheableResponse(c, networkKnowledgeFeedXml(origins, items, feed, now()), ATOM_TYPE);
  });

  app.get("/feeds/knowledge/crop/:file", async (c) => {
    const crop = feedName(c.req.param("file"));
    if (c.get("site").kind !== "network" || crop === null || !CROP_CODE.test(crop)) return notFound(c);
    const known = (await listKnowledgeCrops(db)).find((k) => k.code === crop);
    if (!known) return notFound(c);
    const { items } = await listNetworkArticles(db, { crop, page: 1, pageSize: FEED_SIZE });
    const feed = {
      path: `/feeds/knowledge/crop/${crop}.atom`,
      title: t(LOCALE, "hub.feed.cropTitle", { crop: known.nameTh }),
      alternatePath: `/knowledge?crop=${crop}`,
    };
    return cacheableResponse(c, networkKnowledgeFeedXml(origins, items, feed, now()), ATOM_TYPE);
  });
}
