export { AppError } from "./errors.ts";
export type { AppErrorCode, AppErrorOptions } from "./errors.ts";
// accounts
export { hashPassword, verifyPassword, generatePassword, MAX_CONCURRENT_HASHES } from "./accounts/password.ts";
export { createSession, readSession, revokeSession, revokeAllSessions, SESSION_DAYS } from "./accounts/sessions.ts";
export type { AuthUser, SessionInfo } from "./accounts/sessions.ts";
export { hitRateLimit, resetRateLimit } from "./accounts/rate-limit.ts";
export type { RateLimitRule, RateLimitResult } from "./accounts/rate-limit.ts";
export { emailSchema, passwordSchema, displayNameSchema, createUser, findUserIdByEmail } from "./accounts/users.ts";
export { issueUserToken, consumeUserToken } from "./accounts/user-tokens.ts";
export {
  signIn, requestPasswordReset, resetPassword, verifyEmail, resendVerification, consumeHandoff, signOutEverywhere, LOGIN_LIMITS,
} from "./accounts/auth.ts";
export { newToken, hashToken } from "./security/tokens.ts";
// audit and outbox
export { recordAudit } from "./audit/record.ts";
export type { AuditEntry } from "./audit/record.ts";
export { listAuditEvents } from "./audit/list.ts";
export type { AuditEventView } from "./audit/list.ts";
export { enqueueEmail } from "./outbox/enqueue.ts";
export type { EmailMessage, EmailTemplate } from "./outbox/enqueue.ts";
// teams
export { PERMISSIONS, can, permissionsOf } from "./team/permissions.ts";
export type { Permission } from "./team/permissions.ts";
export { getMemberRole } from "./team/membership.ts";
// tenants
export { parseHost } from "./tenants/host.ts";
export type { HostTarget } from "./tenants/host.ts";
export { findTenantByCustomDomain, findTenantBySlug, listActiveCoops } from "./tenants/queries.ts";
export type { PublicTenant, CoopCard, ProvinceRef, RegionRef, TenantStatus } from "./tenants/types.ts";
export { subdomainProblem, checkSubdomain, RESERVED_SUBDOMAINS } from "./tenants/subdomain.ts";
export type { SubdomainCheck, SubdomainProblem } from "./tenants/subdomain.ts";
export { signUpCoop, signUpCoopInput } from "./tenants/signup.ts";
export type { SignUpCoopInput } from "./tenants/signup.ts";
// payments
export { normalizePromptPayId, isValidThaiTaxId } from "./payments/promptpay-id.ts";
export { promptPayPayload, promptPayQrSvg, crc16Ccitt } from "./payments/promptpay-qr.ts";
// catalog
export { listPublicProducts } from "./catalog/list-public-products.ts";
export type { PublicProduct, PublicPhoto } from "./catalog/types.ts";
export {
  listTeam, inviteMember, changeMemberRole, removeMember, revokeInvitation, describeInvitation, acceptInvitation, inviteInput, acceptInvitationInput,
} from "./team/team.ts";
export type { TeamView } from "./team/team.ts";
export { coopSettingsInput, deliveryPaymentIssues, getCoopSettings, MAX_FEE_SATANG, parseBahtToSatang, updateCoopSettings } from "./tenants/settings.ts";
export type { CoopSettings, CoopSettingsPatch, DeliveryPaymentState } from "./tenants/settings.ts";
export { sendTestOrderNotice } from "./tenants/notices.ts";
export type { TestNoticeResult } from "./tenants/notices.ts";
export {
  addCustomDomain, customDomainInput, DOMAIN_TXT_LABEL, DOMAIN_VERIFY_LIMIT, getCustomDomain, normalizeCustomDomain, removeCustomDomain, verifyCustomDomain,
} from "./tenants/domains.ts";
export type { CustomDomainProblem, CustomDomainView, DomainTargets, TxtResolver, VerifyOutcome } from "./tenants/domains.ts";
export { listDistricts, listSubdistricts } from "./address/thai-address.ts";
export type { AddressOption } from "./address/thai-address.ts";
// catalog admin
export * from "./catalog/admin/index.ts";
// orders and cart
export * from "./orders/index.ts";
export * from "./cart/index.ts";
// catalog (public)
export * from "./catalog/public/index.ts";
export * from "./catalog/market/index.ts";
// knowledge network
export * from "./knowledge/index.ts";
export * from "./directory/index.ts";
export * from "./seminars/index.ts";
export * from "./search/index.ts";
export * from "./staff/index.ts";
// CSV writing (open data, staff reports)
export * from "./csv/index.ts";
// card payments (Stripe Connect)
export * from "./payments/stripe/index.ts";
export * from "./marketplace/index.ts";
