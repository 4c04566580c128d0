import type { Browser, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { chromiumAvailable, demoPassword, DESKTOP, PHONE, posting, type RunningServer, serverAndBrowser, shot, signInToBackOffice } from "./harness.ts";

// Two demo co-ops in different provinces; both take PromptPay once their owner sets an id.
const COOPS = [
  { slug: "korat", promptpayId: "0812345678" },
  { slug: "buriram-rice", promptpayId: "0898765432" },
] as const;

/** Signs the co-op's owner in and sets its PromptPay id (demo co-ops start with pickup and cash only). */
async function ownerWithPromptPay(browser: Browser, server: RunningServer, slug: string, promptpayId: string): Promise<Page> {
  const site = server.url(slug);
  const email = `owner@${slug}.example.test`;
  const owner = await (await browser.newContext({ viewport: DESKTOP })).newPage();
  await signInToBackOffice(owner, site, email, demoPassword(server, email));
  await owner.goto(`${site}/admin/settings`);
  await owner.fill('[name="promptpayId"]', promptpayId);
  await posting(owner, () => owner.locator('[name="promptpayId"]').press("Enter"));
  await owner.waitForFunction((id) => (document.querySelector('[name="promptpayId"]') as HTMLInputElement | null)?.value === id, promptpayId);
  return owner;
}

/** Nothing sticks out sideways on a 360 px phone. */
async function fitsThePhone(page: Page) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
}

/** The first product of this co-op on the marketplace listing goes into the cart. */
async function addFirstProductOf(page: Page, market: string, slug: string) {
  await page.goto(`${market}/market?coop=${slug}`);
  await posting(page, () => page.getByTestId("market-add-to-cart").first().click());
  await page.getByTestId("market-added-cart-link").waitFor();
}

describe.skipIf(!chromiumAvailable)("a customer buys from two co-ops on the marketplace; each co-op sees only its own order", () => {
  const running = serverAndBrowser();

  it("one cart, one checkout, two co-op orders paid by PromptPay; each back office shows its own order and not the other's", async () => {
    const { server, browser } = running;
    const market = server.url();
    const owners = await Promise.all(COOPS.map((c) => ownerWithPromptPay(browser, server, c.slug, c.promptpayId)));

    // A customer on a phone fills one cart from two co-ops.
    const guest = await (await browser.newContext({ viewport: PHONE })).newPage();
    const errors: string[] = [];
    guest.on("pageerror", (e) => errors.push(e.message));
    for (const coop of COOPS) await addFirstProductOf(guest, market, coop.slug);
    expect(await guest.getByTestId("market-cart-count").innerText()).toBe("2");
    await guest.getByTestId("market-cart-link").click();
    await guest.waitForURL(`${market}/market/cart`);
    expect(await guest.getByTestId("market-cart-coop").count()).toBe(2);
    expect(await guest.getByTestId("market-cart-line").count()).toBe(2);
    await fitsThePhone(guest);
    await shot(guest, "market-cart-phone");

    // Checkout: the customer once, then pickup and PromptPay for each co-op.
    await guest.getByTestId("market-go-checkout").click();
    await guest.getByTestId("market-checkout-form").waitFor();
    await guest.fill('[name="name"]', "สมศรี ลูกค้าดี");
    await guest.fill('[name="phone"]', "089-123-4567");
    const coopIds = await guest.locator('input[name="coopId"]').evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value));
    expect(coopIds).toHaveLength(2);
    for (const id of coopIds) {
      await guest.check(`[name="delivery.${id}"][value="pickup"]`);
      await guest.check(`[name="payment.${id}"][value="promptpay"]`);
    }
    await fitsThePhone(guest);
    await shot(guest, "market-checkout-phone");
    await Promise.all([guest.waitForURL(/\/market\/orders\/[^/?]+\?placed=1/), guest.getByTestId("market-place").click()]);

    // The marketplace order: two parts, each with its own number and PromptPay QR, each linking to its co-op's order page.
    const parts = guest.getByTestId("market-order-part");
    expect(await parts.count()).toBe(2);
    const numbers = (await guest.getByTestId("market-part-number").allInnerTexts()).map((n) => n.trim());
    expect(new Set(numbers).size).toBe(2);
    expect(await guest.getByTestId("market-promptpay-qr").locator("svg").count()).toBe(2);
    const partLinks = await guest.getByTestId("market-part-link").evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).href));
    await fitsThePhone(guest);
    await shot(guest, "market-order-phone");
    await guest.setViewportSize(DESKTOP);
    await shot(guest, "market-order-desktop");

    // Each part's link opens that co-op's own order page with the same number.
    for (const [i, link] of partLinks.entries()) {
      await guest.goto(link);
      expect((await guest.getByTestId("order-number").innerText()).trim()).toBe(numbers[i]);
    }

    // Each co-op's back office lists its own order and not the other co-op's.
    const orderIds: string[] = [];
    for (const [i, coop] of COOPS.entries()) {
      const owner = owners[i]!;
      const site = server.url(coop.slug);
      await owner.goto(`${site}/admin/orders`);
      // The parts list their numbers and co-op links in the same order.
      const own = numbers[partLinks.findIndex((href) => href.includes(`//${coop.slug}.`))]!;
      const other = numbers.find((n) => n !== own)!;
      expect(await owner.getByText(own).count()).toBeGreaterThan(0);
      expect(await owner.getByText(other).count()).toBe(0);
      await owner.getByText(own).first().click();
      await owner.waitForURL(/\/admin\/orders\/[0-9a-f-]{36}/);
      orderIds[i] = owner.url().match(/\/admin\/orders\/([0-9a-f-]{36})/)![1]!;
    }
    // …and the other co-op's order id answers not found.
    for (const [i, coop] of COOPS.entries()) {
      const response = await owners[i]!.goto(`${server.url(coop.slug)}/admin/orders/${orderIds[1 - i]}`);
      expect(response?.status()).toBe(404);
    }
    expect(errors).toEqual([]);
  });
});
