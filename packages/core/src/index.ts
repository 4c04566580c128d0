export { AppError } from "./errors.ts";
export type { AppErrorCode } from "./errors.ts";
export { hashPassword, verifyPassword, generatePassword, MAX_CONCURRENT_HASHES } from "./accounts/password.ts";
export { parseHost } from "./tenants/host.ts";
export type { HostTarget } from "./tenants/host.ts";
export { findTenantBySlug, listActiveCoops } from "./tenants/queries.ts";
export type { PublicTenant, CoopCard, ProvinceRef, RegionRef, TenantStatus } from "./tenants/types.ts";
export { listPublicProducts } from "./catalog/list-public-products.ts";
export type { PublicProduct } from "./catalog/types.ts";
