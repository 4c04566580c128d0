export type TenantStatus = "pending" | "active" | "suspended";

/** What anyone may know about a co-op: shown on its site and on the network. */
export interface PublicTenant {
  id: string;
  slug: string;
  nameTh: string;
  nameEn: string | null;
  storyTh: string | null;
  storyEn: string | null;
  status: TenantStatus;
  province: { code: number; nameTh: string; nameEn: string };
  region: { id: number; nameTh: string; nameEn: string };
}
