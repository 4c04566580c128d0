import { z } from "zod";

/** Thrown when the environment is missing or malformed; the message lists every problem. */
export class EnvError extends Error {
  constructor(public readonly problems: string[]) {
    super(
      `Configuration problem${problems.length > 1 ? "s" : ""}:\n` +
        problems.map((p) => `  - ${p}`).join("\n") +
        "\nSee the configuration table in README.md.",
    );
    this.name = "EnvError";
  }
}

/**
 * Parse `source` (normally `process.env`) with `schema`. Each bad or missing variable is
 * reported by name with the reason, so an operator can fix them all in one go.
 */
export function parseEnv<S extends z.ZodObject>(
  schema: S,
  source: Record<string, string | undefined> = process.env,
): z.infer<S> {
  const cleaned: Record<string, string | undefined> = {};
  for (const key of Object.keys(schema.shape)) {
    const value = source[key];
    // An empty variable (`FOO=`) means "not set", as it does for most twelve-factor apps.
    cleaned[key] = value === undefined || value.trim() === "" ? undefined : value;
  }
  const result = schema.safeParse(cleaned);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => {
    const name = issue.path.join(".") || "(environment)";
    const got = cleaned[String(issue.path[0])];
    return got === undefined
      ? `${name} is missing or invalid: ${issue.message}`
      : `${name}=${JSON.stringify(redact(name, got))} is invalid: ${issue.message}`;
  });
  throw new EnvError(problems);
}

/** Error messages must not leak secrets: hide secret-looking values and URL passwords. */
function redact(name: string, value: string): string {
  if (/SECRET|PASSWORD|TOKEN|_KEY/i.test(name)) return "(hidden)";
  return value.replace(/\/\/([^:/@]*):[^@/]*@/, "//$1:***@");
}

/** A `postgres://` or `postgresql://` connection string. */
export const postgresUrl = z
  .string()
  .refine((v) => /^postgres(ql)?:\/\//.test(v), "must be a postgres:// connection URL");

/** "1", "true", "yes" → true; "0", "false", "no" → false. */
export const booleanFlag = z
  .enum(["1", "0", "true", "false", "yes", "no"], { message: "must be true or false" })
  .transform((v) => v === "1" || v === "true" || v === "yes");
