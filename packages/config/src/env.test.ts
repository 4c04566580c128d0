import { describe, expect, it } from "vitest";
import { z } from "zod";
import { EnvError, parseEnv, postgresUrl } from "./env.ts";

const schema = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  DATABASE_URL: postgresUrl.optional(),
  SECRET: z.string().min(8),
});

describe("parseEnv", () => {
  it("applies defaults and treats empty strings as unset", () => {
    const env = parseEnv(schema, { PORT: "", SECRET: "long-enough" });
    expect(env).toEqual({ PORT: 3000, DATABASE_URL: undefined, SECRET: "long-enough" });
  });

  it("names every bad variable in one message", () => {
    let error: unknown;
    try {
      parseEnv(schema, { PORT: "http", DATABASE_URL: "mysql://x" });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(EnvError);
    const message = (error as EnvError).message;
    expect(message).toContain('PORT="http" is invalid');
    expect(message).toContain("DATABASE_URL");
    expect(message).toContain("postgres:// connection URL");
    expect(message).toContain("SECRET is missing");
    expect((error as EnvError).problems).toHaveLength(3);
  });

  it("never prints a password from a bad URL", () => {
    const withUrl = z.object({ DATABASE_URL: postgresUrl, API_SECRET_KEY: z.string().min(30) });
    let message = "";
    try {
      parseEnv(withUrl, { DATABASE_URL: "mysql://app:hunter2@db/x", API_SECRET_KEY: "short-secret" });
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toContain("mysql://app:***@db/x");
    expect(message).not.toContain("hunter2");
    expect(message).not.toContain("short-secret");
  });
});
