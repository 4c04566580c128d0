import { findTenantBySlug, type TxtResolver } from "@coop/core";
import { type Database, type Kysely, type MemberRole, withTenant } from "@coop/db";
import { createTestDatabase, type TestDatabase } from "@coop/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TRPCError } from "@trpc/server";
import { errorInfo } from "../../errors.ts";
import { createCaller } from "../../root.ts";
import type { Site } from "../../site.ts";
import { refusal, testContext } from "../../testing.ts";

let t: TestDatabase;
let db: Kysely<Database>;

beforeAll(async () => {
  t = await createTestDatabase();
  db = t.db;
});
afterAll(async () => t?.destroy());

async function makeCoop(slug: string) {
  const row = await db.insertInto("tenants").values({ slug, name_th: `สหกรณ์ ${slug}`, province_code: 30, region_id: 5, status: "active" }).returning("id").executeTakeFirstOrThrow();
  const user = async (role: MemberRole) => {
    const u = await db.insertInto("users").values({ email: `${role}-${slug}@example.test`, display_name: role, password_hash: "x" }).returning("id").executeTakeFirstOrThrow();
    await withTenant(db, row.id, (trx) => trx.insertInto("memberships").values({ tenant_id: row.id, user_id: u.id, role }).execute());
    return u.id;
  };
  const site: Site = { kind: "coop", tenant: (await findTenantBySlug(db, slug))! };
  return { id: row.id, site, manager: await user("manager"), editor: await user("editor") };
}

/** A caller whose DNS answers `records` and who records which domains it was told changed. */
async function caller(site: Site, userId: string, records: string[][] = []) {
  const ctx = await testContext(db, site, { userId });
  const changed: string[] = [];
  const resolveTxt: TxtResolver = async () => records;
  return { call: createCaller({ ...ctx, resolveTxt, onCustomDomainChange: (d) => changed.push(d) }), changed };
}

describe("domains router", () => {
  it("lets the owner add, verify and remove the co-op's domain, telling host routing each time", async () => {
    const a = await makeCoop("dr-a");
    const { call, changed } = await caller(a.site, a.manager);
    expect(await call.domains.get()).toBeNull();
    const added = await call.domains.add({ domain: "Shop.DR-A.or.th" });
    // The CNAME points at the co-op's subdomain of the platform (testContext: localhost).
    expect(added.records).toMatchObject({ cname: { name: "shop.dr-a.or.th", value: "dr-a.localhost" }, txt: { name: "_sahakorn.shop.dr-a.or.th" } });
    expect(await call.domains.get()).toEqual(added);

    const wrong = await (await caller(a.site, a.manager, [["something-else"]])).call.domains.verify({ domain: added.domain });
    expect(wrong.outcome).toBe("wrong");
    const right = await caller(a.site, a.manager, [[added.records.txt.value]]);
    const verified = await right.call.domains.verify({ domain: added.domain });
    expect(verified.outcome).toBe("verified");
    expect(verified.domain.verifiedAt).toBeInstanceOf(Date);
    expect(right.changed).toEqual(["shop.dr-a.or.th"]);

    expect(await call.domains.remove({ domain: added.domain })).toEqual({ domain: "shop.dr-a.or.th" });
    expect(await call.domains.get()).toBeNull();
    expect(changed).toEqual(["shop.dr-a.or.th", "shop.dr-a.or.th"]);
  });

  it("refuses the platform's own names and names in use, with the message keys the page shows", async () => {
    const a = await makeCoop("dr-b");
    const { call } = await caller(a.site, a.manager);
    expect(await refusal(call.domains.add({ domain: "dr-b.localhost" }))).toBe("BAD_REQUEST:domains.platform");
    expect(await refusal(call.domains.add({ domain: "not a domain" }))).toBe("BAD_REQUEST:domains.invalid");
    // An empty field fails the input schema: the form shows the message under the field.
    const empty = await call.domains.add({ domain: " " }).catch((error: unknown) => errorInfo(error as TRPCError));
    expect(empty).toMatchObject({ code: "BAD_REQUEST", fields: { domain: "domains.invalid" } });
    expect(await refusal(call.domains.verify({ domain: "nothing.example.th" }))).toBe("NOT_FOUND:domains.not_found");
  });

  it("keeps co-op B out of A's domain: B sees nothing, and A's name given to B's procedures is refused", async () => {
    const a = await makeCoop("dr-c");
    const b = await makeCoop("dr-d");
    const added = await (await caller(a.site, a.manager)).call.domains.add({ domain: "dr-c.co.th" });
    // B's owner, with DNS that even holds A's token.
    const bOwner = (await caller(b.site, b.manager, [[added.records.txt.value]])).call;
    expect(await bOwner.domains.get()).toBeNull();
    expect(await refusal(bOwner.domains.add({ domain: "dr-c.co.th" }))).toBe("CONFLICT:domains.taken");
    expect(await refusal(bOwner.domains.verify({ domain: "dr-c.co.th" }))).toBe("NOT_FOUND:domains.not_found");
    expect(await refusal(bOwner.domains.remove({ domain: "dr-c.co.th" }))).toBe("NOT_FOUND:domains.not_found");
    // A's owner on B's site is not B's member; an editor lacks settings.edit; nobody signed in is asked to.
    expect(await refusal((await caller(b.site, a.manager)).call.domains.get())).toBe("FORBIDDEN:auth.not_a_member");
    expect(await refusal((await caller(a.site, a.editor)).call.domains.remove({ domain: "dr-c.co.th" }))).toBe("FORBIDDEN:auth.forbidden");
    expect(await refusal(createCaller(await testContext(db, a.site)).domains.get())).toBe("UNAUTHORIZED:auth.sign_in_required");
    expect((await (await caller(a.site, a.manager)).call.domains.get())?.verifiedAt).toBeNull();
  });
});
