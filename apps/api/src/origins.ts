import type { PublicOrigins } from "@coop/trpc";

/** Public addresses of the network and of co-op sites, from PUBLIC_URL or ROOT_DOMAIN and PORT. */
export function publicOrigins(env: { PUBLIC_URL?: string; ROOT_DOMAIN: string; PORT: number }): PublicOrigins {
  const base = new URL(env.PUBLIC_URL ?? `http://${env.ROOT_DOMAIN}:${env.PORT}`);
  const port = base.port ? `:${base.port}` : "";
  return {
    network: `${base.protocol}//${base.hostname}${port}`,
    coopTemplate: `${base.protocol}//{slug}.${base.hostname}${port}`,
  };
}
