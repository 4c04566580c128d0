import { EnvError } from "@coop/config";
import { describe, expect, it } from "vitest";
import { DEFAULT_MAIL_FROM, readMailEnv } from "./env.ts";

describe("mail configuration", () => {
  it("defaults to the dev mailbox and the network's no-reply sender", () => {
    expect(readMailEnv({})).toEqual({ SMTP_URL: undefined, MAIL_FROM: DEFAULT_MAIL_FROM });
    expect(readMailEnv({ SMTP_URL: "  " }).SMTP_URL).toBeUndefined();
  });

  it("accepts smtp:// and smtps:// URLs", () => {
    expect(readMailEnv({ SMTP_URL: "smtp://user:pa%40ss@mail.example.com:587" }).SMTP_URL).toBe("smtp://user:pa%40ss@mail.example.com:587");
    expect(readMailEnv({ SMTP_URL: "smtps://mail.example.com" }).SMTP_URL).toBe("smtps://mail.example.com");
  });

  it("names a bad SMTP_URL or MAIL_FROM with what is expected", () => {
    for (const bad of ["https://mail.example.com", "mail.example.com:587", "smtp://"]) {
      expect(() => readMailEnv({ SMTP_URL: bad })).toThrow(EnvError);
      expect(() => readMailEnv({ SMTP_URL: bad })).toThrow(/SMTP_URL.*smtp:\/\/ or smtps:\/\//);
    }
    expect(() => readMailEnv({ MAIL_FROM: "no-reply" })).toThrow(/MAIL_FROM.*e-mail address/);
    expect(readMailEnv({ MAIL_FROM: "Sahakorn <hello@sahakorn.example>" }).MAIL_FROM).toBe("Sahakorn <hello@sahakorn.example>");
  });
});
