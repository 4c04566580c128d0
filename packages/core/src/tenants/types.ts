export type { TenantStatus } from "@coop/db";
import type { TenantStatus } from "@coop/db";

export interface ProvinceRef {
  code: number;
  nameTh: string;
  nameEn: string;
}

export interface RegionRef {
  id: number;
  nameTh: string;
  nameEn: string;
}

/** What anyone may know about a co-op: shown on its site and on the network. */
export interface PublicTenant {
  id: string;
  slug: string;
  nameTh: string;
  nameEn: string | null;
  storyTh: string | null;
  storyEn: string | null;
  status: TenantStatus;
  province: ProvinceRef;
  region: RegionRef;
  /** "#rrggbb", chosen in the back office. */
  themeColor: string;
  logoUrl: string | null;
  coverUrl: string | null;
}

/** A co-op as listed on the network home. */
export type CoopCard = Omit<PublicTenant, "id" | "status" | "themeColor" | "coverUrl">;
