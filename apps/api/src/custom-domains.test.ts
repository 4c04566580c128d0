import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createSession, type TxtResolver } from "@coop/core";
import { LocalDiskStorage } from "@coop/core/media";
import { withTenant } from "@coop/db";
import { createTestDatabase, type TestDatabase } from "@coop/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "./app.ts";
import { publicOrigins } from "./origins.ts";
import { SiteResolver } from "./site-resolver.ts";
import type { WebApp } from "./web.ts";

// The whole path of a custom domain through the HTTP app: the owner adds and verifies it on the
// co-op's subdomain, the domain then routes to the co-op (at once, despite the cache), Caddy may
// get a certificate for it, and forms posted on the domain's own origin pass the origin check.

let t: TestDatabase;
let app: ReturnType<typeof createApp>;
let cookie: string;
let txtRecords: string[][] = [];

/** Stands in for the React Router apps: answers with the site the request was routed to. */
function echoSite(name: "storefront" | "network"): WebApp {
  return {
    name,
    clientDir: mkdtempSync(path.join(tmpdir(), `${name}-`)),
    handle: async (_request, context) =>
      new Response(context.site.kind === "coop" || context.site.kind === "suspended" ? `${context.site.kind}:${context.site.tenant.slug}` : context.site.kind),
  };
}

beforeAll(async () => {
  t = await createTestDatabase();
  const { id } = await t.db.insertInto("tenants").values({ slug: "cd-rice", name_th: "สหกรณ์ข้าว", province_code: 30, region_id: 5, status: "active" }).returning("id").executeTakeFirstOrThrow();
  const owner = await t.db.insertInto("users").values({ email: "owner@cd-rice.example.test", display_name: "owner", password_hash: "x" }).returning("id").executeTakeFirstOrThrow();
  await withTenant(t.db, id, (trx) => trx.insertInto("memberships").values({ tenant_id: id, user_id: owner.id, role: "manager" }).execute());
  cookie = `coop_session=${(await createSession(t.db, owner.id, { host: "cd-rice.sahakorn.example" })).token}`;
  const resolveTxt: TxtResolver = async () => txtRecords;
  app = createApp({
    db: t.db,
    // A long cache: what the test sees after a change is the work of `forget`, not of expiry.
    sites: new SiteResolver(t.db, "sahakorn.example", 60_000),
    origins: publicOrigins({ PUBLIC_URL: "https://sahakorn.example", ROOT_DOMAIN: "sahakorn.example", PORT: 3000 }),
    web: { storefront: echoSite("storefront"), network: echoSite("network") },
    databaseKind: t.kind,
    secure: false,
    trustProxy: false,
    media: new LocalDiskStorage(mkdtempSync(path.join(tmpdir(), "media-"))),
    resolveTxt,
  });
});
afterAll(async () => t?.destroy());

const page = async (host: string) => (await app.request("/", { headers: { host } })).text();
const ask = async (domain: string) => (await app.request(`/_tls/ask?domain=${domain}`)).status;

async function mutation(host: string, origin: string, procedure: string, input: unknown) {
  const res = await app.request(`/trpc/domains.${procedure}`, {
    method: "POST",
    headers: { host, origin, cookie, "content-type": "application/json" },
    body: JSON.stringify(input),
  });
  return { status: res.status, body: (await res.json()) as { result?: { data: unknown }; error?: { data: { messageKey: string } } } };
}

describe("a custom domain through the HTTP app", () => {
  it("routes, certifies and accepts posts on a domain only once it is verified, and stops when it is removed", async () => {
    const sub = "cd-rice.sahakorn.example";
    const subOrigin = "https://cd-rice.sahakorn.example";
    const added = await mutation(sub, subOrigin, "add", { domain: "shop.cd-rice.or.th" });
    expect(added.status).toBe(200);
    const token = (added.body.result?.data as { records: { txt: { value: string } } }).records.txt.value;

    expect(await page("shop.cd-rice.or.th")).toBe("unknown");
    expect(await ask("shop.cd-rice.or.th")).toBe(404);
    txtRecords = [["wrong"]];
    expect((await mutation(sub, subOrigin, "verify", { domain: "shop.cd-rice.or.th" })).body.result?.data).toMatchObject({ outcome: "wrong" });
    expect(await page("shop.cd-rice.or.th")).toBe("unknown");

    txtRecords = [[token]];
    expect((await mutation(sub, subOrigin, "verify", { domain: "shop.cd-rice.or.th" })).body.result?.data).toMatchObject({ outcome: "verified" });
    expect(await page("shop.cd-rice.or.th")).toBe("coop:cd-rice");
    expect(await page("shop.cd-rice.or.th:443")).toBe("coop:cd-rice");
    expect(await page(sub)).toBe("coop:cd-rice");
    expect(await ask("shop.cd-rice.or.th")).toBe(200);

    // The domain's own origin may post (the back office works on it); another origin may not.
    const onDomain = await mutation("shop.cd-rice.or.th", "https://shop.cd-rice.or.th", "verify", { domain: "shop.cd-rice.or.th" });
    expect(onDomain.status).toBe(200);
    expect((await mutation("shop.cd-rice.or.th", subOrigin, "verify", { domain: "shop.cd-rice.or.th" })).status).toBe(403);
    expect((await mutation("shop.cd-rice.or.th", "https://evil.example", "remove", { domain: "shop.cd-rice.or.th" })).status).toBe(403);

    expect((await mutation(sub, subOrigin, "remove", { domain: "shop.cd-rice.or.th" })).status).toBe(200);
    expect(await page("shop.cd-rice.or.th")).toBe("unknown");
    expect(await ask("shop.cd-rice.or.th")).toBe(404);
  });

  it("answers bad input with a clear 4xx, never a 500", async () => {
    const bad = await mutation("cd-rice.sahakorn.example", "https://cd-rice.sahakorn.example", "add", { domain: "shop.cd-rice.sahakorn.example" });
    expect(bad.status).toBe(400);
    expect(bad.body.error?.data.messageKey).toBe("domains.platform");
  });
});
