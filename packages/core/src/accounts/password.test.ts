import { describe, expect, it } from "vitest";
import { generatePassword, hashPassword, verifyPassword } from "./password.ts";

describe("passwords", () => {
  it("hash with argon2id at OWASP parameters and verify", async () => {
    const hash = await hashPassword("ข้าวหอมมะลิ-2569");
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await verifyPassword(hash, "ข้าวหอมมะลิ-2569")).toBe(true);
    expect(await verifyPassword(hash, "ข้าวหอมมะลิ-2568")).toBe(false);
    expect(await verifyPassword("not-a-hash", "x")).toBe(false);
  });

  it("generates distinct, readable passwords", () => {
    const a = generatePassword();
    expect(a).toMatch(/^[a-zA-Z2-9]{4}(-[a-zA-Z2-9]{4}){3}$/);
    expect(generatePassword()).not.toBe(a);
  });
});
