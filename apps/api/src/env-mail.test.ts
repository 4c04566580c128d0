import { EnvError } from "@coop/config";
import { describe, expect, it } from "vitest";
import { readApiEnv } from "./env.ts";

describe("mail configuration at start", () => {
  it("defaults to the dev mailbox", () => {
    expect(readApiEnv({})).toMatchObject({ SMTP_URL: undefined, MAIL_FROM: "เครือข่ายสหกรณ์ <no-reply@localhost>" });
    expect(readApiEnv({ SMTP_URL: "smtps://mailer:pw@mail.example.com:465" }).SMTP_URL).toBe("smtps://mailer:pw@mail.example.com:465");
  });

  it("stops the start on a bad SMTP_URL, named together with the other problems", () => {
    let error: unknown;
    try {
      readApiEnv({ PORT: "eighty", SMTP_URL: "mail.example.com:587" });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(EnvError);
    const message = (error as EnvError).message;
    expect(message).toContain("PORT");
    expect(message).toMatch(/SMTP_URL="mail\.example\.com:587" is invalid: must be an smtp:\/\/ or smtps:\/\/ URL/);
  });
});
