import { type Database, type Kysely, withTenant } from "@coop/db";
import { createTestDatabase, type TestDatabase } from "@coop/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeCoop, makeUser } from "../catalog/admin/testing.ts";
import { AppError } from "../errors.ts";
import { addCustomDomain, DOMAIN_VERIFY_LIMIT, getCustomDomain, normalizeCustomDomain, removeCustomDomain, type TxtResolver, verifyCustomDomain } from "./domains.ts";
import { findTenantByCustomDomain } from "./queries.ts";

const ROOT = "sahakorn.example";

describe("normalizeCustomDomain", () => {
  it.each([
    ["shop.korat-coop.or.th", "shop.korat-coop.or.th"],
    ["  Shop.Korat-Coop.OR.TH. ", "shop.korat-coop.or.th"],
    ["https://shop.korat-coop.or.th/products?x=1", "shop.korat-coop.or.th"],
    ["korat-rice.com", "korat-rice.com"],
    ["สหกรณ์โคราช.ไทย", "xn--12cgs8a5ec8bi2evine.xn--o3cw4h"],
  ])("%s is stored as %s", (input, domain) => {
    expect(normalizeCustomDomain(input, ROOT)).toEqual({ domain });
  });

  it.each([
    ["", "domains.invalid"],
    ["shop", "domains.invalid"],
    ["shop .example.th", "domains.invalid"],
    ["-shop.example.th", "domains.invalid"],
    ["shop_1.example.th", "domains.invalid"],
    ["shop.example.th:8443", "domains.invalid"],
    [`${"a".repeat(64)}.example.th`, "domains.invalid"],
    [`${"abcdefghi.".repeat(26)}th`, "domains.invalid"],
    ["203.0.113.7", "domains.ip"],
    ["[2001:db8::1]", "domains.ip"],
    ["2001:db8::1", "domains.ip"],
    ["sahakorn.example", "domains.platform"],
    ["korat.sahakorn.example", "domains.platform"],
    ["a.b.sahakorn.example", "domains.platform"],
    ["shop.localhost", "domains.not_public"],
    ["printer.local", "domains.not_public"],
  ])("%s is refused (%s)", (input, problem) => {
    expect(normalizeCustomDomain(input, ROOT)).toEqual({ problem });
  });
});

let t: TestDatabase;
let db: Kysely<Database>;

beforeAll(async () => {
  t = await createTestDatabase();
  db = t.db;
});
afterAll(async () => t?.destroy());

async function coop(slug: string) {
  const id = await makeCoop(db, slug);
  const user = await makeUser(db, `owner-${slug}@example.test`, "owner");
  return { id, user, targets: { coopHost: `${slug}.${ROOT}`, rootDomain: ROOT } };
}

async function failure(promise: Promise<unknown>): Promise<{ code: string; key: string }> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return { code: error.code, key: error.messageKey };
    throw error;
  }
  throw new Error("expected a failure");
}

async function audit(tenantId: string) {
  const rows = await withTenant(db, tenantId, (trx) =>
    trx.selectFrom("audit_events").select(["action", "data"]).where("subject_type", "=", "domain").orderBy("created_at").orderBy("id").execute(),
  );
  return rows.map((r) => [r.action, (r.data as { domain: string }).domain]);
}

const resolverAnswering = (answer: string[][] | Error): TxtResolver & { asked: string[] } => {
  const asked: string[] = [];
  const resolve = async (name: string) => {
    asked.push(name);
    if (answer instanceof Error) throw answer;
    return answer;
  };
  return Object.assign(resolve, { asked });
};
const dnsError = (code: string) => Object.assign(new Error(`queryTxt ${code}`), { code });

