import { mkdirSync } from "node:fs";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDistinctProducts, chromiumAvailable, demoPassword, DESKTOP, launchBrowser, PHONE, posting, type RunningServer, SCREENSHOT_DIR, shot, signInToBackOffice, startServer } from "./harness.ts";

describe.skipIf(!chromiumAvailable)("a guest buys two products by parcel with PromptPay, pays by slip; the co-op ships", () => {
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

  it("parcel fee by the customer's province, slip upload, accept, pack, ship; the tracking link shows each step", async () => {
    const korat = server.url("korat");
    // The co-op (Nakhon Ratchasima) turns on PromptPay and parcels: 40 in its province, 60 to Bangkok, none further.
    const owner = await (await browser.newContext({ viewport: DESKTOP })).newPage();
    await signInToBackOffice(owner, korat, "owner@korat.example.test", ownerPassword);
    await owner.goto(`${korat}/admin/settings`);
    await owner.fill('[name="promptpayId"]', "0812345678");
    await owner.check('[name="parcelEnabled"]');
    await owner.fill('[name="parcelFeeProvince"]', "40");
    await owner.fill('[name="parcelFeeBangkok"]', "60");
    await owner.fill('[name="parcelFeeRegion"]', "");
    await owner.fill('[name="parcelFeeCountry"]', "");
    await posting(owner, () => owner.locator('[name="promptpayId"]').press("Enter"));
    await owner.waitForFunction(() => (document.querySelector('[name="parcelFeeBangkok"]') as HTMLInputElement | null)?.value === "60");

    // A guest on a phone buys two products, by parcel to Bangkok.
    const guest = await (await browser.newContext({ viewport: PHONE })).newPage();
    const errors: string[] = [];
    guest.on("pageerror", (e) => errors.push(e.message));
    await guest.goto(korat);
    await addDistinctProducts(guest, 2);
    await guest.goto(`${korat}/cart`);
    expect(await guest.getByTestId("cart-line").count()).toBe(2);
    await guest.getByTestId("go-checkout").click();
    await guest.getByTestId("checkout-form").waitFor();
    await guest.fill('[name="name"]', "สมศรี ลูกค้าดี");
    await guest.fill('[name="phone"]', "089-123-4567");
    await guest.fill('[name="email"]', "somsri@example.test");
    await guest.check('[name="deliveryMethod"][value="parcel"]');
    await guest.fill('[name="addressLine"]', "99/9 ซอยสุขุมวิท 1");
    // Chiang Mai: the co-op sends no parcels there, and says so at once.
    await guest.selectOption('[name="addressProvinceCode"]', "50");
    expect(await guest.getByTestId("delivery-fee-parcel").innerText()).toContain("ไม่ส่งพัสดุ");
    await guest.selectOption('[name="addressProvinceCode"]', "10");
    expect(await guest.getByTestId("delivery-fee-parcel").innerText()).toBe("+฿60");
    await guest.locator('[name="addressDistrict"] option:nth-child(2)').waitFor({ state: "attached" });
    await guest.selectOption('[name="addressDistrict"]', { index: 1 });
    await guest.locator('[name="addressSubdistrict"] option:nth-child(2)').waitFor({ state: "attached" });
    await guest.selectOption('[name="addressSubdistrict"]', { index: 1 });
    await guest.check('[name="paymentMethod"][value="promptpay"]');
    await shot(guest, "shop-checkout-parcel-phone");
    await Promise.all([guest.waitForURL(/\/orders\/[^/?]+\?placed=1/), guest.locator('[name="name"]').press("Enter")]);
    const number = (await guest.getByTestId("order-number").innerText()).trim();
    expect(number).toMatch(/^[A-Z]{2}-\d{6}$/);
    expect(await guest.getByTestId("promptpay-qr").locator("svg").count()).toBe(1);
    const trackingUrl = guest.url().split("?")[0]!;

    // The guest uploads the transfer slip on the tracking page.
    const slip = await guest.screenshot({ type: "png" });
    await guest.setInputFiles('[name="file"]', { name: "slip.png", mimeType: "image/png", buffer: slip });
    await posting(guest, () => guest.locator('form[enctype="multipart/form-data"] button[type="submit"]').click());
    expect(await guest.locator('[role="alert"]').count()).toBe(0);
    await guest.goto(trackingUrl);
    expect(await guest.getByTestId("order-status").getAttribute("data-status")).toBe("payment_review");
    expect(await guest.getByTestId("slip-thumbnail").count()).toBeGreaterThan(0);

    // The co-op accepts the slip, packs and ships; the order kept the Bangkok parcel fee.
    await owner.goto(`${korat}/admin/orders`);
    await owner.getByText(number).first().click();
    await owner.waitForURL(/\/admin\/orders\/[0-9a-f-]{36}/);
    expect(await owner.locator("dt", { hasText: "ค่าจัดส่ง" }).locator("xpath=following-sibling::dd").first().innerText()).toBe("฿60");
    for (const to of ["paid", "packed", "shipped"]) {
      await posting(owner, () => owner.locator(`button[name="to"][value="${to}"]`).click());
      await owner.locator(`button[name="to"]`).first().waitFor();
    }
    await shot(owner, "admin-order-shipped-desktop");

    // The tracking link shows every step, in order.
    await guest.goto(trackingUrl);
    expect(await guest.getByTestId("order-status").getAttribute("data-status")).toBe("shipped");
    const history = guest.getByTestId("order-history").locator("li");
    expect(await history.count()).toBe(5);
    await shot(guest, "shop-order-shipped-phone");
    expect(errors).toEqual([]);
  });
});
