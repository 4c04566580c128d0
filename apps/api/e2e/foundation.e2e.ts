import path from "node:path";
import { describe, expect, it } from "vitest";
import { chromiumAvailable, DESKTOP, PHONE, SCREENSHOT_DIR, serverAndBrowser } from "./harness.ts";

describe.skipIf(!chromiumAvailable)("foundation journey in Chromium", () => {
  const running = serverAndBrowser();

  it("goes from the network home to the korat co-op and sees its products in Thai", async () => {
    const { server, browser } = running;
    const page = await browser.newPage({ viewport: PHONE });
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await page.goto(server.url());
    expect(await page.getAttribute("html", "lang")).toBe("th");
    const cards = page.getByTestId("coop-card");
    expect(await cards.count()).toBeGreaterThanOrEqual(3);
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, "network-home-phone.png"), fullPage: true });

    await page.getByRole("link", { name: "สหกรณ์การเกษตรเมืองนครราชสีมา จำกัด" }).first().click();
    await page.waitForURL(`${server.url("korat")}/**`);
    const products = page.getByTestId("product-card");
    await products.first().waitFor();
    expect(await products.count()).toBeGreaterThanOrEqual(8);
    const text = await page.locator("main").innerText();
    expect(text).toContain("ข้าวหอมมะลิ");
    expect(text).toMatch(/฿[\d,]+/);
    expect(text).toContain("กก.");
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, "korat-home-phone.png"), fullPage: true });
    await page.setViewportSize(DESKTOP);
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, "korat-home-desktop.png"), fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
  });

  it("switches the co-op site to English and back without JavaScript", async () => {
    const { server, browser } = running;
    const context = await browser.newContext({ viewport: DESKTOP, javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(server.url("korat"));
    await page.getByRole("link", { name: "English" }).click();
    await page.getByTestId("product-card").first().waitFor();
    expect(await page.getAttribute("html", "lang")).toBe("en");
    expect(await page.locator("main").innerText()).toContain("jasmine rice");
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, "korat-home-en-desktop.png"), fullPage: true });
    await page.getByRole("link", { name: "ไทย" }).click();
    expect(await page.getAttribute("html", "lang")).toBe("th");
    await context.close();
  });

  it("shows a proper 404 page for an unknown co-op", async () => {
    const { server, browser } = running;
    const page = await browser.newPage({ viewport: PHONE });
    const response = await page.goto(server.url("no-such-coop"));
    expect(response?.status()).toBe(404);
    expect(await page.locator("body").innerText()).toContain("ไม่พบเว็บไซต์สหกรณ์");
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, "unknown-coop-phone.png"), fullPage: true });
    await page.close();
  });
});
