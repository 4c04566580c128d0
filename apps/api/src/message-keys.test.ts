/**
 * Every message key the domain and the procedures can send to a user must have a Thai and an
 * English text: otherwise a person would see "auth.link_invalid" instead of a sentence.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { PERMISSIONS } from "@coop/core";
import { MEDIA_DELETE_KIND } from "@coop/core/media";
import { t, type Locale } from "@coop/i18n";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "../../..");
const SOURCES = ["packages/core/src", "packages/trpc/src"].map((d) => path.join(ROOT, d));
// Audit actions (`action: "team.invite"`) and outbox kinds are identifiers, not messages; "orders." is
// left out because Kysely column references (orders.number) share its shape.
const KEY = /(?<!(?:action|kind):\s*)["'`]((?:auth|team|settings|validation|subdomain|media|catalog|site|cart|checkout|shop|knowledge|directory|seminar|search|staff|coopStatus|payments|market)\.[a-z_]+(?:\.[a-z_]+)*)["'`]/g;
const NOT_MESSAGES = new Set<string>([...Object.keys(PERMISSIONS), MEDIA_DELETE_KIND]);

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return name === "fixtures" ? [] : files(full);
    return /\.ts$/.test(name) && !/\.test\.ts$/.test(name) ? [full] : [];
  });
}

function usedKeys(): string[] {
  const keys = new Set<string>();
  for (const file of SOURCES.flatMap(files)) {
    const code = readFileSync(file, "utf8")
      .split("\n")
      .filter((line) => !/^\s*(\*|\/\/|\/\*)/.test(line))
      .join("\n");
    for (const match of code.matchAll(KEY)) if (!NOT_MESSAGES.has(match[1]!)) keys.add(match[1]!);
  }
  return [...keys].sort();
}

describe("user-facing message keys", () => {
  const keys = usedKeys();
  it("finds the keys in the source", () => {
    expect(keys.length).toBeGreaterThan(20);
  });
  it.each(["th", "en"] as Locale[])("all have a %s text", (locale) => {
    const missing = keys.filter((key) => {
      const text: unknown = t(locale, key as never);
      return typeof text !== "string" || text === key;
    });
    expect(missing).toEqual([]);
  });
});
