import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Browser } from "playwright-core";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chromiumAvailable, DESKTOP, launchBrowser, linkFromMailbox, PHONE, type RunningServer, SCREENSHOT_DIR, shot, signInToBackOffice, startServer, submitWith } from "./harness.ts";

const SLUG = "e2e-rice";
const OWNER = { email: "owner@e2e-rice.test", password: "รหัสผ่าน-ยาวพอ-2569" };
const EDITOR = { email: "editor@e2e-rice.test", password: "editor-password-2569", name: "ผู้ช่วยทดสอบ" };

describe.skipIf(!chromiumAvailable)("co-op back office journey in Chromium", () => {
  let server: RunningServer;
  let browser: Browser;
  let photoFile: string;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    // A real phone-like photo: JPEG with EXIF.
    const dir = mkdtempSync(path.join(tmpdir(), "coop-photo-"));
    photoFile = path.join(dir, "rice.jpg");
    const jpeg = await sharp({ create: { width: 1200, height: 900, channels: 3, background: { r: 196, g: 170, b: 90 } } })
      .composite([{ input: Buffer.from('<svg width="1200" height="900"><circle cx="600" cy="450" r="300" fill="#3b5b29"/></svg>') }])
      .jpeg()
      .withMetadata({ exif: { IFD0: { Make: "E2E Phone" } } })
      .toBuffer();
    writeFileSync(photoFile, jpeg);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("signs a co-op up, sets PromptPay, adds a product with a photo and sees it on the site", async () => {
    const context = await browser.newContext({ viewport: PHONE });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));

    await page.goto(`${server.url()}/signup`);
    await page.fill('[name="nameTh"]', "สหกรณ์การเกษตรทดสอบระบบ จำกัด");
    await page.fill('[name="registrationNo"]', "นม 0999/2569");
    await page.selectOption('[name="provinceCode"]', "30");
    await page.fill('[name="contactName"]', "สมหญิง ทดสอบ");
    await page.fill('[name="email"]', OWNER.email);
    await page.fill('[name="password"]', OWNER.password);
    await page.fill('[name="slug"]', "admin");
    await shot(page, "signup-phone");
    await page.fill('[name="slug"]', SLUG);
    await Promise.all([page.waitForURL(`${server.url(SLUG)}/admin**`), page.locator('[name="slug"]').press("Enter")]);
    expect(await page.locator("body").innerText()).toContain("สหกรณ์การเกษตรทดสอบระบบ จำกัด");
    await shot(page, "admin-dashboard-phone");

    await page.goto(`${server.url(SLUG)}/admin/settings`);
    await page.fill('[name="promptpayId"]', "1234567890123"); // bad checksum
    await submitWith(page, "promptpayId");
    await page.locator('[aria-invalid="true"][name="promptpayId"]').waitFor();
    await page.fill('[name="promptpayId"]', "081-234-5678");
    await submitWith(page, "promptpayId");
    await page.waitForFunction(() => (document.querySelector('[name="promptpayId"]') as HTMLInputElement | null)?.value === "0812345678");
    await page.reload();
    expect(await page.inputValue('[name="promptpayId"]')).toBe("0812345678");
    await shot(page, "admin-settings-phone");

    await page.goto(`${server.url(SLUG)}/admin/products/new`);
    await page.fill('[name="nameTh"]', "ข้าวหอมมะลิทดสอบ (ถุง 5 กก.)");
    await page.fill('[name="price"]', "1,250.50");
    await page.selectOption('[name="unit"]', "bag");
    await page.fill('[name="initialStock"]', "25");
    await Promise.all([page.waitForURL(/\/admin\/products\/[0-9a-f-]{36}/), page.locator('[name="nameTh"]').press("Enter")]);
    const editUrl = page.url().split("?")[0]!;

    await page.setInputFiles('input[type="file"][name="file"]', photoFile);
    await Promise.all([page.waitForURL(/upload=ok/), page.locator('form[enctype="multipart/form-data"] button[type="submit"]').click()]);
    const thumb = page.getByTestId("product-photos").locator("img").first();
    await thumb.waitFor();
    const thumbSrc = await thumb.getAttribute("src");
    expect(thumbSrc).toMatch(/^\/media\/t\/[0-9a-f-]+\/p\/[0-9a-f]{16}-\d+\.webp$/);
    const served = await page.evaluate(async (src) => {
      const r = await fetch(src);
      return { type: r.headers.get("content-type"), cache: r.headers.get("cache-control"), bytes: Array.from(new Uint8Array(await r.arrayBuffer())) };
    }, thumbSrc!);
    expect(served.type).toBe("image/webp");
    expect(served.cache).toContain("immutable");
    expect((await sharp(Buffer.from(served.bytes)).metadata()).exif).toBeUndefined();
    await shot(page, "admin-product-edit-phone");
    expect(editUrl).toContain("/admin/products/");

    await page.goto(server.url(SLUG));
    const card = page.getByTestId("product-card").filter({ hasText: "ข้าวหอมมะลิทดสอบ" });
    await card.waitFor();
    expect(await card.innerText()).toContain("฿1,250.50");
    expect(await card.locator("img").getAttribute("src")).toMatch(/^\/media\//);
    await page.setViewportSize(DESKTOP);
    await shot(page, "new-coop-site-desktop");
    expect(errors).toEqual([]);
    await context.close();
  });

  it("invites an editor who joins by link and cannot open the team page", async () => {
    const owner = await browser.newContext({ viewport: DESKTOP });
    const page = await owner.newPage();
    await signInToBackOffice(page, server.url(SLUG), OWNER.email, OWNER.password);
    await page.goto(`${server.url(SLUG)}/admin/team`);
    await page.fill('form:has([name="role"]) [name="email"]', EDITOR.email);
    await page.check('[name="role"][value="editor"]');
    await submitWith(page, "role");
    await page.getByText(EDITOR.email).first().waitFor();
    await shot(page, "admin-team-desktop");
    const link = await linkFromMailbox(page, server, EDITOR.email, "/admin/invitation");
    await owner.close();

    const editor = await browser.newContext({ viewport: PHONE });
    const ep = await editor.newPage();
    await ep.goto(link);
    await ep.fill('[name="displayName"]', EDITOR.name);
    await ep.fill('[name="password"]', EDITOR.password);
    await Promise.all([ep.waitForURL((url) => url.pathname === "/admin"), ep.locator('[name="password"]').press("Enter")]);
    expect(await ep.locator("nav a[href='/admin/team']").count()).toBe(0);
    expect(await ep.locator("a[href='/admin/products']").count()).toBeGreaterThan(0);
    const team = await ep.goto(`${server.url(SLUG)}/admin/team`);
    expect(team?.status()).toBe(403);
    await shot(ep, "editor-team-forbidden-phone");
    const products = await ep.goto(`${server.url(SLUG)}/admin/products`);
    expect(products?.status()).toBe(200);
    await editor.close();
  });
});