describe("custom domains", () => {
  it("adds one domain per co-op with the records to create, and refuses bad names with the reason", async () => {
    const a = await coop("dom-a");
    const view = await addCustomDomain(db, { tenantId: a.id, actorUserId: a.user, domain: "Shop.Korat-Coop.or.th", targets: a.targets });
    expect(view).toMatchObject({ domain: "shop.korat-coop.or.th", verifiedAt: null });
    expect(view.records.cname).toEqual({ name: "shop.korat-coop.or.th", value: "dom-a.sahakorn.example" });
    expect(view.records.txt.name).toBe("_sahakorn.shop.korat-coop.or.th");
    expect(view.records.txt.value).toMatch(/^[A-Za-z0-9_-]{40,}$/);
    expect(await getCustomDomain(db, a.id, a.targets)).toEqual(view);

    expect(await failure(addCustomDomain(db, { tenantId: a.id, actorUserId: a.user, domain: "other.example.th", targets: a.targets }))).toEqual({ code: "CONFLICT", key: "domains.one_only" });
    const b = await coop("dom-b");
    expect(await failure(addCustomDomain(db, { tenantId: b.id, actorUserId: b.user, domain: "korat.sahakorn.example", targets: b.targets }))).toEqual({ code: "VALIDATION", key: "domains.platform" });
    expect(await failure(addCustomDomain(db, { tenantId: b.id, actorUserId: b.user, domain: "10.0.0.1", targets: b.targets }))).toEqual({ code: "VALIDATION", key: "domains.ip" });
    expect(await getCustomDomain(db, b.id, b.targets)).toBeNull();
    expect(await audit(a.id)).toEqual([["domain.add", "shop.korat-coop.or.th"]]);
  });

  it("tells another co-op only that a name is taken, and never shows or changes the owner's domain", async () => {
    const a = await coop("dom-c");
    const b = await coop("dom-d");
    const mine = await addCustomDomain(db, { tenantId: a.id, actorUserId: a.user, domain: "rice.dom-c.co.th", targets: a.targets });
    const taken = await failure(addCustomDomain(db, { tenantId: b.id, actorUserId: b.user, domain: "RICE.dom-c.co.th.", targets: b.targets }));
    expect(taken).toEqual({ code: "CONFLICT", key: "domains.taken" });
    expect(await getCustomDomain(db, b.id, b.targets)).toBeNull();

    // B names A's domain to verify or remove it: not found, as if it did not exist.
    const resolveTxt = resolverAnswering([[mine.records.txt.value]]);
    expect(await failure(verifyCustomDomain(db, { tenantId: b.id, actorUserId: b.user, domain: mine.domain, targets: b.targets, resolveTxt }))).toEqual({ code: "NOT_FOUND", key: "domains.not_found" });
    expect(await failure(removeCustomDomain(db, { tenantId: b.id, actorUserId: b.user, domain: mine.domain }))).toEqual({ code: "NOT_FOUND", key: "domains.not_found" });
    expect(resolveTxt.asked).toEqual([]);
    expect(await getCustomDomain(db, a.id, a.targets)).toEqual(mine);
    expect(await audit(b.id)).toEqual([]);
  });

  it("verifies only when the TXT record holds the token, and routes the domain only once verified", async () => {
    const a = await coop("dom-e");
    const added = await addCustomDomain(db, { tenantId: a.id, actorUserId: a.user, domain: "shop.dom-e.or.th", targets: a.targets });
    const token = added.records.txt.value;
    const verify = (resolveTxt: TxtResolver) => verifyCustomDomain(db, { tenantId: a.id, actorUserId: a.user, domain: "shop.dom-e.or.th", targets: a.targets, resolveTxt });

    const missing = resolverAnswering(dnsError("ENOTFOUND"));
    expect((await verify(missing)).outcome).toBe("missing");
    expect(missing.asked).toEqual(["_sahakorn.shop.dom-e.or.th"]);
    expect((await verify(resolverAnswering(dnsError("ENODATA")))).outcome).toBe("missing");
    expect((await verify(resolverAnswering([]))).outcome).toBe("missing");
    expect((await verify(resolverAnswering([["google-site-verification=abc"], ["not-the-token"]]))).outcome).toBe("wrong");
    expect((await verify(resolverAnswering(dnsError("ESERVFAIL")))).outcome).toBe("lookup_failed");
    expect((await verify(resolverAnswering(dnsError("ETIMEOUT")))).outcome).toBe("lookup_failed");
    expect(await findTenantByCustomDomain(db, "shop.dom-e.or.th")).toBeNull();

    // A long value arrives in chunks; other TXT records may sit beside ours.
    const found = await verify(resolverAnswering([["v=spf1 -all"], [token.slice(0, 10), token.slice(10)]]));
    expect(found.outcome).toBe("verified");
    expect(found.domain.verifiedAt).toBeInstanceOf(Date);
    expect((await findTenantByCustomDomain(db, "shop.dom-e.or.th"))?.slug).toBe("dom-e");

    // Checking again while DNS hiccups keeps the site up; the first verification is the one kept.
    const again = await verify(resolverAnswering(dnsError("ESERVFAIL")));
    expect(again).toMatchObject({ outcome: "lookup_failed", domain: { verifiedAt: found.domain.verifiedAt } });
    expect((await verify(resolverAnswering([[token]]))).domain.verifiedAt).toEqual(found.domain.verifiedAt);
    expect(await audit(a.id)).toEqual([["domain.add", "shop.dom-e.or.th"], ["domain.verify", "shop.dom-e.or.th"]]);

    expect(await removeCustomDomain(db, { tenantId: a.id, actorUserId: a.user, domain: "SHOP.dom-e.or.th" })).toBe("shop.dom-e.or.th");
    expect(await findTenantByCustomDomain(db, "shop.dom-e.or.th")).toBeNull();
    expect(await getCustomDomain(db, a.id, a.targets)).toBeNull();
    expect((await audit(a.id)).at(-1)).toEqual(["domain.remove", "shop.dom-e.or.th"]);
    // Once removed, the name is free for anyone (a new token: the old TXT record proves nothing).
    const b = await coop("dom-f");
    const reclaimed = await addCustomDomain(db, { tenantId: b.id, actorUserId: b.user, domain: "shop.dom-e.or.th", targets: b.targets });
    expect(reclaimed.records.txt.value).not.toBe(token);
  });

  it(`allows ${DOMAIN_VERIFY_LIMIT.limit} checks per co-op in ${DOMAIN_VERIFY_LIMIT.windowSeconds / 60} minutes`, async () => {
    const a = await coop("dom-g");
    await addCustomDomain(db, { tenantId: a.id, actorUserId: a.user, domain: "dom-g.co.th", targets: a.targets });
    const resolveTxt = resolverAnswering(dnsError("ENOTFOUND"));
    const verify = () => verifyCustomDomain(db, { tenantId: a.id, actorUserId: a.user, domain: "dom-g.co.th", targets: a.targets, resolveTxt });
    for (let i = 0; i < DOMAIN_VERIFY_LIMIT.limit; i++) expect((await verify()).outcome).toBe("missing");
    expect(await failure(verify())).toEqual({ code: "RATE_LIMITED", key: "domains.verify.rate_limited" });
    expect(resolveTxt.asked).toHaveLength(DOMAIN_VERIFY_LIMIT.limit);
  });
});
