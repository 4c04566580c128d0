import type { PublicProduct, PublicTenant } from "@coop/core";
import { formatBaht, type Locale, t, unitLabel } from "@coop/i18n";
import { type AppCaller, coopSiteUrl, type PublicOrigins, type Site } from "@coop/trpc";
import type { Context, Hono } from "hono";
import { escapeXml } from "./atom.ts";

/**
 * What a co-op site offers to search engines, feed readers and phones' home screens:
 * /sitemap.xml, /robots.txt, /feed.xml (Atom), /manifest.webmanifest and /icon.svg.
 *
 * Only co-op hosts answer; suspended and unknown sites get a 404 and the network host falls
 * through to its own app. Addresses are built from the configured origins, never from Host.
 */
export interface ReachDeps<E extends ReachEnv = ReachEnv> {
  origins: PublicOrigins;
  /** The tRPC caller of this request: the data comes through the public procedures only. */
  caller: (c: Context<E>) => AppCaller;
  /** The feed's `updated` stamp (products carry no dates yet); injectable for tests. */
  now?: () => Date;
}

type ReachEnv = { Variables: { site: Site } };

/** The site's primary language: every co-op writes Thai, English is optional. */
const LOCALE: Locale = "th";
const FEED_SIZE = 30;
const FALLBACK_THEME = "#3b5b29";
const BACKGROUND = "#ffffff";
/** Short enough that a suspension shows soon, long enough to spare the database from crawlers. */
const CACHE = "public, max-age=300";

/** Paths listed in the sitemap besides one per product. */
const SITEMAP_PATHS = ["/", "/products", "/about"];
/** Product pages listed in a sitemap: fetched a page at a time, at most this many. */
const SITEMAP_PRODUCT_PAGE = 100;
const SITEMAP_MAX_PRODUCTS = 5_000;

export { escapeXml };

