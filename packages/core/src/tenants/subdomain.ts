import type { Database, Kysely } from "@coop/db";

/** Names kept for the platform itself, for mail and DNS conventions, or that would mislead. */
export const RESERVED_SUBDOMAINS: ReadonlySet<string> = new Set([
  "www", "www1", "www2", "api", "admin", "administrator", "app", "apps", "auth", "login", "logout", "signin", "signup",
  "register", "account", "accounts", "mail", "email", "smtp", "imap", "pop", "pop3", "mx", "webmail", "ns", "ns1", "ns2",
  "ns3", "ns4", "ns5", "ns6", "ns7", "ns8", "ns9", "dns", "cdn", "static", "assets", "media", "img", "images", "files",
  "upload", "uploads", "status", "staff", "network", "help", "support", "docs", "doc", "dev", "test", "testing", "stage",
  "staging", "beta", "demo", "preview", "sandbox", "blog", "news", "shop", "store", "market", "marketplace", "billing",
  "pay", "payment", "payments", "checkout", "webhook", "webhooks", "metrics", "health", "healthz", "readyz", "monitor",
  "grafana", "prometheus", "localhost", "ftp", "sftp", "ssh", "vpn", "git", "gitlab", "github", "portal", "secure",
  "root", "system", "sys", "internal", "intranet", "dashboard", "console", "panel", "cpanel", "trpc", "graphql", "rpc",
  "sahakorn", "coop", "coops", "cpd", "official", "security", "abuse", "postmaster", "hostmaster", "webmaster", "info",
  "about", "contact", "privacy", "terms", "legal", "search", "knowledge", "sages", "events", "seminar", "seminars",
]);

export type SubdomainProblem =
  | "subdomain.too_short"
  | "subdomain.too_long"
  | "subdomain.invalid_chars"
  | "subdomain.hyphen_edge"
  | "subdomain.double_hyphen"
  | "subdomain.punycode"
  | "subdomain.reserved";

/** DNS-label rules for a co-op's subdomain (3–40 of a–z, 0–9 and hyphen). Null when acceptable. */
export function subdomainProblem(slug: string): SubdomainProblem | null {
  if (slug.length < 3) return "subdomain.too_short";
  if (slug.length > 40) return "subdomain.too_long";
  if (!/^[a-z0-9-]+$/.test(slug)) return "subdomain.invalid_chars";
  if (slug.startsWith("-") || slug.endsWith("-")) return "subdomain.hyphen_edge";
  if (slug.startsWith("xn--")) return "subdomain.punycode";
  if (slug.slice(2, 4) === "--") return "subdomain.double_hyphen";
  if (RESERVED_SUBDOMAINS.has(slug)) return "subdomain.reserved";
  return null;
}

export type SubdomainCheck =
  | { available: true; slug: string }
  | { available: false; slug: string; reason: SubdomainProblem | "subdomain.taken"; suggestions: string[] };

async function isTaken(db: Kysely<Database>, slug: string): Promise<boolean> {
  return (await db.selectFrom("tenants").select("id").where("slug", "=", slug).executeTakeFirst()) !== undefined;
}

/** Checks a wanted subdomain; when it cannot be had, offers up to three free alternatives. */
export async function checkSubdomain(db: Kysely<Database>, wanted: string, hint?: string): Promise<SubdomainCheck> {
  const slug = wanted.trim().toLowerCase();
  const problem = subdomainProblem(slug);
  if (!problem && !(await isTaken(db, slug))) return { available: true, slug };
  const base = slug.replace(/[^a-z0-9-]/g, "").replace(/^-+|-+$/g, "").replace(/^xn--/, "").slice(0, 30) || "coop";
  const hintPart = (hint ?? "").toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 12);
  const candidates = [
    `${base}-coop`,
    hintPart ? `${base}-${hintPart}` : "",
    `${base}-sahakorn`,
    ...[1, 2, 3, 4, 5, 6, 7, 8, 9].map((n) => `${base}${n}`),
  ].filter((c, i, all) => c && all.indexOf(c) === i && subdomainProblem(c) === null);
  const suggestions: string[] = [];
  for (const candidate of candidates) {
    if (suggestions.length === 3) break;
    if (!(await isTaken(db, candidate))) suggestions.push(candidate);
  }
  return { available: false, slug, reason: problem ?? "subdomain.taken", suggestions };
}
