import { isIP } from "node:net";
import { domainToASCII } from "node:url";
import { type Database, type Kysely, withTenant } from "@coop/db";
import { z } from "zod";
import { hitRateLimit, type RateLimitRule } from "../accounts/rate-limit.ts";
import { recordAudit } from "../audit/record.ts";
import { AppError } from "../errors.ts";
import { newToken } from "../security/tokens.ts";

/**
 * A co-op's own domain for its site (e.g. shop.korat-coop.or.th), beside `<slug>.<ROOT_DOMAIN>`.
 * The owner adds it, creates a CNAME to the co-op's subdomain and a TXT record carrying a random
 * token, and asks us to verify. Only a verified domain routes to the co-op (site resolver) and
 * gets a certificate (Caddy's on-demand TLS asks /_tls/ask). The table is a platform table keyed
 * by the domain (migration 0014), so every query here filters by the co-op itself.
 */

/** The TXT record is `_sahakorn.<domain>`: a name of its own, so it never clashes with the CNAME. */
export const DOMAIN_TXT_LABEL = "_sahakorn";

/** 10 verifications per co-op in 10 minutes: enough to retry while DNS settles, not enough to use us to probe DNS. */
export const DOMAIN_VERIFY_LIMIT: RateLimitRule = { limit: 10, windowSeconds: 600 };

/** Top-level names that no public CA certifies or that never resolve on the internet (RFC 6761, 6762, 7686). */
const NON_PUBLIC_TLDS = new Set(["localhost", "local", "internal", "invalid", "test", "example", "onion", "arpa", "home", "lan", "corp"]);

const LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

export type CustomDomainProblem = "domains.invalid" | "domains.ip" | "domains.platform" | "domains.not_public";

/**
 * The domain as stored (lower-case ASCII, Thai names in punycode, no scheme, port, path or
 * trailing dot) or the reason it cannot be a co-op's domain. `rootDomain` is the platform's:
 * its own subdomains are given out by the platform, never claimed.
 */
