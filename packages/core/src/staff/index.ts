// Public entry of the staff domain: the regional staff console (region scoping, co-op health, approve/suspend/restore, audit).
export { loadStaffScope, withStaffScope, coopInScope, describeStaffScope } from "./scope.ts";
export type { StaffScope, ScopedCoop, StaffScopeView } from "./scope.ts";
export { listStaffCoops, getStaffCoop } from "./coops.ts";
export type { StaffCoopRow, StaffCoopDetail, CoopHealth, HealthParts, SiteField } from "./coops.ts";
export { regionOverview } from "./overview.ts";
export type { RegionOverview, OrderFigures, MonthFigures } from "./overview.ts";
export * from "./overview-coop.ts";
export { approveCoop, suspendCoop, restoreCoop } from "./actions.ts";
export type { CoopStatusChange, CoopStatusNotice } from "./actions.ts";
export { recordStaffAudit, listStaffAudit } from "./audit.ts";
export type { StaffAuditEntry, StaffAuditView } from "./audit.ts";
export { createStaffAccount, createStaffInput } from "./accounts.ts";
export type { CreateStaffInput, CreatedStaff } from "./accounts.ts";
export { listCoopsInput, coopIdInput, suspendCoopInput, auditLogInput, regionOverviewInput, COOP_SORTS, STAFF_MAX_PAGE_SIZE, OVERVIEW_MAX_DAYS } from "./schemas.ts";
export type { ListCoopsInput, SuspendCoopInput, AuditLogInput, RegionOverviewInput, CoopSort } from "./schemas.ts";
export * from "./reports.ts";
export * from "./coop-network.ts";
