import type { WebLoadContext } from "@coop/trpc";

export type Caller = WebLoadContext["trpc"];
export type Province = Awaited<ReturnType<Caller["signup"]["provinces"]>>["items"][number];
export type District = Awaited<ReturnType<Caller["address"]["districts"]>>["items"][number];
export type Subdistrict = Awaited<ReturnType<Caller["address"]["subdistricts"]>>["items"][number];

export interface AddressOptions {
  districts: District[];
  subdistricts: Subdistrict[];
}
