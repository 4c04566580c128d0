import { backOfficeMember } from "./back-office-member.ts";
import {
  addArticleImage, addArticlePdf, AppError, ARTICLE_FILE_PATH_PREFIX, can, getMemberRole, MAX_PDF_BYTES, readArticleFile, type SessionInfo,
} from "@coop/core";
import { MAX_UPLOAD_BYTES, type MediaStorage } from "@coop/core/media";
import type { Database, Kysely } from "@coop/db";
import type { Site } from "@coop/trpc";
import type { Context, Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { z } from "zod";
import { errorBody, httpStatusOf } from "./http-errors.ts";

export interface ArticleFileRouteDeps {
  db: Kysely<Database>;
  storage: MediaStorage;
}

type ArticleFileEnv = { Variables: { site: Site; auth: SessionInfo | null } };

const MULTIPART_ALLOWANCE = 64 * 1024;
const UUID = z.uuid();
const uploadQuery = z.object({
  articleId: z.uuid(),
  kind: z.enum(["image", "cover", "pdf"]),
  redirectTo: z.string().max(200).optional(),
});

/** A Content-Disposition that survives any file name: an ASCII fallback plus the UTF-8 name (RFC 6266/5987). */
export function contentDisposition(type: "inline" | "attachment", fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, "_").replace(/["\\;]/g, "_") || "file";
  return `${type}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName).replace(/['()*]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`)}`;
}

/**
 * Article images and PDFs: uploads for the back office (permission content.edit, the co-op
 * from the Host, as for product photos) and PDF downloads, served only while the article may
 * be read by the asker. Mount where the media routes are mounted.
 */
export function mountArticleFileRoutes<E extends ArticleFileEnv>(app: Hono<E>, deps: ArticleFileRouteDeps): void {
  const limit = bodyLimit({
    maxSize: MAX_PDF_BYTES + MULTIPART_ALLOWANCE,
    onError: (c) => c.json(errorBody("knowledge.errors.pdf_too_large", { maxMegabytes: MAX_PDF_BYTES / 1024 / 1024 }), 413),
  });

  const memberOf = (c: Context<E>) => backOfficeMember(c, deps.db, "content.edit");

  async function upload(c: Context<E>): Promise<Response> {
    const who = await memberOf(c);
    if (who instanceof Response) return who;
    const query = uploadQuery.safeParse(c.req.query());
    if (!query.success) return c.json(errorBody("validation.invalid"), 400);
    const { articleId, kind } = query.data;
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
      if (kind !== "pdf" && file.size > MAX_UPLOAD_BYTES) {
        response = c.json(errorBody("media.too_large", { maxMegabytes: Math.floor(MAX_UPLOAD_BYTES / 1024 / 1024) }), 413);
        return;
      }
      const input = { tenantId: who.tenantId, actorUserId: who.userId, articleId, bytes: new Uint8Array(await file.arrayBuffer()), fileName: file.name };
      try {
        const view = kind === "pdf" ? await addArticlePdf(deps.db, deps.storage, input) : await addArticleImage(deps.db, deps.storage, { ...input, asCover: kind === "cover" });
        response = c.json(view, 201);
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        response = c.json(errorBody(error.messageKey, error.params), httpStatusOf(error));
      }
    });
    return refused ?? response ?? c.json(errorBody("internal_error"), 500);
  }

  app.post("/admin/uploads/article-file", async (c) => {
    const response = await upload(c);
    // A plain HTML form (no JavaScript) names the back-office page to return to.
    const back = c.req.query("redirectTo");
    if (!back || !/^\/admin(\/[\w-]+)*$/.test(back)) return response;
    if (response.status === 201) return c.redirect(`${back}?upload=ok`, 303);
    const body = (await response.json().catch(() => ({}))) as { error?: string };
    return c.redirect(`${back}?uploadError=${encodeURIComponent(body.error ?? "internal_error")}`, 303);
  });

  // Downloads: on a co-op's host, its own published articles' files (any status for its team);
  // on the network host, files of published and shared articles only.
  app.get(`${ARTICLE_FILE_PATH_PREFIX}:tenantId/:fileId`, async (c) => {
    const notFound = () => c.json(errorBody("knowledge.errors.file_not_found"), 404, { "Cache-Control": "no-store" });
    const { tenantId, fileId } = c.req.param();
    if (!UUID.safeParse(tenantId).success || !UUID.safeParse(fileId).success) return notFound();
    const site = c.get("site");
    let access: "site" | "network" | "member";
    if (site.kind === "network") access = "network";
    else if (site.kind === "coop" && site.tenant.id === tenantId) {
      const auth = c.get("auth");
      const role = auth ? await getMemberRole(deps.db, tenantId, auth.user.id) : null;
      access = role && can(role, "content.edit") ? "member" : "site";
    } else return notFound();
    const file = await readArticleFile(deps.db, deps.storage, { tenantId, fileId, access });
    if (!file) return notFound();
    const headers = new Headers({
      "Content-Type": file.kind === "pdf" ? "application/pdf" : file.object.contentType.startsWith("image/") ? file.object.contentType : "application/octet-stream",
      "Content-Disposition": contentDisposition(file.kind === "pdf" ? "attachment" : "inline", file.fileName),
      // The article may be unpublished at any time: caches must ask again.
      "Cache-Control": access === "member" ? "private, no-store" : "public, max-age=300, must-revalidate",
      "X-Content-Type-Options": "nosniff",
      "Content-Security-Policy": "default-src 'none'; sandbox",
    });
    if (file.object.size !== null) headers.set("Content-Length", String(file.object.size));
    return new Response(file.object.body as BodyInit, { status: 200, headers });
  });
}
