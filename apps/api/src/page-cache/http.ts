import { resolveLocale } from "@coop/i18n";
import { cartCookieName, readCookie, sessionCookieName, type Site } from "@coop/trpc";
import type { CachedPage, PageCache } from "./page-cache.ts";

/** Cacheable pages: any cache (browser, CDN) may keep them but must ask again each time; the ETag makes asking cheap. */
export const PUBLIC_PAGE_CACHE_CONTROL = "public, max-age=0, must-revalidate";
/** Pages for one visitor (signed in, with a cart, the back office, an order): kept by nobody. */
export const PERSONAL_PAGE_CACHE_CONTROL = "private, no-store";

/** Paths of a co-op site that are about one visitor, whoever asks: never cached. */
const PERSONAL_PATHS = ["/admin", "/orders", "/checkout", "/cart"];
/** What a React Router app answers with: pages, and the data of client-side navigations (single fetch). */
const CACHEABLE_TYPES = ["text/html", "text/x-script"];
/** Headers that belong to one answer, not to the page: never stored, never replayed. */
const NOT_REPLAYED = new Set(["set-cookie", "content-length", "date", "x-request-id", "etag", "cache-control", "transfer-encoding", "connection"]);

function isPersonalPath(pathname: string): boolean {
  const path = pathname.endsWith(".data") ? pathname.slice(0, -".data".length) : pathname;
  return PERSONAL_PATHS.some((prefix) => path === prefix || path.startsWith(`${prefix}/`) || path.startsWith(`${prefix}_`) || path.startsWith(`${prefix}.`));
}

/**
 * Whether this request may be answered with a page rendered for someone else: an anonymous
 * GET or HEAD of a public page of an open co-op. A session or cart cookie changes the header
 * (who is signed in, the cart count), so a visitor with either always gets a fresh render.
 */
export function isCacheableRequest(request: Request, site: Site, secure: boolean): boolean {
  if (site.kind !== "coop") return false;
  if (request.method !== "GET" && request.method !== "HEAD") return false;
  const cookies = request.headers.get("cookie");
  if (readCookie(cookies, sessionCookieName(secure)) || readCookie(cookies, cartCookieName(secure))) return false;
  return !isPersonalPath(new URL(request.url).pathname);
}

/** Path, query (sorted: `?a=1&b=2` and `?b=2&a=1` are one page) and locale (`?lang=` or the `lang` cookie). */
export function pageVariant(request: Request): string {
  const url = new URL(request.url);
  const params = [...url.searchParams].sort(([a, av], [b, bv]) => (a === b ? (av < bv ? -1 : av > bv ? 1 : 0) : a < b ? -1 : 1));
  return `${url.pathname}?${new URLSearchParams(params).toString()}|${resolveLocale(request)}`;
}

/** If-None-Match against our strong tag (weak comparison, as RFC 9110 asks for this header). */
function matchesEtag(request: Request, etag: string): boolean {
  const header = request.headers.get("if-none-match");
  if (!header) return false;
  return header.split(",").some((tag) => {
    const t = tag.trim();
    return t === "*" || t === etag || t === `W/${etag}`;
  });
}

/** Answers from a stored page: 304 when the browser already has these bytes, otherwise the page (no body for HEAD). */
export function answerFromPage(request: Request, page: CachedPage, cacheState: "hit" | "miss"): Response {
  const headers = new Headers(page.headers);
  headers.set("ETag", page.etag);
  headers.set("Cache-Control", PUBLIC_PAGE_CACHE_CONTROL);
  headers.set("X-Page-Cache", cacheState);
  if (matchesEtag(request, page.etag)) return new Response(null, { status: 304, headers });
  headers.set("Content-Length", String(page.body.byteLength));
  return new Response(request.method === "HEAD" ? null : (page.body as Uint8Array<ArrayBuffer>), { status: page.status, headers });
}

/** A copy of the response with Cache-Control set (React Router's headers may be read-only). */
function withCacheControl(response: Response, value: string, cacheState?: "miss" | "off"): Response {
  const headers = new Headers(response.headers);
  headers.set("Cache-Control", value);
  if (cacheState) headers.set("X-Page-Cache", cacheState);
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}

