import { type Locale, t } from "@coop/i18n";

/** What every action returns when a procedure refused its input (status 400). */
export interface FormErrors {
  /** A message for the whole form (wrong password, too many attempts…), as a message key. */
  formError?: string;
  /** Field name → message key. */
  fields: Record<string, string>;
  /** Placeholders for the messages (e.g. `minutes`). */
  params: Record<string, string | number>;
}

interface AppErrorLike {
  messageKey: string;
  fields?: Record<string, string> | null;
  params?: Record<string, string | number> | null;
}

interface ZodErrorLike {
  issues: { path: PropertyKey[]; message: string }[];
}

const MESSAGE_KEY = /^[a-z_]+\.[a-z_.]+$/;

function isAppErrorLike(value: unknown): value is AppErrorLike {
  return typeof value === "object" && value !== null && typeof (value as AppErrorLike).messageKey === "string";
}

function isZodErrorLike(value: unknown): value is ZodErrorLike {
  return typeof value === "object" && value !== null && Array.isArray((value as ZodErrorLike).issues);
}

/** The tRPC code of an error the in-process caller threw ("UNAUTHORIZED", "FORBIDDEN"…), if it is one. */
export function trpcCodeOf(error: unknown): string | undefined {
  if (!(error instanceof Error) || error.name !== "TRPCError") return undefined;
  const code = (error as Error & { code?: unknown }).code;
  return typeof code === "string" ? code : undefined;
}

/**
 * Turns a refusal from a procedure (an `AppError` or an input schema's issues, carried as the
 * TRPCError's cause) into form errors. Anything else is a real failure: it is rethrown so the
 * error boundary shows it and the server logs it.
 */
export function formErrors(error: unknown): FormErrors {
  const code = trpcCodeOf(error);
  const cause = error instanceof Error ? error.cause : undefined;
  if (code && code !== "INTERNAL_SERVER_ERROR" && isAppErrorLike(cause)) {
    const fields = { ...(cause.fields ?? {}) };
    const shownOnAField = Object.values(fields).includes(cause.messageKey);
    return {
      ...(shownOnAField ? {} : { formError: cause.messageKey }),
      fields,
      params: { ...(cause.params ?? {}) },
    };
  }
  if (code === "BAD_REQUEST" && isZodErrorLike(cause)) {
    const fields: Record<string, string> = {};
    for (const issue of cause.issues) {
      const path = issue.path.map(String).join(".") || "_";
      fields[path] ??= MESSAGE_KEY.test(issue.message) ? issue.message : "validation.invalid";
    }
    return { fields, params: {} };
  }
  throw error;
}

/**
 * A length rule broken by an empty box reads better as "please fill this in" (the schemas
 * only say "too short").
 */
export function requiredWhenEmpty(errors: FormErrors, values: Record<string, string>): FormErrors {
  const fields = { ...errors.fields };
  for (const [name, key] of Object.entries(fields)) {
    if (key === "validation.too_short" && values[name]?.trim() === "") fields[name] = "validation.required";
  }
  return { ...errors, fields };
}

type LooseTranslate = (locale: Locale, key: string, params?: Record<string, string | number>) => string | undefined;

/**
 * Translates a message key that arrived at run time (from the server), falling back to a
 * generic message for a key the catalogue does not have yet.
 */
export function translateKey(locale: Locale, key: string | undefined, params?: Record<string, string | number>): string {
  const loose = t as unknown as LooseTranslate;
  if (key && typeof loose(locale, key) === "string") return loose(locale, key, params ?? {}) ?? key;
  return t(locale, "validation.invalid");
}
