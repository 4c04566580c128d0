import type { AppError } from "@coop/core";
import { escapeHtml } from "@coop/core/outbox";
import { type Locale, resolveLocale, t } from "@coop/i18n";
import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";

/**
 * How a domain error is answered by the plain HTTP routes (uploads, slips): the same table as
 * tRPC's, plus the two upload-specific statuses.
 */
export function httpStatusOf(error: AppError): ContentfulStatusCode {
  if (error.messageKey === "media.too_large") return 413;
  if (error.messageKey === "media.unsupported_type") return 415;
  const byCode: Record<AppError["code"], ContentfulStatusCode> = {
    NOT_FOUND: 404,
    UNAUTHENTICATED: 401,
    FORBIDDEN: 403,
    VALIDATION: 400,
    CONFLICT: 409,
    RATE_LIMITED: 429,
    SITE_SUSPENDED: 404,
    UNAVAILABLE: 503,
  };
  return byCode[error.code];
}

/** The JSON body of a refusal: the message key (translated by the page) and its parameters. */
export const errorBody = (messageKey: string, params?: Record<string, string | number>) => (params ? { error: messageKey, params } : { error: messageKey });

/** Largest tRPC request body; the CSV import of centres (staff only) carries its file inline. */
export const MAX_RPC_BODY_BYTES = 1024 * 1024;
export const LARGE_RPC_BODY_BYTES: Readonly<Record<string, number>> = { "staff.importCentres": 8 * 1024 * 1024 };
/** Largest page form post (an article of 100,000 Thai characters, URL-encoded, fits); uploads have their own limits. */
export const MAX_FORM_BODY_BYTES = 4 * 1024 * 1024;
/** How long a client should wait before retrying while the database is unreachable. */
export const UNAVAILABLE_RETRY_SECONDS = 5;

/** Seconds to wait before retrying a refused request: from the refusal's own parameters (seconds or minutes). */
export function retryAfterSecondsOf(error: AppError): number | null {
  if (error.code === "UNAVAILABLE") return UNAVAILABLE_RETRY_SECONDS;
  if (error.code !== "RATE_LIMITED") return null;
  const seconds = Number(error.params?.seconds ?? Number(error.params?.minutes ?? 1) * 60);
  return Number.isFinite(seconds) && seconds > 0 ? Math.ceil(seconds) : 60;
}

const wantsJson = (c: Context) => c.req.path.startsWith("/trpc/") || c.req.path.startsWith("/api/") || (c.req.header("accept") ?? "").includes("application/json");

/**
 * A refusal that is not a domain error (database down, body too large): tRPC-shaped JSON for
 * API clients, otherwise a small self-contained page in the reader's language (it must render
 * without the database and without the web app).
 */
export function plainRefusal(c: Context, status: 413 | 429 | 503, messageKey: string, params?: Record<string, string | number>, retryAfterSeconds?: number): Response {
  const headers: Record<string, string> = { "Cache-Control": "no-store" };
  if (status !== 413) headers["Retry-After"] = String(retryAfterSeconds ?? UNAVAILABLE_RETRY_SECONDS);
  const locale = resolveLocale(c.req.raw);
  const text = t as (locale: Locale, key: string, params?: Record<string, string | number>) => string;
  const message = text(locale, messageKey, params);
  if (wantsJson(c)) {
    const [code, appCode] = status === 503 ? ["SERVICE_UNAVAILABLE", "UNAVAILABLE"] : status === 429 ? ["TOO_MANY_REQUESTS", "RATE_LIMITED"] : ["PAYLOAD_TOO_LARGE", "VALIDATION"];
    const body = { error: { message: messageKey, code: -32000, data: { code, httpStatus: status, appCode, messageKey, params: params ?? null, text: message } } };
    return Response.json(body, { status, headers });
  }
  const title = status === 503 ? text(locale, "site.unavailable_title") : message;
  const other = locale === "th" ? "en" : "th";
  const url = new URL(c.req.url);
  url.searchParams.set("lang", other);
  const html =
    `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)}</title>` +
    `<style>body{font-family:system-ui,sans-serif;max-width:36rem;margin:4rem auto;padding:0 1rem;color:#3b2f22;line-height:1.6}a{color:#2f6b3a}</style></head>` +
    `<body><h1>${escapeHtml(title)}</h1>${title === message ? "" : `<p>${escapeHtml(message)}</p>`}<p><a href="${escapeHtml(url.pathname + url.search)}">${other === "en" ? "English" : "ภาษาไทย"}</a></p></body></html>`;
  return new Response(html, { status, headers: { ...headers, "Content-Type": "text/html; charset=utf-8" } });
}