export function normalizeCustomDomain(input: string, rootDomain: string): { domain: string } | { problem: CustomDomainProblem } {
  // Owners paste what the browser shows: accept "https://shop.example.th/" as well as the bare name.
  let name = input.trim().toLowerCase().replace(/^[a-z][a-z0-9+.-]*:\/\//, "");
  name = name.replace(/[/?#].*$/, "").replace(/\.$/, "");
  if (!name || /\s/.test(name)) return { problem: "domains.invalid" };
  const bare = name.replace(/^\[(.*)\]$/, "$1").replace(/:\d+$/, "");
  if (isIP(bare) || isIP(name.replace(/^\[(.*)\]$/, "$1"))) return { problem: "domains.ip" };
  if (/:/.test(name)) return { problem: "domains.invalid" }; // a port: the site is always on 443
  const ascii = domainToASCII(name);
  if (!ascii || ascii.length > 253) return { problem: "domains.invalid" };
  const labels = ascii.split(".");
  if (labels.length < 2 || !labels.every((l) => LABEL.test(l))) return { problem: "domains.invalid" };
  const tld = labels.at(-1)!;
  if (/^[0-9]+$/.test(tld)) return { problem: "domains.ip" };
  if (!/^[a-z]/.test(tld)) return { problem: "domains.invalid" };
  const root = rootDomain.toLowerCase();
  if (ascii === root || ascii.endsWith(`.${root}`)) return { problem: "domains.platform" };
  if (NON_PUBLIC_TLDS.has(tld)) return { problem: "domains.not_public" };
  return { domain: ascii };
}

export const customDomainInput = z.object({ domain: z.string().trim().min(1, "domains.invalid").max(300, "domains.invalid") });

export interface CustomDomainView {
  domain: string;
  /** Set once the TXT record was found; the site answers on the domain from then on. */
  verifiedAt: Date | null;
  createdAt: Date;
  /** The DNS records the owner creates (shown on the settings page). */
  records: {
    cname: { name: string; value: string };
    txt: { name: string; value: string };
  };
}

/** Where the owner's CNAME points: the co-op's own subdomain, which already has the certificate and the route. */
export interface DomainTargets {
  /** e.g. "korat-rice.sahakorn.example" */
  coopHost: string;
  /** e.g. "sahakorn.example" */
  rootDomain: string;
}

type Row = { domain: string; verification_token: string; verified_at: Date | null; created_at: Date };

function toView(row: Row, targets: DomainTargets): CustomDomainView {
  return {
    domain: row.domain,
    verifiedAt: row.verified_at,
    createdAt: row.created_at,
    records: {
      cname: { name: row.domain, value: targets.coopHost },
      txt: { name: `${DOMAIN_TXT_LABEL}.${row.domain}`, value: row.verification_token },
    },
  };
}

async function ownRow(db: Kysely<Database>, tenantId: string): Promise<Row | undefined> {
  return db
    .selectFrom("custom_domains")
    .select(["domain", "verification_token", "verified_at", "created_at"])
    .where("coop_id", "=", tenantId)
    .executeTakeFirst();
}

/** The co-op's custom domain and the records to create, or null when it has none. */
export async function getCustomDomain(db: Kysely<Database>, tenantId: string, targets: DomainTargets): Promise<CustomDomainView | null> {
  const row = await ownRow(db, tenantId);
  return row ? toView(row, targets) : null;
}

/**
 * Claims `domain` for the co-op, unverified, with a fresh verification token. One per co-op; a
 * name another co-op holds is "taken" and nothing else about it is revealed.
 */
export async function addCustomDomain(
  db: Kysely<Database>,
  input: { tenantId: string; actorUserId: string; domain: string; targets: DomainTargets },
): Promise<CustomDomainView> {
  const checked = normalizeCustomDomain(input.domain, input.targets.rootDomain);
  if ("problem" in checked) {
    throw new AppError("VALIDATION", checked.problem, { fields: { domain: checked.problem }, params: { root: input.targets.rootDomain } });
  }
  const { domain } = checked;
  return withTenant(db, input.tenantId, async (trx) => {
    const existing = await trx.selectFrom("custom_domains").select("domain").where("coop_id", "=", input.tenantId).executeTakeFirst();
    if (existing) throw new AppError("CONFLICT", "domains.one_only", { fields: { domain: "domains.one_only" }, params: { domain: existing.domain } });
    // ON CONFLICT on the primary key: two co-ops racing for one name get one row and one "taken".
    const row = await trx
      .insertInto("custom_domains")
      .values({ domain, coop_id: input.tenantId, verification_token: newToken() })
      .onConflict((oc) => oc.column("domain").doNothing())
      .returning(["domain", "verification_token", "verified_at", "created_at"])
      .executeTakeFirst();
    if (!row) throw new AppError("CONFLICT", "domains.taken", { fields: { domain: "domains.taken" }, detail: `domain=${domain}` });
    await recordAudit(trx, { tenantId: input.tenantId, actorUserId: input.actorUserId, action: "domain.add", subjectType: "domain", subjectId: null, data: { domain } });
    return toView(row, input.targets);
  });
}

/** Looks up TXT records like `node:dns/promises` resolveTxt (injected so tests run offline). */
export type TxtResolver = (name: string) => Promise<string[][]>;

export type VerifyOutcome = "verified" | "missing" | "wrong" | "lookup_failed";

/** DNS answers that mean "no such record (yet)", as opposed to a lookup that could not be made. */
const NO_RECORD_CODES = new Set(["ENOTFOUND", "ENODATA", "NXDOMAIN", "ENONAME"]);

/**
 * Looks for the token in `_sahakorn.<domain>` and marks the domain verified when it is there.
 * "missing" (not published yet; DNS can take up to a day), "wrong" (a TXT record with another
 * value) and "lookup_failed" (the DNS servers did not answer) leave it unverified. Verifying an
 * already verified domain checks again and keeps it verified only if the record is still right.
 */
export async function verifyCustomDomain(
  db: Kysely<Database>,
  input: { tenantId: string; actorUserId: string; domain: string; targets: DomainTargets; resolveTxt: TxtResolver },
): Promise<{ outcome: VerifyOutcome; domain: CustomDomainView }> {
  const row = await ownRow(db, input.tenantId);
  if (!row || row.domain !== input.domain.trim().toLowerCase()) throw new AppError("NOT_FOUND", "domains.not_found");
  const rate = await hitRateLimit(db, `domain-verify:tenant:${input.tenantId}`, DOMAIN_VERIFY_LIMIT);
  if (!rate.allowed) {
    throw new AppError("RATE_LIMITED", "domains.verify.rate_limited", { params: { minutes: Math.ceil(rate.retryAfterSeconds / 60) } });
  }
  const outcome = await lookUpToken(input.resolveTxt, `${DOMAIN_TXT_LABEL}.${row.domain}`, row.verification_token);
  // A verified domain whose record is gone is not unverified here: a DNS hiccup must not take a
  // live site down. Only a successful check writes (and is audited).
  if (outcome !== "verified") return { outcome, domain: toView(row, input.targets) };
  return withTenant(db, input.tenantId, async (trx) => {
    const updated = await trx
      .updateTable("custom_domains")
      .set((eb) => ({ verified_at: eb.fn.coalesce("verified_at", eb.fn<Date>("now", [])) }))
      .where("coop_id", "=", input.tenantId)
      .where("domain", "=", row.domain)
      .returning(["domain", "verification_token", "verified_at", "created_at"])
      .executeTakeFirst();
    if (!updated) throw new AppError("NOT_FOUND", "domains.not_found");
    if (row.verified_at === null) {
      await recordAudit(trx, { tenantId: input.tenantId, actorUserId: input.actorUserId, action: "domain.verify", subjectType: "domain", data: { domain: row.domain } });
    }
    return { outcome: "verified" as const, domain: toView(updated, input.targets) };
  });
}

async function lookUpToken(resolveTxt: TxtResolver, name: string, token: string): Promise<VerifyOutcome> {
  let records: string[][];
  try {
    records = await resolveTxt(name);
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    // Anything else (SERVFAIL, timeout, refused) says nothing about the record: try again later.
    return typeof code === "string" && NO_RECORD_CODES.has(code) ? "missing" : "lookup_failed";
  }
  // A long TXT value arrives in 255-byte chunks: each record is the chunks joined.
  const values = records.map((chunks) => chunks.join("").trim());
  if (values.length === 0) return "missing";
  return values.includes(token) ? "verified" : "wrong";
}

/** Removes the co-op's custom domain: its site answers only on the subdomain again. Returns the name removed. */
export async function removeCustomDomain(db: Kysely<Database>, input: { tenantId: string; actorUserId: string; domain: string }): Promise<string> {
  const domain = input.domain.trim().toLowerCase();
  return withTenant(db, input.tenantId, async (trx) => {
    const removed = await trx
      .deleteFrom("custom_domains")
      .where("coop_id", "=", input.tenantId)
      .where("domain", "=", domain)
      .returning("domain")
      .executeTakeFirst();
    if (!removed) throw new AppError("NOT_FOUND", "domains.not_found");
    await recordAudit(trx, { tenantId: input.tenantId, actorUserId: input.actorUserId, action: "domain.remove", subjectType: "domain", data: { domain } });
    return removed.domain;
  });
}
