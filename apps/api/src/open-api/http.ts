import { createHash } from "node:crypto";
import { type Locale, t } from "@coop/i18n";
import type { Context } from "hono";

/**
 * The HTTP conventions of everything the network publishes for machines (the JSON API, the
 * Atom feeds, the open-data CSV): strong ETags from the body, conditional GETs, one cache policy,
 * CORS for reads from any origin, and errors as `{ error: { code, message } }`.
 */

export const PUBLIC_CACHE = "public, max-age=60";

/** CORS: anyone may read; the conditional-request header and our paging headers are allowed through. */
export const CORS_HEADERS: Readonly<Record<string, string>> = {
  "Access-Control-Allow-Origin": "*",
  "Access-Control-Allow-Methods": "GET, HEAD, OPTIONS",
  "Access-Control-Allow-Headers": "If-None-Match",
  "Access-Control-Expose-Headers": "ETag, Link, X-Total-Count",
  "Access-Control-Max-Age": "86400",
};

/** A strong validator: the same bytes always give the same tag, any other bytes another one. */
export function strongEtag(body: string | Uint8Array): string {
  return `"${createHash("sha256").update(body).digest("base64url").slice(0, 32)}"`;
}

/**
 * Whether `If-None-Match` names the current representation (RFC 9110 §13.1.2: weak comparison,
 * so `W/"x"` matches `"x"`; `*` matches anything that exists).
 */
export function etagMatches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  if (ifNoneMatch.trim() === "*") return true;
  const opaque = (tag: string) => tag.trim().replace(/^W\//, "");
  return ifNoneMatch.split(",").some((tag) => opaque(tag) === opaque(etag));
}

/**
 * A cacheable answer: `304 Not Modified` (no body) when the client already holds these bytes,
 * otherwise the body with its ETag.
 */
export function cacheableResponse(
  c: Context,
  body: string,
  contentType: string,
  extraHeaders: Record<string, string> = {},
): Response {
  const etag = strongEtag(body);
  const headers: Record<string, string> = { ...CORS_HEADERS, ...extraHeaders, ETag: etag, "Cache-Control": PUBLIC_CACHE, Vary: "Accept-Encoding" };
  if (etagMatches(c.req.header("if-none-match"), etag)) return new Response(null, { status: 304, headers });
  return new Response(body, { status: 200, headers: { ...headers, "Content-Type": contentType } });
}

export const JSON_TYPE = "application/json; charset=utf-8";

export type ApiErrorCode = "bad_request" | "not_found" | "method_not_allowed";

/** The language of an error message: the client's first choice of Thai or English (English by default for machines). */
export function apiLocale(c: Context): Locale {
  const accept = c.req.header("accept-language") ?? "";
  const first = accept.split(",")[0]?.trim().toLowerCase() ?? "";
  return first.startsWith("th") ? "th" : "en";
}

const STATUS: Record<ApiErrorCode, 400 | 404 | 405> = { bad_request: 400, not_found: 404, method_not_allowed: 405 };

export function apiError(c: Context, code: ApiErrorCode, message: string): Response {
  return new Response(JSON.stringify({ error: { code, message } }), {
    status: STATUS[code],
    headers: { ...CORS_HEADERS, "Content-Type": JSON_TYPE, "Cache-Control": "no-store" },
  });
}

export function apiNotFound(c: Context): Response {
  return apiError(c, "not_found", t(apiLocale(c), "hub.api.error.notFound"));
}

/** A query parameter the API cannot use: which one, in the client's language. */
export function apiBadParam(c: Context, name: string): Response {
  return apiError(c, "bad_request", t(apiLocale(c), "hub.api.error.badParam", { name }));
}