/** What a route did not mark itself is kept by nobody: an error page, a redirect that sets the language … */
function personal(response: Response): Response {
  return response.headers.has("cache-control") ? response : withCacheControl(response, PERSONAL_PAGE_CACHE_CONTROL);
}

function isStorable(response: Response): boolean {
  if (response.status !== 200 || response.headers.has("set-cookie")) return false;
  const cacheControl = response.headers.get("cache-control") ?? "";
  if (/no-store|private/.test(cacheControl)) return false;
  const type = response.headers.get("content-type") ?? "";
  return CACHEABLE_TYPES.some((t) => type.startsWith(t));
}

/**
 * Serves a co-op site's page through the cache: a stored page when there is one, otherwise the
 * render, stored when it is a plain anonymous 200 page, tagged (ETag) so that browsers revalidate
 * with a 304. Without a cache (PAGE_CACHE=off) every request is rendered and nothing is tagged.
 */
export async function servePage(
  request: Request,
  site: Site,
  options: { cache: PageCache | null; secure: boolean },
  render: () => Promise<Response>,
): Promise<Response> {
  if (site.kind !== "coop" || !isCacheableRequest(request, site, options.secure)) {
    const response = await render();
    // Everything else a co-op site answers is this visitor's own, unless the route said otherwise.
    return site.kind === "coop" || site.kind === "suspended" ? personal(response) : response;
  }
  if (!options.cache) {
    // No tag without the cache: each render differs (it carries its request id), so a tag would never match.
    const response = await render();
    return isStorable(response) ? withCacheControl(response, PUBLIC_PAGE_CACHE_CONTROL, "off") : personal(response);
  }
  const lookup = await options.cache.lookup(site.tenant.id, pageVariant(request));
  if (lookup.page) return answerFromPage(request, lookup.page, "hit");

  const response = await render();
  if (!isStorable(response)) return personal(response);
  // A HEAD render has no body to tag or store; the next GET will.
  if (request.method === "HEAD") return withCacheControl(response, PUBLIC_PAGE_CACHE_CONTROL, "miss");
  const body = new Uint8Array(await response.arrayBuffer());
  const headers: Array<[string, string]> = [];
  response.headers.forEach((value, name) => {
    if (!NOT_REPLAYED.has(name)) headers.push([name, value]);
  });
  return answerFromPage(request, lookup.store({ status: response.status, headers, body }), "miss");
}

/** Writes whose result every co-op site may show: knowledge shared with the network appears on every co-op's home page. */
const NETWORK_WIDE_PROCEDURES = /^(knowledgeAdmin|knowledge|staff|directoryAdmin|seminarsAdmin|seminars)\./;
const NETWORK_WIDE_PATHS = /^\/(admin\/knowledge|admin\/network|admin\/seminars|staff|knowledge|seminars)(\/|\.|$)/;

/**
 * Which cached pages a successful state-changing request may have made stale: its own co-op's
 * ("site"), every co-op's ("network": knowledge, seminars and staff actions, whose results other
 * co-op sites show), or none (the visitor's own cart or session). On a co-op's host everything
 * counts as at least a change of that co-op: a change missed here would show stale pages, a
 * change assumed costs one re-render per page.
 */
export function changedPages(pathname: string, host: "coop" | "network"): "site" | "network" | null {
  const path = pathname.endsWith(".data") ? pathname.slice(0, -".data".length) : pathname;
  if (path.startsWith("/trpc/")) {
    const procedures = path.slice("/trpc/".length).split(",");
    if (procedures.some((name) => NETWORK_WIDE_PROCEDURES.test(name))) return "network";
    if (host === "network" || procedures.every((name) => name.startsWith("cart.") || name.startsWith("auth."))) return null;
    return "site";
  }
  if (NETWORK_WIDE_PATHS.test(path)) return "network";
  return host === "coop" && path !== "/cart" ? "site" : null;
}
