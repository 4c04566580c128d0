import { createTestDatabase, type TestDatabase } from "@coop/db/testing";
import { Hono } from "hono";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SiteResolver } from "./site-resolver.ts";
import { tlsAsk } from "./tls-ask.ts";

let t: TestDatabase;
let app: Hono;

beforeAll(async () => {
  t = await createTestDatabase();
  await t.db.insertInto("tenants").values({ slug: "ask-rice", name_th: "สหกรณ์ทดสอบ", province_code: 30, region_id: 5 }).execute();
  await t.db.insertInto("tenants").values({ slug: "ask-closed", name_th: "สหกรณ์ปิด", province_code: 30, region_id: 5, status: "suspended" }).execute();
  const rice = await t.db.selectFrom("tenants").select("id").where("slug", "=", "ask-rice").executeTakeFirstOrThrow();
  const closed = await t.db.selectFrom("tenants").select("id").where("slug", "=", "ask-closed").executeTakeFirstOrThrow();
  await t.db.insertInto("custom_domains").values([
    { domain: "shop.ask-rice.or.th", coop_id: rice.id, verification_token: "v".repeat(43), verified_at: new Date() },
    { domain: "ask-closed.co.th", coop_id: closed.id, verification_token: "w".repeat(43), verified_at: new Date() },
  ]).execute();
  const other = await t.db.insertInto("tenants").values({ slug: "ask-other", name_th: "สหกรณ์อื่น", province_code: 30, region_id: 5 }).returning("id").executeTakeFirstOrThrow();
  await t.db.insertInto("custom_domains").values({ domain: "not-yet.example.th", coop_id: other.id, verification_token: "u".repeat(43) }).execute();
  app = new Hono();
  app.get("/_tls/ask", tlsAsk(new SiteResolver(t.db, "sahakorn.example")));
});
afterAll(async () => t?.destroy());

const ask = async (domain: string) => (await app.request(`/_tls/ask?domain=${encodeURIComponent(domain)}`)).status;

describe("the on-demand TLS ask endpoint", () => {
  it("says yes to the network and to every co-op that exists, suspended ones included", async () => {
    expect(await ask("sahakorn.example")).toBe(200);
    expect(await ask("www.sahakorn.example")).toBe(200);
    expect(await ask("ask-rice.sahakorn.example")).toBe(200);
    expect(await ask("ASK-RICE.sahakorn.example")).toBe(200);
    expect(await ask("ask-closed.sahakorn.example")).toBe(200);
  });

  it("says yes to a co-op's verified custom domain only (not to one still waiting for its TXT record)", async () => {
    expect(await ask("shop.ask-rice.or.th")).toBe(200);
    expect(await ask("Shop.Ask-Rice.or.th")).toBe(200);
    expect(await ask("ask-closed.co.th")).toBe(200);
    expect(await ask("not-yet.example.th")).toBe(404);
    expect(await ask("www.shop.ask-rice.or.th")).toBe(404);
    expect(await ask("ask-rice.or.th")).toBe(404);
  });

  it("says no to names we do not serve, and refuses malformed ones", async () => {
    expect(await ask("nobody.sahakorn.example")).toBe(404);
    expect(await ask("a.b.sahakorn.example")).toBe(404);
    expect(await ask("evil.example")).toBe(404);
    expect(await ask("")).toBe(400);
    expect(await ask("bad domain/../")).toBe(400);
    expect(await ask(`${"a".repeat(300)}.sahakorn.example`)).toBe(400);
  });
});
