import type { Site, WebLoadContext } from "@coop/trpc";

type Caller = WebLoadContext["trpc"];

/** What the public may know about this co-op (the tenant named by the Host). */
export type PublicTenant = Extract<Site, { kind: "coop" }>["tenant"];
/** A product as the public sees it, exactly as `catalog.listPublicProducts` returns it. */
export type PublicProduct = Awaited<ReturnType<Caller["catalog"]["listPublicProducts"]>>["items"][number];
