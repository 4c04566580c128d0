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
});
