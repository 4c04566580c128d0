import { randomUUID } from "node:crypto";
import { serveStatic } from "@hono/node-server/serve-static";
import { trpcServer } from "@hono/trpc-server";
import { type Database, type Kysely, sql } from "@coop/db";
import { appRouter, createCaller, type PublicOrigins, type Site } from "@coop/trpc";
import { Hono } from "hono";
import type { SiteResolver } from "./site-resolver.ts";
import type { WebApp } from "./web.ts";

export interface AppDeps {
  db: Kysely<Database>;
  sites: SiteResolver;
  origins: PublicOrigins;
  web: { storefront: WebApp; network: WebApp };
  databaseKind: "pglite" | "postgres";
}

type Env = { Variables: { site: Site; requestId: string } };

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

  app.use("*", async (c, next) => {
    const requestId = c.req.header("x-request-id")?.slice(0, 64) || randomUUID();
    c.set("requestId", requestId);
    c.header("X-Request-Id", requestId);
    c.set("site", await deps.sites.resolve(c.req.header("host")));
    await next();
  });

  app.use(
    "/trpc/*",
    trpcServer({
      router: appRouter,
      endpoint: "/trpc",
      createContext: (_opts, c) => ({ db: deps.db, site: c.get("site"), requestId: c.get("requestId") }),
      onError: ({ error, path, ctx }) => {
        if (error.code === "INTERNAL_SERVER_ERROR") console.error(`[trpc] ${path} request=${ctx?.requestId}`, error.cause ?? error);
      },
    }),
  );

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

  app.all("*", async (c) => {
    const site = c.get("site");
    const requestId = c.get("requestId");
    const trpc = createCaller({ db: deps.db, site, requestId });
    return webAppFor(site).handle(c.req.raw, { trpc, site, origins: deps.origins, requestId });
  });

  app.onError((error, c) => {
    console.error(`[http] ${c.req.method} ${c.req.path} request=${c.get("requestId")}`, error);
    return c.json({ error: "internal_error", requestId: c.get("requestId") }, 500);
  });

  return app;
}
