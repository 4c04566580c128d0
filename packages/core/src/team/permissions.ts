import type { MemberRole } from "@coop/db";

/** Everything a co-op member can be allowed to do. Access rules live here and nowhere else. */
export const PERMISSIONS = {
  "dashboard.view": ["owner", "manager", "editor"],
  "products.edit": ["owner", "manager", "editor"],
  "content.edit": ["owner", "manager", "editor"],
  "settings.edit": ["owner", "manager"],
  "orders.manage": ["owner", "manager"],
  "team.manage": ["owner"],
  "billing.manage": ["owner"],
  "audit.view": ["owner"],
} as const satisfies Record<string, readonly MemberRole[]>;

export type Permission = keyof typeof PERMISSIONS;

export function can(role: MemberRole | null | undefined, permission: Permission): boolean {
  return role != null && (PERMISSIONS[permission] as readonly MemberRole[]).includes(role);
}

export function permissionsOf(role: MemberRole): Permission[] {
  return (Object.keys(PERMISSIONS) as Permission[]).filter((p) => can(role, p));
}
