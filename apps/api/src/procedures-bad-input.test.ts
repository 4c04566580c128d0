/**
 * Every procedure, fed garbage as a signed-in owner and as a stranger, answers with a clear
 * 4xx (or a 2xx where the garbage happens to be harmless) — never a 500.
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createSession, generatePassword, hashPassword } from "@coop/core";
import { LocalDiskStorage } from "@coop/core/media";
import { createTestDatabase, type TestDatabase } from "@coop/db/testing";
import { seedDemoData } from "@coop/db/seed";
import { appRouter } from "@coop/trpc";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "./app.ts";
import { publicOrigins } from "./origins.ts";
import { SiteResolver } from "./site-resolver.ts";
import { loadWebApp } from "./web.ts";

let t: TestDatabase;
let app: ReturnType<typeof createApp>;
let ownerCookie: string;

const GARBAGE: unknown[] = [
  undefined, null, 0, -1, 1e308, "x", "", [], {}, { a: 1 }, [[[[]]]],
  { limit: -5, offset: "x" }, { limit: 1e9 }, { productId: "not-a-uuid" }, { productId: "00000000-0000-0000-0000-000000000000" },
  { email: "x".repeat(5000), password: "y".repeat(5000) }, { slug: "../../etc/passwd" }, { token: "'; drop table users; --" },
  { userId: null, role: "god" }, { provinceCode: 99999 }, { districtCode: "1".repeat(100) }, { delta: 1e12, reason: "" },
  { price: "NaN" }, { photoIds: ["a", "b"] }, { before: "yesterday" }, { nameTh: { $ne: 1 } },
];

beforeAll(async () => {
  t = await createTestDatabase();
  await seedDemoData(t.db, { hashPassword, newPassword: generatePassword });
  const owner = await t.db.selectFrom("users").select("id").where("email", "=", "owner@korat.example.test").executeTakeFirstOrThrow();
  const session = await createSession(t.db, owner.id, { host: "korat.localhost:3000" });
  ownerCookie = `coop_session=${session.token}`;
  app = createApp({
    db: t.db,
    sites: new SiteResolver(t.db, "localhost", 0),
    origins: publicOrigins({ ROOT_DOMAIN: "localhost", PORT: 3000 }),
    web: { storefront: await loadWebApp("storefront", "production"), network: await loadWebApp("network", "production") },
    databaseKind: t.kind,
    secure: false,
    trustProxy: false,
    media: new LocalDiskStorage(mkdtempSync(path.join(tmpdir(), "media-"))),
  });
});
afterAll(async () => {
  await t?.destroy();
});

const procedures = Object.entries(appRouter._def.procedures as unknown as Record<string, { _def: { type: string } }>);

describe("procedures given bad input", () => {
  it("there are procedures to try", () => {
    expect(procedures.length).toBeGreaterThan(30);
  });

  it.each(procedures.map(([name, p]) => [name, p._def.type] as const))("%s never answers 500", async (name, type) => {
    // Sign-out would end the session the other calls use: call it last, on a throwaway cookie.
    const identities = name.startsWith("auth.signOut")
      ? [{ host: "korat.localhost:3000", cookie: "" }]
      : [
          { host: "korat.localhost:3000", cookie: ownerCookie },
          { host: "korat.localhost:3000", cookie: "" },
          { host: "localhost:3000", cookie: "" },
        ];
    for (const who of identities) {
      for (const input of GARBAGE) {
        const headers: Record<string, string> = { host: who.host, origin: `http://${who.host}`, "content-type": "application/json" };
        if (who.cookie) headers.cookie = who.cookie;
        const encoded = input === undefined ? "" : JSON.stringify(input);
        const res =
          type === "query"
            ? await app.request(`/trpc/${name}${encoded ? `?input=${encodeURIComponent(encoded)}` : ""}`, { headers })
            : await app.request(`/trpc/${name}`, { method: "POST", headers, body: encoded || undefined });
        const body = await res.text();
        expect(res.status, `${name} ${who.host} ${encoded} → ${body.slice(0, 300)}`).toBeLessThan(500);
        expect(body).not.toMatch(/at .*\.ts:\d+/); // no stack traces
      }
    }
  });
});
