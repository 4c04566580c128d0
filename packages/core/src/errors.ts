/**
 * The one error type of the domain. `code` decides the HTTP/tRPC status (mapped in one place,
 * @coop/trpc); `messageKey` names a translated message for the user; `detail` is for logs.
 */
export type AppErrorCode =
  | "NOT_FOUND"
  | "UNAUTHENTICATED"
  | "FORBIDDEN"
  | "VALIDATION"
  | "CONFLICT"
  | "RATE_LIMITED"
  | "SITE_SUSPENDED"
  | "UNAVAILABLE";

export class AppError extends Error {
  constructor(
    readonly code: AppErrorCode,
    readonly messageKey: string,
    readonly detail?: string,
    readonly fields?: Record<string, string>,
  ) {
    super(detail ? `${code}: ${messageKey} (${detail})` : `${code}: ${messageKey}`);
    this.name = "AppError";
  }
}
