import { AppError, can, getMemberRole, hitRateLimit, type RateLimitRule, type SessionInfo } from "@coop/core";
import { MAX_UPLOAD_BYTES, type MediaStorage, readOrderSlip, readSlipByTrackingToken, type StoredObject, uploadOrderSlip } from "@coop/core/media";
import type { Database, Kysely } from "@coop/db";
import type { Site } from "@coop/trpc";
import type { Context, Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { errorBody, httpStatusOf } from "./http-errors.ts";

type SlipEnv = { Variables: { site: Site; auth: SessionInfo | null } };

export interface SlipRouteDeps<E extends SlipEnv = SlipEnv> {
  db: Kysely<Database>;
  storage: MediaStorage;
  /** The client's address, as app.ts determines it (X-Forwarded-For only behind a trusted proxy). */
  clientIp: (c: Context<E>) => string;
  /** Uploads per address; defaults to SLIP_UPLOAD_LIMIT. */
  rateLimit?: RateLimitRule;
  bodyLimitBytes?: number;
}

/** A customer retrying a blurry photo a few times is fine; a script filling the disk is not. */
export const SLIP_UPLOAD_LIMIT: RateLimitRule = { limit: 10, windowSeconds: 600 };

const MULTIPART_ALLOWANCE = 64 * 1024;
// Tracking tokens are 43 base64url characters; anything unlike one is not looked up.
const TOKEN = /^[A-Za-z0-9_-]{20,100}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Slips show bank details and names: never cached by anyone else, never embedded elsewhere, never indexed. */
const PRIVATE_IMAGE_HEADERS = {
  "Cache-Control": "private, no-store",
  "X-Content-Type-Options": "nosniff",
  "Content-Security-Policy": "default-src 'none'; sandbox",
  "Cross-Origin-Resource-Policy": "same-origin",
  "Referrer-Policy": "no-referrer",
  "X-Robots-Tag": "noindex, nofollow",
} as const;



function imageResponse(object: StoredObject): Response {
  const headers = new Headers({
    ...PRIVATE_IMAGE_HEADERS,
    "Content-Type": object.contentType.startsWith("image/") ? object.contentType : "application/octet-stream",
  });
  if (object.size !== null) headers.set("Content-Length", String(object.size));
  return new Response(object.body as BodyInit, { status: 200, headers });
}

/**
 * Transfer slips: the customer uploads one with the private tracking link (no sign-in) and
 * sees it back with the same link; members with orders.manage see every slip of an order.
 * Slip images are never served from /media/.
 *
 * Mount after the middleware that sets `site` and `auth` and after the same-origin check for
 * POSTs; before the web apps' catch-all (the tracking page itself is `/orders/:token`).
 */
export function mountSlipRoutes<E extends SlipEnv>(app: Hono<E>, deps: SlipRouteDeps<E>): void {
  const maxBody = deps.bodyLimitBytes ?? MAX_UPLOAD_BYTES + MULTIPART_ALLOWANCE;
  const rule = deps.rateLimit ?? SLIP_UPLOAD_LIMIT;
  const limit = bodyLimit({
    maxSize: maxBody,
    onError: (c) => c.json(errorBody("media.too_large", { maxMegabytes: Math.floor(MAX_UPLOAD_BYTES / 1024 / 1024) }), 413),
  });

  async function answerUpload(c: Context<E>, tenantId: string, token: string): Promise<Response> {
    const hit = await hitRateLimit(deps.db, `slip-upload:${deps.clientIp(c)}`, rule);
    if (!hit.allowed) {
      return c.json(errorBody("shop.slip.rate_limited", { minutes: Math.max(1, Math.ceil(hit.retryAfterSeconds / 60)) }), 429, {
        "Retry-After": String(hit.retryAfterSeconds),
      });
    }
    let response: Response | undefined;
    const refused = await limit(c, async () => {
      let form: Record<string, string | File>;
      try {
        form = (await c.req.parseBody()) as Record<string, string | File>;
      } catch {
        response = c.json(errorBody("media.file_required"), 400);
        return;
      }
      const file = form["file"];
      if (!(file instanceof File) || file.size === 0) {
        response = c.json(errorBody("media.file_required"), 400);
        return;
      }
      try {
        const bytes = new Uint8Array(await file.arrayBuffer());
        const result = await uploadOrderSlip(deps.db, deps.storage, { tenantId, token, bytes });
        response = c.json({ status: result.status }, 201);
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        response = c.json(errorBody(error.messageKey, error.params), httpStatusOf(error));
      }
    });
    return refused ?? response ?? c.json(errorBody("internal_error"), 500);
  }

  app.post("/orders/:token/slip", async (c) => {
    const site = c.get("site");
    const token = c.req.param("token");
    if (site.kind !== "coop" || !TOKEN.test(token)) return c.json(errorBody("orders.not_found"), 404);
    const response = await answerUpload(c, site.tenant.id, token);
    // A plain HTML form (no JavaScript) asks to go back to its tracking page, and only there.
    const back = c.req.query("redirectTo");
    if (back !== `/orders/${token}`) return response;
    if (response.status === 201) return c.redirect(`${back}?slip=ok`, 303);
    const body = (await response.json().catch(() => ({}))) as { error?: string };
    return c.redirect(`${back}?slipError=${encodeURIComponent(body.error ?? "internal_error")}`, 303);
  });

  // The customer's latest slip, to the holder of the tracking link only.
  app.get("/orders/:token/slip", async (c) => {
    const site = c.get("site");
    const token = c.req.param("token");
    const notFound = () => c.json(errorBody("orders.not_found"), 404, { "Cache-Control": "no-store" });
    if (site.kind !== "coop" || !TOKEN.test(token)) return notFound();
    try {
      const object = await readSlipByTrackingToken(deps.db, deps.storage, site.tenant.id, token);
      return object ? imageResponse(object) : notFound();
    } catch (error) {
      if (error instanceof AppError && error.code === "NOT_FOUND") return notFound();
      throw error;
    }
  });

  // Every slip of an order (1-based, in upload order; 0 = the latest), to members with orders.manage.
  app.get("/admin/orders/:orderId/slips/:index", async (c) => {
    const site = c.get("site");
    if (site.kind !== "coop") return c.json(errorBody("site.not_found"), 404);
    const auth = c.get("auth");
    if (!auth) return c.json(errorBody("auth.sign_in_required"), 401, { "Cache-Control": "no-store" });
    const role = await getMemberRole(deps.db, site.tenant.id, auth.user.id);
    if (!role) return c.json(errorBody("auth.not_a_member"), 403, { "Cache-Control": "no-store" });
    if (!can(role, "orders.manage")) return c.json(errorBody("auth.forbidden"), 403, { "Cache-Control": "no-store" });
    const orderId = c.req.param("orderId");
    const index = Number(c.req.param("index"));
    const notFound = () => c.json(errorBody("orders.not_found"), 404, { "Cache-Control": "no-store" });
    if (!UUID.test(orderId) || !Number.isInteger(index) || index < 0 || index > 1000) return notFound();
    const object = await readOrderSlip(deps.db, deps.storage, site.tenant.id, orderId, index);
    return object ? imageResponse(object) : notFound();
  });
}
