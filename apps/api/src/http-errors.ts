import type { AppError } from "@coop/core";
import type { ContentfulStatusCode } from "hono/utils/http-status";

/**
 * How a domain error is answered by the plain HTTP routes (uploads, slips): the same table as
 * tRPC's, plus the two upload-specific statuses.
 */
export function httpStatusOf(error: AppError): ContentfulStatusCode {
  if (error.messageKey === "media.too_large") return 413;
  if (error.messageKey === "media.unsupported_type") return 415;
  const byCode: Record<AppError["code"], ContentfulStatusCode> = {
    NOT_FOUND: 404,
    UNAUTHENTICATED: 401,
    FORBIDDEN: 403,
    VALIDATION: 400,
    CONFLICT: 409,
    RATE_LIMITED: 429,
    SITE_SUSPENDED: 404,
    UNAVAILABLE: 503,
  };
  return byCode[error.code];
}

/** The JSON body of a refusal: the message key (translated by the page) and its parameters. */
export const errorBody = (messageKey: string, params?: Record<string, string | number>) => (params ? { error: messageKey, params } : { error: messageKey });
