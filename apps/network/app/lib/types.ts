import type { WebLoadContext } from "@coop/trpc";

type Caller = WebLoadContext["trpc"];

/** A co-op as the network lists it, exactly as `network.listCoops` returns it. */
export type CoopCard = Awaited<ReturnType<Caller["network"]["listCoops"]>>["items"][number];
