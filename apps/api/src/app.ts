import { randomUUID } from "node:crypto";
import { getConnInfo } from "@hono/node-server/conninfo";
import { serveStatic } from "@hono/node-server/serve-static";
import { trpcServer } from "@hono/trpc-server";
import { AppError, findTenantBySlug, readSession, type SessionInfo, type TxtResolver } from "@coop/core";
import { type Database, isDatabaseUnavailable, type Kysely, sql } from "@coop/db";
import { resolveLocale } from "@coop/i18n";
import { appRouter, createCaller, type PublicOrigins, readCookie, sessionCookie, sessionCookieName, type Site, type TrpcContext } from "@coop/trpc";
import { type Context, Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { LARGE_RPC_BODY_BYTES, MAX_FORM_BODY_BYTES, MAX_RPC_BODY_BYTES, plainRefusal, retryAfterSecondsOf } from "./http-errors.ts";
import type { MediaStorage } from "@coop/core/media";
import { devMailboxEnabled, mountDevMailbox } from "./dev-mailbox.ts";
import { mountArticleFileRoutes } from "./article-file-routes.ts";
import { mountMediaRoutes } from "./media-routes.ts";
import { mountReachRoutes } from "./reach.ts";
import { mountKnowledgeFeeds } from "./knowledge-feeds.ts";
import { mountOpenApi } from "./open-api/routes.ts";
import { mountSlipRoutes } from "./slip-routes.ts";
import { mountSagePhotoRoutes } from "./sage-photo-routes.ts";
import { mountStripeWebhook } from "./stripe-webhook-route.ts";
import type { SiteResolver } from "./site-resolver.ts";
import { tlsAsk } from "./tls-ask.ts";
import { fromThisMachine } from "./loopback.ts";
import { logRequest } from "./observability/log.ts";
import { routeLabel, type ServerMetrics } from "./observability/metrics.ts";
import type { Tracing } from "./observability/tracing.ts";
import type { Logger } from "pino";
import type { WebApp } from "./web.ts";
import { changedPages, servePage } from "./page-cache/http.ts";
import type { PageCache } from "./page-cache/page-cache.ts";
import { NETWORK_WIDE } from "./page-cache/redis-store.ts";

export interface AppDeps {
  db: Kysely<Database>;
  sites: SiteResolver;
  origins: PublicOrigins;
  web: { storefront: WebApp; network: WebApp };
  databaseKind: "pglite" | "postgres";
  /** Served over HTTPS (PUBLIC_URL is https): cookies get Secure and the __Host- prefix. */
  secure: boolean;
  /** Take the client address from X-Forwarded-For (only behind a trusted reverse proxy). */
  trustProxy: boolean;
  /** Uploaded images: local disk (embedded) or S3-compatible storage. */
  media: MediaStorage;
  /** Prometheus metrics, served at /metrics (tests may leave them out). */
  metrics?: ServerMetrics;
  /** Opens /metrics to scrapers elsewhere (`Authorization: Bearer …`); loopback needs none. */
  metricsToken?: string;
  /** The structured request log (tests may leave it out). */
  logger?: Logger;
  /** Rendered public pages of the co-op sites (PAGE_CACHE=off or left out: every page is rendered). */
  pageCache?: PageCache | null;
  /** OpenTelemetry, when OTEL_EXPORTER_OTLP_ENDPOINT is set: names each request's span after its route. */
  tracing?: Pick<Tracing, "annotateRequest">;
  /** DNS TXT lookups for custom-domain verification (tests pass a fake; left out: the system's DNS). */
  resolveTxt?: TxtResolver;
}

type Env = { Variables: { site: Site; requestId: string; auth: SessionInfo | null } };

const UNSAFE_METHODS = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/** A state-changing request must come from a page of the same host (cross-site request forgery). */
function sameOrigin(c: Context<Env>): boolean {
  const origin = c.req.header("origin");
  if (!origin) {
    // Browsers send Origin on every cross-site POST; without it, ask the fetch metadata.
    const site = c.req.header("sec-fetch-site");
    return site === undefined || site === "same-origin" || site === "none";
  }
  try {
    return new URL(origin).host === c.req.header("host");
  } catch {
    return false;
  }
}

function clientIp(c: Context<Env>, trustProxy: boolean): string {
  if (trustProxy) {
    // The proxy appends the address it saw; earlier entries are whatever the client sent.
    const forwarded = c.req.header("x-forwarded-for")?.split(",").at(-1)?.trim();
    if (forwarded) return forwarded;
  }
  try {
    return getConnInfo(c).remote.address ?? "unknown";
  } catch {
    return "unknown"; // app.request() in tests has no socket
  }
}

/** The all-in-one HTTP app: health, tRPC, static assets and both web apps, chosen by Host. */
export function createApp(deps: AppDeps): Hono<Env> {
  const app = new Hono<Env>();
  const startedAt = Date.now();

  app.get("/healthz", (c) => c.json({ status: "ok", uptimeSeconds: Math.round((Date.now() - startedAt) / 1000) }));

  app.get("/readyz", async (c) => {
    try {
      await sql`SELECT 1`.execute(deps.db);
      return c.json({ status: "ready", database: deps.databaseKind });
    } catch (error) {
      console.error("[readyz] database check failed:", (error as Error).message);
      c.header("Retry-After", "5");
      return c.json({ status: "unavailable", database: deps.databaseKind }, 503);
    }
  });

  // Caddy asks before getting a certificate on demand (infra/compose/Caddyfile).
  app.get("/_tls/ask", tlsAsk(deps.sites));

  if (deps.metrics) {
    const metrics = deps.metrics;
    app.get("/metrics", async (c) => {
      const token = deps.metricsToken;
      const allowed = token ? c.req.header("authorization") === `Bearer ${token}` || fromThisMachine(c) : fromThisMachine(c);
      if (!allowed) return c.text("Not found", 404);
      return c.body(await metrics.registry.metrics(), 200, { "Content-Type": metrics.registry.contentType, "Cache-Control": "no-store" });
    });
  }

  app.use("*", async (c, next) => {
    const started = performance.now();
    const requestId = c.req.header("x-request-id")?.slice(0, 64) || randomUUID();
    c.set("requestId", requestId);
    c.header("X-Request-Id", requestId);
    const site = await deps.sites.resolve(c.req.header("host"));
    c.set("site", site);
    try {
      await next();
    } finally {
      // Measured and logged once the answer is ready: route labels only, never the path (links carry tokens).
      const route = routeLabel(c.req.path, site.kind);
      const status = c.res.status;
      const ms = performance.now() - started;
      deps.metrics?.observe(c.req.method, route, status, ms / 1000);
      const siteName = site.kind === "network" ? "network" : site.kind === "unknown" ? "unknown" : site.tenant.slug;
      deps.tracing?.annotateRequest({ requestId, site: siteName, method: c.req.method, route, status });
      if (deps.logger) {
        logRequest(deps.logger, { requestId, site: siteName, userId: c.get("auth")?.user.id ?? null, method: c.req.method, route, status, ms: Math.round(ms) });
      }
    }
  });

  app.use("*", async (c, next) => {
    if (UNSAFE_METHODS.has(c.req.method) && !sameOrigin(c)) {
      return c.json({ error: "forbidden_origin", message: "Cross-site request refused." }, 403);
    }
    await next();
  });

  // The operator's mailbox in embedded mode (no SMTP): loopback only, on the network host.
  mountDevMailbox(app, { db: deps.db, enabled: devMailboxEnabled() });

  const webAppFor = (site: Site) => (site.kind === "network" ? deps.web.network : deps.web.storefront);

  // Built assets have content hashes in their names: cache them for a year.
  for (const webApp of [deps.web.storefront, deps.web.network]) {
    const statics = serveStatic({
      root: webApp.clientDir,
      onFound: (filePath, c) => {
        if (filePath.includes("/assets/")) c.header("Cache-Control", "public, max-age=31536000, immutable");
      },
    });
    app.use("/assets/*", async (c, next) => (webAppFor(c.get("site")) === webApp ? statics(c, next) : next()));
  }

  // The session of this host's cookie (cookies are host-only: each co-op site has its own).
  app.use("*", async (c, next) => {
    const token = readCookie(c.req.header("cookie"), sessionCookieName(deps.secure));
    const auth = token ? await readSession(deps.db, token) : null;
    c.set("auth", auth);
    await next();
    // A session in use is extended on the server; send the cookie again so the browser keeps it as long.
    if (token && auth?.renewed && !c.res.headers.has("Set-Cookie")) {
      c.res.headers.append("Set-Cookie", sessionCookie(token, auth.expiresAt, deps.secure));
    }
  });

  // After a change to a co-op's public pages has committed (the handler has answered), its cached
  // pages are dropped before the answer leaves, so the page the browser loads next is fresh.
  if (deps.pageCache) {
    const pageCache = deps.pageCache;
    app.use("*", async (c, next) => {
      await next();
      const site = c.get("site");
      if (!UNSAFE_METHODS.has(c.req.method) || c.res.status >= 400 || site.kind === "unknown") return;
      const changed = changedPages(c.req.path, site.kind === "network" ? "network" : "coop");
      if (changed === "network") await pageCache.bump(NETWORK_WIDE);
      else if (changed === "site" && site.kind !== "network") await pageCache.bump(site.tenant.id);
    });
  }

  mountMediaRoutes(app, { db: deps.db, storage: deps.media });
  mountArticleFileRoutes(app, { db: deps.db, storage: deps.media });
  mountSagePhotoRoutes(app, { db: deps.db, storage: deps.media });
  mountSlipRoutes(app, { db: deps.db, storage: deps.media, clientIp: (c) => clientIp(c as unknown as Context<Env>, deps.trustProxy) });
  // Stripe's webhook events (404 while Stripe is not configured).
  mountStripeWebhook(app, { db: deps.db, origins: deps.origins });

  const contextFor = (c: Context<Env>): TrpcContext => ({
    db: deps.db,
    site: c.get("site"),
    requestId: c.get("requestId"),
    origins: deps.origins,
    auth: c.get("auth"),
    request: {
      host: (c.req.header("host") ?? "").toLowerCase(),
      ip: clientIp(c, deps.trustProxy),
      userAgent: c.req.header("user-agent") ?? null,
      secure: deps.secure,
      locale: resolveLocale(c.req.raw),
      cookieHeader: c.req.header("cookie") ?? null,
    },
    responseCookies: [],
    onCoopStatusChange: (slug) => {
      deps.sites.forget(slug);
      // Staff act from the network host, so the co-op's own host never saw the change.
      if (deps.pageCache) {
        const pageCache = deps.pageCache;
        void findTenantBySlug(deps.db, slug)
          .then((tenant) => tenant && pageCache.bump(tenant.id))
          .catch((error: unknown) => console.error(`[page-cache] could not invalidate ${slug} after a status change:`, error));
      }
    },
    // A co-op's custom domain was added, verified or removed: route its host afresh on this server.
    onCustomDomainChange: (domain) => deps.sites.forget(domain),
    resolveTxt: deps.resolveTxt,
  });

  // sitemap.xml, robots.txt, feed.xml and the web app manifest of each co-op site.
  mountReachRoutes(app, { origins: deps.origins, caller: (c) => createCaller(contextFor(c as unknown as Context<Env>)) });
  // Knowledge feeds, the public JSON API and the open-data CSV files (the network hub).
  mountKnowledgeFeeds(app, { db: deps.db, origins: deps.origins });
  mountOpenApi(app, { db: deps.db, origins: deps.origins });

  // A request body is read whole before it is parsed: cap it (uploads have their own routes and limits).
  app.use("/trpc/*", async (c, next) => {
    const maxSize = LARGE_RPC_BODY_BYTES[c.req.path.slice("/trpc/".length)] ?? MAX_RPC_BODY_BYTES;
    return bodyLimit({ maxSize, onError: (c) => plainRefusal(c, 413, "site.too_large", { kilobytes: Math.floor(maxSize / 1024) }) })(c, next);
  });

  app.use(
    "/trpc/*",
    trpcServer({
      router: appRouter,
      endpoint: "/trpc",
      createContext: (_opts, c) => contextFor(c as unknown as Context<Env>) as unknown as Record<string, unknown>,
      // Cookies set by procedures (sign-in, sign-out) go out with the tRPC response.
      responseMeta: ({ ctx, errors }) => {
        const cookies = (ctx as TrpcContext | undefined)?.responseCookies ?? [];
        const headers = new Headers(cookies.map((cookie): [string, string] => ["Set-Cookie", cookie]));
        // Rate limits and an unreachable database tell the client when to try again.
        const waits = errors.map((e) => (e.cause instanceof AppError ? retryAfterSecondsOf(e.cause) : null)).filter((s): s is number => s !== null);
        if (waits.length > 0) headers.set("Retry-After", String(Math.max(...waits)));
        return { headers };
      },
      onError: ({ error, path, ctx }) => {
        if (error.code !== "INTERNAL_SERVER_ERROR") return;
        if (deps.logger) deps.logger.error({ requestId: ctx?.requestId, procedure: path, err: error.cause ?? error }, "trpc procedure failed");
        else console.error(`[trpc] ${path} request=${ctx?.requestId}`, error.cause ?? error);
      },
    }),
  );

  app.use("*", bodyLimit({ maxSize: MAX_FORM_BODY_BYTES, onError: (c) => plainRefusal(c, 413, "site.too_large", { kilobytes: MAX_FORM_BODY_BYTES / 1024 }) }));
  // A page whose loader was refused for a rate limit, or failed because the database is down, says
  // so (429/503 with Retry-After and a translated message) instead of "something went wrong".
  app.use("*", async (c, next) => {
    await next();
    if (c.res.status < 500) return;
    const refusal = pageRefusals.get(c.req.raw);
    const answer =
      refusal?.code === "RATE_LIMITED"
        ? plainRefusal(c, 429, refusal.messageKey, refusal.params, retryAfterSecondsOf(refusal) ?? 60)
        : refusal?.code === "UNAVAILABLE" || !(await databaseReachable(deps.db))
          ? plainRefusal(c, 503, "site.unavailable")
          : null;
    if (answer) {
      c.res = undefined; // replaced whole: none of the failed page's headers carry over
      c.res = answer;
    }
  });

  app.all("*", async (c) => {
    const ctx = contextFor(c);
    // Anonymous visitors of a co-op's public pages may get a page rendered earlier (page-cache/).
    return servePage(c.req.raw, ctx.site, { cache: deps.pageCache ?? null, secure: deps.secure }, async () => {
      const response = await webAppFor(ctx.site).handle(c.req.raw, {
        trpc: createCaller(ctx, {
          onError: ({ error }) => {
            if (error.cause instanceof AppError) pageRefusals.set(c.req.raw, error.cause);
          },
        }),
        site: ctx.site,
        origins: deps.origins,
        requestId: ctx.requestId,
        auth: ctx.auth ? { user: ctx.auth.user } : null,
      });
      if (ctx.responseCookies.length === 0) return response;
      // Loaders and actions that signed someone in or out: add the cookies to their response.
      const headers = new Headers(response.headers);
      for (const cookie of ctx.responseCookies) headers.append("Set-Cookie", cookie);
      return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
    });
  });

  app.onError((error, c) => {
    if (isDatabaseUnavailable(error)) {
      console.error(`[http] ${c.req.method} ${c.req.path}: database unavailable (${(error as Error).message})`);
      return plainRefusal(c, 503, "site.unavailable");
    }
    if (deps.logger) deps.logger.error({ requestId: c.get("requestId"), method: c.req.method, route: routeLabel(c.req.path, c.get("site")?.kind ?? "unknown"), err: error }, "unhandled error");
    else console.error(`[http] ${c.req.method} ${c.req.path} request=${c.get("requestId")}`, error);
    return c.json({ error: "internal_error", requestId: c.get("requestId") }, 500);
  });

  return app;
}

/** The last domain refusal met by a page's loaders, by request (read when the page failed). */
const pageRefusals = new WeakMap<Request, AppError>();

/** Whether the database answers now (a page that failed is re-checked before it is called "unavailable"). */
async function databaseReachable(db: Kysely<Database>): Promise<boolean> {
  try {
    await sql`SELECT 1`.execute(db);
    return true;
  } catch {
    return false;
  }
}