const themeOf = (tenant: PublicTenant) => (/^#[0-9a-f]{6}$/i.test(tenant.themeColor) ? tenant.themeColor : FALLBACK_THEME);

export function robotsTxt(siteUrl: string): string {
  return ["User-agent: *", "Allow: /", "Disallow: /admin", "", `Sitemap: ${siteUrl}/sitemap.xml`, ""].join("\n");
}

export function sitemapXml(siteUrl: string, productIds: readonly string[] = []): string {
  const paths = [...SITEMAP_PATHS, ...productIds.map((id) => `/products/${encodeURIComponent(id)}`)];
  const urls = paths.map((path) => `  <url><loc>${escapeXml(siteUrl + path)}</loc></url>`);
  return ['<?xml version="1.0" encoding="UTF-8"?>', '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">', ...urls, "</urlset>", ""].join("\n");
}

export function productFeedXml(tenant: PublicTenant, products: PublicProduct[], siteUrl: string, updated: Date): string {
  const stamp = updated.toISOString();
  const home = `${siteUrl}/`;
  const entries = products.map((product) => {
    const price = t(LOCALE, "store.pricePerUnit", { price: formatBaht(product.priceSatang, LOCALE), unit: unitLabel(product.unit, LOCALE) });
    const summary = product.descriptionTh?.trim() ? `${price} — ${product.descriptionTh.trim()}` : price;
    const photo = product.photo ? [`    <link rel="enclosure" type="image/webp" href="${escapeXml(siteUrl + product.photo.src)}"/>`] : [];
    return [
      "  <entry>",
      `    <id>urn:uuid:${escapeXml(product.id)}</id>`,
      `    <title>${escapeXml(product.nameTh)}</title>`,
      `    <link rel="alternate" type="text/html" href="${escapeXml(`${siteUrl}/products/${encodeURIComponent(product.id)}`)}"/>`,
      ...photo,
      `    <updated>${stamp}</updated>`,
      `    <summary>${escapeXml(summary)}</summary>`,
      "  </entry>",
    ].join("\n");
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="th">',
    `  <id>${escapeXml(home)}</id>`,
    `  <title>${escapeXml(tenant.nameTh)}</title>`,
    `  <link rel="self" type="application/atom+xml" href="${escapeXml(`${siteUrl}/feed.xml`)}"/>`,
    `  <link rel="alternate" type="text/html" href="${escapeXml(home)}"/>`,
    `  <updated>${stamp}</updated>`,
    `  <author><name>${escapeXml(tenant.nameTh)}</name></author>`,
    ...entries,
    "</feed>",
    "",
  ].join("\n");
}

export function webManifest(tenant: PublicTenant): Record<string, unknown> {
  return {
    id: "/",
    name: tenant.nameTh,
    short_name: shortName(tenant.nameTh),
    description: t(LOCALE, "store.meta.description", { name: tenant.nameTh, province: tenant.province.nameTh }),
    lang: LOCALE,
    start_url: "/",
    scope: "/",
    display: "standalone",
    theme_color: themeOf(tenant),
    background_color: BACKGROUND,
    icons: tenant.logoUrl
      ? [{ src: tenant.logoUrl, sizes: "any", purpose: "any" }]
      : [{ src: "/icon.svg", sizes: "any", type: "image/svg+xml", purpose: "any" }],
  };
}

/** Home screens show about 12 characters: drop the legal suffix and the word "co-op" when that helps. */
function shortName(name: string): string {
  const trimmed = name.replace(/\s*จำกัด$/, "").trim();
  if ([...trimmed].length <= 12) return trimmed;
  const withoutPrefix = trimmed.replace(/^สหกรณ์(การเกษตร)?/, "").trim();
  return withoutPrefix || trimmed;
}

/** The icon of a co-op without a logo: a leaf on the co-op's colour. */
export function coopIconSvg(tenant: PublicTenant): string {
  return (
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 512 512">' +
    `<rect width="512" height="512" rx="112" fill="${escapeXml(themeOf(tenant))}"/>` +
    '<path d="M256 408V208M160 408h192" stroke="#ffffff" stroke-width="28" stroke-linecap="round" fill="none"/>' +
    '<path d="M256 288c-74 0-115-43-115-107 72 0 115 40 115 107Z" fill="#ffffff" fill-opacity=".85"/>' +
    '<path d="M256 237c0-70 45-115 115-115 0 69-45 115-115 115Z" fill="#ffffff" fill-opacity=".7"/>' +
    "</svg>"
  );
}

export function mountReachRoutes<E extends ReachEnv>(app: Hono<E>, deps: ReachDeps<E>): void {
  const now = deps.now ?? (() => new Date());

  /** Runs `answer` for an open co-op; a 404 for a closed or unknown one; the network's own app otherwise. */
  const coopOnly =
    (answer: (c: Context<E>, tenant: PublicTenant, siteUrl: string) => Promise<Response> | Response) =>
    async (c: Context<E>, next: () => Promise<void>) => {
      const site = c.get("site");
      if (site.kind === "network") return next();
      if (site.kind !== "coop") return c.text("Not found", 404, { "Cache-Control": "no-store" });
      const tenant = await deps.caller(c).site.current();
      c.header("Cache-Control", CACHE);
      return answer(c, tenant, coopSiteUrl(deps.origins, tenant.slug));
    };

  app.get("/robots.txt", coopOnly((c, _tenant, siteUrl) => c.text(robotsTxt(siteUrl))));

  app.get(
    "/sitemap.xml",
    coopOnly(async (c, _tenant, siteUrl) => {
      const ids: string[] = [];
      for (let offset = 0; offset < SITEMAP_MAX_PRODUCTS; offset += SITEMAP_PRODUCT_PAGE) {
        const { items } = await deps.caller(c).catalog.listPublicProducts({ limit: SITEMAP_PRODUCT_PAGE, offset });
        ids.push(...items.map((p) => p.id));
        if (items.length < SITEMAP_PRODUCT_PAGE) break;
      }
      return c.body(sitemapXml(siteUrl, ids), 200, { "Content-Type": "application/xml; charset=utf-8" });
    }),
  );

  app.get(
    "/feed.xml",
    coopOnly(async (c, tenant, siteUrl) => {
      const { items } = await deps.caller(c).catalog.listPublicProducts({ limit: FEED_SIZE, offset: 0 });
      return c.body(productFeedXml(tenant, items, siteUrl, now()), 200, { "Content-Type": "application/atom+xml; charset=utf-8" });
    }),
  );

  app.get(
    "/manifest.webmanifest",
    coopOnly((c, tenant) => c.body(JSON.stringify(webManifest(tenant)), 200, { "Content-Type": "application/manifest+json; charset=utf-8" })),
  );

  app.get("/icon.svg", coopOnly((c, tenant) => c.body(coopIconSvg(tenant), 200, { "Content-Type": "image/svg+xml; charset=utf-8" })));
}
