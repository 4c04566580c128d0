import { ZodError } from "zod";

export interface ErrorInfo {
  /** tRPC code, e.g. BAD_REQUEST, UNAUTHORIZED, FORBIDDEN, NOT_FOUND, TOO_MANY_REQUESTS */
  code: string;
  /** i18n key of the message for the user */
  messageKey: string;
  /** form field → i18n key */
  fields: Record<string, string>;
  params: Record<string, string | number>;
}

const KEY = /^[a-z_]+\.[a-z_.]+$/;

/**
 * What a failed procedure call means for a form, whether it failed validation (zod) or a
 * domain rule (AppError): use in React Router actions to show field-level messages.
 */
export function errorInfo(error: unknown): ErrorInfo {
  const e = error as { code?: string; message?: string; cause?: unknown } | null;
  const code = typeof e?.code === "string" ? e.code : "INTERNAL_SERVER_ERROR";
  const cause = e?.cause;
  if (cause instanceof ZodError) {
    const fields: Record<string, string> = {};
    for (const issue of cause.issues) {
      const path = issue.path.join(".") || "_";
      fields[path] ??= KEY.test(issue.message) ? issue.message : "validation.invalid";
    }
    return { code, messageKey: "validation.invalid", fields, params: {} };
  }
  const app = cause as { messageKey?: unknown; fields?: unknown; params?: unknown } | undefined;
  if (app && typeof app.messageKey === "string") {
    return {
      code,
      messageKey: app.messageKey,
      fields: (app.fields as Record<string, string> | undefined) ?? {},
      params: (app.params as Record<string, string | number> | undefined) ?? {},
    };
  }
  return { code, messageKey: code === "INTERNAL_SERVER_ERROR" ? "error.internal" : "error.unknown", fields: {}, params: {} };
}
