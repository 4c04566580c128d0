/** What a request's Host header names, before looking anything up. */
export type HostTarget =
  | { kind: "network" }
  | { kind: "coop"; slug: string }
  | { kind: "foreign"; host: string };

const LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

/**
 * `<ROOT_DOMAIN>` and `www.<ROOT_DOMAIN>` are the network; `<slug>.<ROOT_DOMAIN>` is a co-op;
 * anything else (another domain, nested subdomains, malformed hosts) is foreign.
 */
export function parseHost(hostHeader: string | undefined | null, rootDomain: string): HostTarget {
  const host = (hostHeader ?? "").trim().toLowerCase().replace(/:\d+$/, "").replace(/\.$/, "");
  const root = rootDomain.toLowerCase();
  if (host === root || host === `www.${root}`) return { kind: "network" };
  if (host.endsWith(`.${root}`)) {
    const label = host.slice(0, -(root.length + 1));
    if (LABEL.test(label)) return { kind: "coop", slug: label };
  }
  return { kind: "foreign", host };
}
