import { describe, expect, it } from "vitest";
import { createLimiter } from "./concurrency.ts";

describe("createLimiter", () => {
  it("never runs more than max jobs at once, and runs them all", async () => {
    const limit = createLimiter(2);
    let active = 0;
    let peak = 0;
    const results = await Promise.all(
      Array.from({ length: 7 }, (_, i) =>
        limit(async () => {
          active++;
          peak = Math.max(peak, active);
          await new Promise((r) => setTimeout(r, 5));
          active--;
          return i;
        }),
      ),
    );
    expect(results).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(peak).toBe(2);
  });

  it("frees the slot when a job fails", async () => {
    const limit = createLimiter(1);
    await expect(limit(async () => Promise.reject(new Error("no")))).rejects.toThrow("no");
    expect(await limit(async () => "next")).toBe("next");
  });
});
