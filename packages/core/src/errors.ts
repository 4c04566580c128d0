/**
 * The one error type of the domain. `code` decides the HTTP/tRPC status (mapped in one place,
 * @coop/trpc); `messageKey` names a translated message for the user; `fields` maps form
 * fields to message keys; `params` fills placeholders; `detail` is for logs only.
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

export interface AppErrorOptions {
  detail?: string;
  fields?: Record<string, string>;
  params?: Record<string, string | number>;
}

export class AppError extends Error {
  readonly detail: string | undefined;
  readonly fields: Record<string, string> | undefined;
  readonly params: Record<string, string | number> | undefined;

  constructor(
    readonly code: AppErrorCode,
    readonly messageKey: string,
    options: AppErrorOptions = {},
  ) {
    super(options.detail ? `${code}: ${messageKey} (${options.detail})` : `${code}: ${messageKey}`);
    this.name = "AppError";
    this.detail = options.detail;
    this.fields = options.fields;
    this.params = options.params;
  }
}
