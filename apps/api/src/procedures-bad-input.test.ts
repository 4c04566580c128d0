/**
 * Every tRPC procedure of the app router — found by walking it, so new routers are covered
 * without being listed here — is fed invalid input built from its own zod schema (missing
 * fields, wrong types, huge strings, negative/NaN/infinite numbers, deep nesting, prototype
 * pollution) as a stranger, a co-op owner and platform staff, on a co-op host and on the
 * network host. No answer may be a 500; every refusal is a 4xx whose message key has a Thai
 * and an English text. Page sizes of list procedures are bounded.
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createSession, generatePassword, hashPassword } from "@coop/core";
import { LocalDiskStorage } from "@coop/core/media";
import { createTestDatabase, type TestDatabase } from "@coop/db/testing";
import { seedDemoData } from "@coop/db/seed";
import { t, type Locale } from "@coop/i18n";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "./app.ts";
import { publicOrigins } from "./origins.ts";
import { GENERIC_GARBAGE, invalidInputs, listProcedures, pageSizeFields } from "./procedure-inputs.ts";
import { SiteResolver } from "./site-resolver.ts";
import type { WebApp } from "./web.ts";

const COOP_HOST = "korat.localhost:3000";
const NETWORK_HOST = "localhost:3000";
/** The documented bound on one page of any list (docs/operations.md, "Faults and limits"). */
const MAX_PAGE_SIZE = 100;

let t0: TestDatabase;
let app: ReturnType<typeof createApp>;
interface Identity {
  who: string;
  host: string;
  cookie: string;
}
let identities: Identity[] = [];

// Only /trpc is exercised: the web apps are not needed (nor built) for this test.
const noWebApp = (name: WebApp["name"]): WebApp => ({ name, clientDir: mkdtempSync(path.join(tmpdir(), "no-web-")), handle: async () => new Response("no web app in this test", { status: 404 }) });

beforeAll(async () => {
  t0 = await createTestDatabase();
  await seedDemoData(t0.db, { hashPassword, newPassword: generatePassword });
  const cookieFor = async (email: string, host: string) => {
    const user = await t0.db.selectFrom("users").select("id").where("email", "=", email).executeTakeFirstOrThrow();
    return `coop_session=${(await createSession(t0.db, user.id, { host })).token}`;
  };
  identities = [];
  for (const host of [COOP_HOST, NETWORK_HOST]) {
    identities.push({ who: "anonymous", host, cookie: "" });
    identities.push({ who: "owner", host, cookie: await cookieFor("owner@korat.example.test", host) });
    identities.push({ who: "staff", host, cookie: await cookieFor("staff@example.test", host) });
  }
  app = createApp({
    db: t0.db,
    sites: new SiteResolver(t0.db, "localhost", 0),
    origins: publicOrigins({ ROOT_DOMAIN: "localhost", PORT: 3000 }),
    web: { storefront: noWebApp("storefront"), network: noWebApp("network") },
    databaseKind: t0.kind,
    secure: false,
    trustProxy: false,
    media: new LocalDiskStorage(mkdtempSync(path.join(tmpdir(), "media-"))),
  });
});
afterAll(async () => {
  await t0?.destroy();
});

const procedures = listProcedures();

interface Answer {
  status: number;
  body: string;
  messageKey: string | null;
  appCode: string | null;
}

async function call(name: string, type: string, who: Identity, json: string): Promise<Answer> {
  const headers: Record<string, string> = { host: who.host, origin: `http://${who.host}`, "content-type": "application/json" };
  if (who.cookie) headers.cookie = who.cookie;
  const res =
    type === "query"
      ? await app.request(`/trpc/${name}${json ? `?input=${encodeURIComponent(json)}` : ""}`, { headers })
      : await app.request(`/trpc/${name}`, { method: "POST", headers, body: json || undefined });
  const body = await res.text();
  let parsed: { error?: { data?: { messageKey?: string | null; appCode?: string | null } } } = {};
  try {
    parsed = JSON.parse(body) as typeof parsed;
  } catch {
    // not JSON: checked below
  }
  return { status: res.status, body, messageKey: parsed.error?.data?.messageKey ?? null, appCode: parsed.error?.data?.appCode ?? null };
}

const hasText = (key: string) => (["th", "en"] as Locale[]).every((locale) => typeof t(locale, key as never) === "string" && t(locale, key as never) !== key);

describe("procedures given invalid input", () => {
  it("walks the whole router (new routers included)", () => {
    expect(procedures.length).toBeGreaterThan(100);
    const routers = new Set(procedures.map((p) => p.name.split(".")[0]));
    for (const r of ["auth", "checkout", "market", "staff", "search"]) expect(routers).toContain(r);
  });

  it.each(procedures.map((p) => [p.name, p] as const))("%s: never a 500, every refusal a 4xx with a translated message", async (name, procedure) => {
    // Sign-out ends the session the other calls use: only a throwaway (empty) cookie tries it.
    const who = /signOut/i.test(name) ? identities.filter((i) => i.who === "anonymous") : identities;
    const derived = invalidInputs(procedure.input);
    for (const identity of who) {
      // Only an identity that gets past the procedure's access checks reaches its input
      // parser; the others get the generic garbage (they must refuse it just as cleanly).
      const probe = await call(name, procedure.type, identity, "12345");
      const reachesInput = probe.appCode === "VALIDATION" || probe.status < 400;
      for (const input of reachesInput ? derived : GENERIC_GARBAGE) {
        const answer = await call(name, procedure.type, identity, input.json);
        const where = `${name} as ${identity.who} on ${identity.host}, ${input.label} → ${answer.status} ${answer.body.slice(0, 300)}`;
        expect(answer.status, where).toBeLessThan(500);
        expect(answer.body, where).not.toMatch(/at .*\.[tj]sx?:\d+/); // no stack traces
        if (answer.status >= 400) {
          expect(answer.messageKey, where).toBeTruthy();
          expect(hasText(answer.messageKey!), `${where}: "${answer.messageKey}" has no Thai or English text`).toBe(true);
        }
      }
    }
    expect(({} as Record<string, unknown>).fuzzPolluted, "Object.prototype was polluted").toBeUndefined();
  });
});

describe("list procedures", () => {
  const lists = procedures.flatMap((p) => pageSizeFields(p.input).map((f) => [`${p.name} ${f.field}`, f.max] as const));

  it("some take a page size", () => {
    expect(lists.length).toBeGreaterThan(10);
  });

  it.each(lists)(`%s is at most ${MAX_PAGE_SIZE}`, (_name, max) => {
    expect(max).toBeLessThanOrEqual(MAX_PAGE_SIZE);
  });
});
