import { backOfficeMember } from "./back-office-member.ts";
import { AppError, type SessionInfo, setSagePhoto } from "@coop/core";
import { MAX_UPLOAD_BYTES, type MediaStorage } from "@coop/core/media";
import type { Database, Kysely } from "@coop/db";
import type { Site } from "@coop/trpc";
import type { Context, Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { z } from "zod";
import { errorBody, httpStatusOf } from "./http-errors.ts";

export interface SagePhotoRouteDeps {
  db: Kysely<Database>;
  storage: MediaStorage;
}

type SagePhotoEnv = { Variables: { site: Site; auth: SessionInfo | null } };

const MULTIPART_ALLOWANCE = 64 * 1024;
const query = z.object({ sageId: z.uuid() });

/**
 * `POST /admin/uploads/sage-photo?sageId=…` (multipart field `file`): a co-op member with
 * content.edit sets the photo of a sage the co-op added. A plain form gets a redirect back to
 * the sage's edit page with the outcome; scripts get JSON. Mount where the media routes are.
 */
export function mountSagePhotoRoutes<E extends SagePhotoEnv>(app: Hono<E>, deps: SagePhotoRouteDeps): void {
  const limit = bodyLimit({
    maxSize: MAX_UPLOAD_BYTES + MULTIPART_ALLOWANCE,
    onError: (c) => c.json(errorBody("media.too_large", { maxMegabytes: Math.floor(MAX_UPLOAD_BYTES / 1024 / 1024) }), 413),
  });

  const memberOf = (c: Context<E>) => backOfficeMember(c, deps.db, "content.edit");

  async function upload(c: Context<E>): Promise<Response> {
    const who = await memberOf(c);
    if (who instanceof Response) return who;
    const parsed = query.safeParse(c.req.query());
    if (!parsed.success) return c.json(errorBody("validation.invalid"), 400);
    const { sageId } = parsed.data;
    let response: Response | undefined;
    const refused = await limit(c, async () => {
      let file: unknown;
      try {
        file = ((await c.req.parseBody()) as Record<string, unknown>)["file"];
      } catch {
        file = undefined;
      }
      if (!(file instanceof File) || file.size === 0) {
        response = c.json(errorBody("media.file_required"), 400);
        return;
      }
      try {
        response = c.json(await setSagePhoto(deps.db, deps.storage, { tenantId: who.tenantId, sageId, bytes: new Uint8Array(await file.arrayBuffer()) }), 201);
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        response = c.json(errorBody(error.messageKey, error.params), httpStatusOf(error));
      }
    });
    const result = refused ?? response ?? c.json(errorBody("internal_error"), 500);
    // A form without scripts (Accept: text/html) goes back to the edit page with the outcome.
    if (!(c.req.header("accept") ?? "").includes("text/html")) return result;
    const back = `/admin/network/sages/${sageId}`;
    if (result.status === 201) return c.redirect(`${back}?photo=ok`, 303);
    const body = (await result.json().catch(() => ({}))) as { error?: string };
    return c.redirect(`${back}?photoError=${encodeURIComponent(body.error ?? "internal_error")}`, 303);
  }

  app.post("/admin/uploads/sage-photo", upload);
}
