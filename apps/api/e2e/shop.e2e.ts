import { mkdirSync } from "node:fs";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDistinctProducts, chromiumAvailable, demoPassword, DESKTOP, launchBrowser, PHONE, posting, type RunningServer, SCREENSHOT_DIR, shot, signInToBackOffice, startServer } from "./harness.ts";

describe.skipIf(!chromiumAvailable)("a guest buys from a co-op with PromptPay in Chromium", () => {
  let server: RunningServer;
  let browser: Browser;
  let ownerPassword: string;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    ownerPassword = demoPassword(server, "owner@korat.example.test");
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("guest buys two products, the co-op moves the order along, the tracking page shows each step", async () => {
    const korat = server.url("korat");
    // The co-op sets its PromptPay ID.
    const owner = await (await browser.newContext({ viewport: DESKTOP })).newPage();
    await signInToBackOffice(owner, korat, "owner@korat.example.test", ownerPassword);
    await owner.goto(`${korat}/admin/settings`);
    await owner.fill('[name="promptpayId"]', "0812345678");
    await posting(owner, () => owner.locator('[name="promptpayId"]').press("Enter"));
    await owner.waitForFunction(() => (document.querySelector('[name="promptpayId"]') as HTMLInputElement | null)?.value === "0812345678");

    // A guest on a phone puts two products in the cart and checks out.
    const guest = await (await browser.newContext({ viewport: PHONE })).newPage();
    const errors: string[] = [];
    guest.on("pageerror", (e) => errors.push(e.message));
    await guest.goto(korat);
    await addDistinctProducts(guest, 2);
    await guest.goto(`${korat}/cart`);
    expect(await guest.getByTestId("cart-line").count()).toBe(2);
    await shot(guest, "shop-cart-phone");
    await guest.getByTestId("go-checkout").click();
    await guest.getByTestId("checkout-form").waitFor();
    await guest.fill('[name="name"]', "สมศรี ลูกค้าดี");
    await guest.fill('[name="phone"]', "089-123-4567");
    await guest.check('[name="deliveryMethod"][value="pickup"]');
    await guest.check('[name="paymentMethod"][value="promptpay"]');
    await shot(guest, "shop-checkout-phone");
    await Promise.all([guest.waitForURL(/\/orders\/[^/?]+\?placed=1/), guest.locator('[name="name"]').press("Enter")]);
    const number = (await guest.getByTestId("order-number").innerText()).trim();
    expect(number).toMatch(/KO-\d{6}|[A-Z]{2}-\d{6}/);
    expect(await guest.getByTestId("promptpay-qr").locator("svg").count()).toBe(1);
    expect(await guest.getByTestId("promptpay-amount").innerText()).toMatch(/฿[\d,]+/);
    await shot(guest, "shop-order-promptpay-phone");
    const trackingUrl = guest.url().split("?")[0]!;

    // The co-op sees the order and moves it along.
    await owner.goto(`${korat}/admin/orders`);
    await owner.getByText(number).first().click();
    await owner.waitForURL(/\/admin\/orders\/[0-9a-f-]{36}/);
    for (const to of ["payment_review", "paid", "packed", "ready_for_pickup"]) {
      await posting(owner, () => owner.locator(`button[name="to"][value="${to}"]`).click());
      await owner.locator(`button[name="to"]`).first().waitFor();
    }
    await shot(owner, "admin-order-desktop");

    // The tracking link shows every step.
    await guest.goto(trackingUrl);
    expect(await guest.getByTestId("order-status").getAttribute("data-status")).toBe("ready_for_pickup");
    expect(await guest.getByTestId("order-history").locator("li").count()).toBeGreaterThanOrEqual(5);
    await shot(guest, "shop-order-tracking-phone");
    expect(errors).toEqual([]);
  });
});
