import { backOfficeMember } from "./back-office-member.ts";
import { AppError, type Permission, type SessionInfo } from "@coop/core";
import {
  addProductPhoto, isSafeMediaKey, isSlipKey, MAX_UPLOAD_BYTES, MEDIA_PATH_PREFIX, type MediaStorage, mediaUrl, setCoopImage,
  tenantMediaPrefix,
} from "@coop/core/media";
import type { Database, Kysely } from "@coop/db";
import type { Site } from "@coop/trpc";
import type { Context, Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { z } from "zod";
import { errorBody, httpStatusOf } from "./http-errors.ts";

export { mediaUrl };

export interface MediaRouteDeps {
  db: Kysely<Database>;
  storage: MediaStorage;
  /** Largest request body accepted by the upload routes; defaults to the file limit plus room for the multipart envelope. */
  bodyLimitBytes?: number;
}

type MediaEnv = { Variables: { site: Site; auth: SessionInfo | null } };

const IMMUTABLE = "public, max-age=31536000, immutable";
const MULTIPART_ALLOWANCE = 64 * 1024;



/**
 * Uploads for the co-op back office and the public image server.
 *
 * Mount after the middleware that sets `site` (from the Host) and `auth` (from the session
 * cookie), and after the same-origin check for POSTs; before the web apps' catch-all.
 */
export function mountMediaRoutes<E extends MediaEnv>(app: Hono<E>, deps: MediaRouteDeps): void {
  const maxBody = deps.bodyLimitBytes ?? MAX_UPLOAD_BYTES + MULTIPART_ALLOWANCE;

  const authorize = (c: Context<E>, permission: Permission) => backOfficeMember(c, deps.db, permission);

  // The size is checked from Content-Length, or while the body streams in, before anything is buffered.
  const limit = bodyLimit({ maxSize: maxBody, onError: (c) => c.json(errorBody("media.too_large", { maxMegabytes: Math.floor(MAX_UPLOAD_BYTES / 1024 / 1024) }), 413) });

  /** The bytes of the multipart field `file`, or the answer refusing the request. */
  async function readFile(c: Context<E>): Promise<Uint8Array | Response> {
    let form: Record<string, string | File>;
    try {
      form = (await c.req.parseBody()) as Record<string, string | File>;
    } catch {
      return c.json(errorBody("media.file_required"), 400);
    }
    const file = form["file"];
    if (!(file instanceof File)) return c.json(errorBody("media.file_required"), 400);
    return new Uint8Array(await file.arrayBuffer());
  }

  /**
   * One upload: who may send it, what the query must say, and what to do with the bytes.
   * Refusals come in the cheapest order (host, session, role, query, size, type); domain
   * errors are answered with their status, anything else is a real 500.
   */
  function uploadRoute<Q extends z.ZodType>(
    permission: Permission,
    querySchema: Q,
    run: (who: { tenantId: string; userId: string }, query: z.output<Q>, bytes: Uint8Array) => Promise<object>,
  ) {
    const answer = jsonAnswer(permission, querySchema, run);
    // A plain HTML form (no JavaScript) names the back-office page to return to; it gets a
    // redirect with the outcome instead of JSON.
    return async (c: Context<E>): Promise<Response> => {
      const back = c.req.query("redirectTo");
      const response = await answer(c);
      if (!back || !/^\/admin(\/[\w-]+)*$/.test(back)) return response;
      if (response.status === 201) return c.redirect(`${back}?upload=ok`, 303);
      const body = (await response.json().catch(() => ({}))) as { error?: string };
      return c.redirect(`${back}?uploadError=${encodeURIComponent(body.error ?? "internal_error")}`, 303);
    };
  }

  function jsonAnswer<Q extends z.ZodType>(
    permission: Permission,
    querySchema: Q,
    run: (who: { tenantId: string; userId: string }, query: z.output<Q>, bytes: Uint8Array) => Promise<object>,
  ) {
    return async (c: Context<E>): Promise<Response> => {
      const who = await authorize(c, permission);
      if (who instanceof Response) return who;
      const query = querySchema.safeParse(c.req.query());
      if (!query.success) return c.json(errorBody("validation.invalid"), 400);
      let response: Response | undefined;
      const refused = await limit(c, async () => {
        const bytes = await readFile(c);
        if (bytes instanceof Response) {
          response = bytes;
          return;
        }
        try {
          response = c.json(await run(who, query.data, bytes), 201);
        } catch (error) {
          if (!(error instanceof AppError)) throw error;
          response = c.json(errorBody(error.messageKey, error.params), httpStatusOf(error));
        }
      });
      return refused ?? response ?? c.json(errorBody("internal_error"), 500);
    };
  }

  app.post(
    "/admin/uploads/product-photo",
    uploadRoute("products.edit", z.object({ productId: z.uuid(), redirectTo: z.string().optional() }), (who, query, bytes) =>
      addProductPhoto(deps.db, deps.storage, { tenantId: who.tenantId, actorUserId: who.userId, productId: query.productId, bytes }),
    ),
  );

  app.post(
    "/admin/uploads/coop-image",
    uploadRoute("settings.edit", z.object({ kind: z.enum(["logo", "cover"]), redirectTo: z.string().optional() }), (who, query, bytes) =>
      setCoopImage(deps.db, deps.storage, { tenantId: who.tenantId, actorUserId: who.userId, kind: query.kind, bytes }),
    ),
  );

  // Public images. Keys are content-addressed, so a URL's bytes never change: cache for good.
  app.get(`${MEDIA_PATH_PREFIX}*`, async (c) => {
    const notFound = () => c.json(errorBody("media.not_found"), 404, { "Cache-Control": "no-store" });
    const key = c.req.path.slice(MEDIA_PATH_PREFIX.length);
    // Transfer slips are private: only slip-routes.ts serves them, after checking who asks.
    if (!isSafeMediaKey(key) || isSlipKey(key)) return notFound();
    const site = c.get("site");
    // A co-op's host serves that co-op's files only; the network's host may show any co-op's.
    // A closed co-op's host still serves its own images to its back office.
    const own = site.kind === "coop" || site.kind === "suspended";
    if (own ? !key.startsWith(tenantMediaPrefix(site.tenant.id)) : site.kind !== "network") return notFound();
    const object = await deps.storage.get(key);
    // Only images are public here: documents (article PDFs) go through their own route, which checks who may read them.
    if (!object || !object.contentType.startsWith("image/")) return notFound();
    const headers = new Headers({
      "Content-Type": object.contentType,
      "Cache-Control": IMMUTABLE,
      "X-Content-Type-Options": "nosniff",
      "Content-Security-Policy": "default-src 'none'; sandbox",
      "Cross-Origin-Resource-Policy": "cross-origin",
    });
    if (object.size !== null) headers.set("Content-Length", String(object.size));
    return new Response(object.body as BodyInit, { status: 200, headers });
  });
}
