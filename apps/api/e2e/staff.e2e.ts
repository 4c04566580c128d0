import { mkdirSync, mkdtempSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { serve, type ServerType } from "@hono/node-server";
import { generatePassword, hashPassword } from "@coop/core";
import { LocalDiskStorage } from "@coop/core/media";
import { sql } from "@coop/db";
import { seedDemoData } from "@coop/db/seed";
import { createTestDatabase, type TestDatabase } from "@coop/db/testing";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../src/app.ts";
import { publicOrigins } from "../src/origins.ts";
import { SiteResolver } from "../src/site-resolver.ts";
import { loadWebApp } from "../src/web.ts";
import { chromiumAvailable, demoPassword, DESKTOP, launchBrowser, posting, SCREENSHOT_DIR, serverAndBrowser, shot, signInToBackOffice } from "./harness.ts";

const STAFF_EMAIL = "staff@example.test"; // regional staff, region 5 (demo data)
const SLUG = "korat";
const OWNER_EMAIL = `owner@${SLUG}.example.test`;
const REASON = "ได้รับข้อร้องเรียนว่าราคาสินค้าบนเว็บไซต์ไม่ตรงกับที่ขายจริง ระหว่างตรวจสอบ";
const NOTICE = "เว็บไซต์ปิดให้บริการชั่วคราว";
/** A common phone width, for this journey's screenshots. */
const PHONE = { width: 390, height: 844 };

/**
 * The site resolver caches a Host for a few seconds (apps/api/src/site-resolver.ts), so a status
 * change reaches the co-op's site within that time: reload until it shows, with a deadline,
 * rather than sleeping a fixed time.
 */
async function reloadUntil(page: Page, url: string, shows: (page: Page) => Promise<boolean>, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    await page.goto(url);
    if (await shows(page)) return;
    if (Date.now() > deadline) throw new Error(`${url} did not change within ${timeoutMs} ms`);
    await page.waitForTimeout(500);
  }
}

const showsNotice = async (page: Page) => (await page.getByRole("heading", { level: 1, name: NOTICE }).count()) > 0;

describe.skipIf(!chromiumAvailable)("the regional staff console in Chromium: find a co-op, suspend it, restore it", () => {
  const running = serverAndBrowser();

  it("staff sign in, filter and open a co-op, suspend it (the site shows the notice, the back office turns read-only), then restore it", async () => {
    const { server, browser } = running;
    const network = server.url();
    const coop = server.url(SLUG);
    const staffContext = await browser.newContext({ viewport: DESKTOP });
    const staff = await staffContext.newPage();
    const errors: string[] = [];
    staff.on("pageerror", (e) => errors.push(e.message));

    // Sign in to the console.
    await staff.goto(`${network}/staff/sign-in`);
    await staff.fill('[name="email"]', STAFF_EMAIL);
    await staff.fill('[name="password"]', demoPassword(server, STAFF_EMAIL));
    await Promise.all([staff.waitForURL(`${network}/staff`), staff.locator('[name="password"]').press("Enter")]);

    // Filter the co-ops to one province and active ones: Korat's co-op is listed, Chaiyaphum's is not.
    // On a wide screen the list is a table (phones get cards, hidden here).
    const list = staff.locator("table");
    await list.getByRole("link", { name: "สหกรณ์การเกษตรหม่อนไหมบ้านเขว้า จำกัด" }).waitFor();
    await staff.getByLabel("จังหวัด").selectOption({ label: "นครราชสีมา" });
    await staff.getByLabel("สถานะ").selectOption("active");
    await Promise.all([staff.waitForURL(/\/staff\?.*province=30/), staff.getByRole("button", { name: "แสดงผล" }).click()]);
    expect(staff.url()).toContain("status=active");
    expect(await list.getByRole("link", { name: "สหกรณ์การเกษตรหม่อนไหมบ้านเขว้า จำกัด" }).count()).toBe(0);
    const rows = list.locator("tbody tr");
    expect(await rows.count()).toBe(1);
    expect(await rows.first().innerText()).toContain("นครราชสีมา");
    const coopLink = rows.first().getByRole("link");
    const coopName = (await coopLink.innerText()).trim();
    await shot(staff, "staff-coops-filtered-desktop");

    // Open it and suspend it with a reason.
    await Promise.all([staff.waitForURL(/\/staff\/coops\/[0-9a-f-]{36}$/), coopLink.click()]);
    const detailUrl = staff.url();
    await staff.getByRole("heading", { level: 1, name: coopName }).waitFor();
    await staff.getByLabel("เหตุผลในการระงับ").fill(REASON);
    const suspendForm = staff.locator("form").filter({ has: staff.getByRole("button", { name: "ระงับสหกรณ์" }) });
    await suspendForm.getByRole("checkbox").check();
    await posting(staff, () => suspendForm.getByRole("button", { name: "ระงับสหกรณ์" }).click());
    await staff.getByText("ระงับสหกรณ์แล้ว").first().waitFor();
    expect(await staff.getByText(REASON).count()).toBeGreaterThan(0);
    await shot(staff, "staff-coop-suspended-desktop");

    // The co-op's site now shows the notice, on the home page and a product list alike (404, not 500).
    const visitorContext = await browser.newContext({ viewport: PHONE });
    const visitor = await visitorContext.newPage();
    visitor.on("pageerror", (e) => errors.push(e.message));
    await reloadUntil(visitor, `${coop}/`, showsNotice);
    const products = await visitor.goto(`${coop}/products`);
    expect(products?.status()).toBe(404);
    expect(await showsNotice(visitor)).toBe(true);
    await shot(visitor, "coop-suspended-notice-phone");

    // Its owner still gets into the back office: read-only, with the banner and staff's reason.
    const ownerContext = await browser.newContext({ viewport: DESKTOP });
    const owner = await ownerContext.newPage();
    owner.on("pageerror", (e) => errors.push(e.message));
    await signInToBackOffice(owner, coop, OWNER_EMAIL, demoPassword(server, OWNER_EMAIL));
    await owner.getByText("เว็บไซต์ของสหกรณ์ถูกระงับชั่วคราว").waitFor();
    expect(await owner.getByText(REASON).count()).toBe(1);
    await shot(owner, "backoffice-suspended-banner-desktop", false);
    // Moving around in the page (client-side navigation, data requests) keeps the back office too.
    await owner.locator('nav a[href="/admin/products"]').first().click();
    await owner.waitForURL(`${coop}/admin/products`, { waitUntil: "commit" });
    await owner.getByRole("heading", { level: 1, name: "สินค้า" }).waitFor();
    expect(await owner.getByText("เว็บไซต์ของสหกรณ์ถูกระงับชั่วคราว").count()).toBe(1);
    await owner.locator('nav a[href="/admin"]').first().click();
    await owner.waitForURL(`${coop}/admin`, { waitUntil: "commit" });
    await owner.getByText(REASON).waitFor();
    expect(await showsNotice(owner)).toBe(false);
    // A change is answered with the read-only message, not an error page.
    await owner.goto(`${coop}/admin/products/new`);
    await owner.fill('[name="nameTh"]', "ข้าวกล้องหอมมะลิ");
    await owner.fill('[name="price"]', "60");
    await posting(owner, () => owner.getByRole("button", { name: "บันทึกสินค้า" }).click());
    await owner.getByText("ระบบหลังร้านเปิดให้ดูได้อย่างเดียวจนกว่าจะได้รับการคืนสถานะ").first().waitFor();
    expect(owner.url()).toBe(`${coop}/admin/products/new`);
    await owner.setViewportSize(PHONE);
    await owner.evaluate(() => window.scrollTo(0, 0));
    await shot(owner, "backoffice-suspended-readonly-phone", false);

    // Back in the console: restore it.
    await staff.goto(detailUrl);
    const restoreForm = staff.locator("form").filter({ has: staff.getByRole("button", { name: "คืนสถานะสหกรณ์" }) });
    await restoreForm.getByRole("checkbox").check();
    await posting(staff, () => restoreForm.getByRole("button", { name: "คืนสถานะสหกรณ์" }).click());
    await staff.getByText("คืนสถานะสหกรณ์แล้ว").first().waitFor();

    // The site shows the shop again, and the back office takes changes again (no banner).
    await reloadUntil(visitor, `${coop}/`, async (page) => !(await showsNotice(page)));
    const home = await visitor.goto(`${coop}/products`);
    expect(home?.status()).toBe(200);
    await shot(visitor, "coop-restored-products-phone");
    await owner.goto(`${coop}/admin`);
    expect(await owner.getByText("เว็บไซต์ของสหกรณ์ถูกระงับชั่วคราว").count()).toBe(0);

    expect(errors).toEqual([]);
    await Promise.all([staffContext.close(), visitorContext.close(), ownerContext.close()]);
  });
});

/**
 * The demo regions need no approval, and the journey's server runs in another process; this one
 * serves the real app in-process, on a database whose region 5 requires approval.
 */
async function startApprovalServer(): Promise<{ t: TestDatabase; url: (slug?: string) => string; passwords: Map<string, string>; stop: () => Promise<void> }> {
  const t = await createTestDatabase();
  const accounts = await seedDemoData(t.db, { hashPassword, newPassword: generatePassword });
  // Regions are platform configuration, written by the database owner.
  await sql`UPDATE regions SET requires_approval = true WHERE id = 5`.execute(t.owner());
  // Port first: the app's links (the sign-up handoff) carry it.
  const probe = serve({ fetch: () => new Response(null), port: 0, hostname: "127.0.0.1" });
  await new Promise((resolve) => probe.once("listening", resolve));
  const port = (probe.address() as AddressInfo).port;
  await new Promise((resolve) => probe.close(resolve));
  const app = createApp({
    db: t.db,
    // No cache: this journey checks the effect of approval, not the cache time.
    sites: new SiteResolver(t.db, "localhost", 0),
    origins: publicOrigins({ ROOT_DOMAIN: "localhost", PORT: port }),
    web: { storefront: await loadWebApp("storefront", "production"), network: await loadWebApp("network", "production") },
    databaseKind: t.kind,
    secure: false,
    trustProxy: false,
    media: new LocalDiskStorage(mkdtempSync(path.join(tmpdir(), "staff-e2e-media-"))),
  });
  const server: ServerType = serve({ fetch: app.fetch, port, hostname: "127.0.0.1" });
  await new Promise((resolve) => server.once("listening", resolve));
  return {
    t,
    url: (slug) => `http://${slug ? `${slug}.` : ""}localhost:${port}`,
    passwords: new Map(accounts.map((a) => [a.email, a.password])),
    async stop() {
      await new Promise((resolve) => server.close(resolve));
      await t.destroy();
    },
  };
}

describe.skipIf(!chromiumAvailable)("a co-op waiting for approval in Chromium: sign up, prepare, get approved, go live", () => {
  let server: Awaited<ReturnType<typeof startApprovalServer>>;
  let browser: Browser;

  beforeAll(async () => {
    server = await startApprovalServer();
    browser = await launchBrowser();
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("opens the back office at once with an 'awaiting approval' banner, the site says 'opening soon' until staff approve", async () => {
    const SLUG_NEW = "korat-new-rice";
    const NAME = "สหกรณ์การเกษตรข้าวใหม่โคราช จำกัด";
    const coop = server.url(SLUG_NEW);
    const errors: string[] = [];

    // Sign up on the network, in นครราชสีมา (region 5, which requires approval).
    const ownerContext = await browser.newContext({ viewport: DESKTOP });
    const owner = await ownerContext.newPage();
    owner.on("pageerror", (e) => errors.push(e.message));
    await owner.goto(`${server.url()}/signup`);
    await owner.getByLabel("ชื่อสหกรณ์ (ภาษาไทย)").fill(NAME);
    await owner.getByLabel("เลขทะเบียนสหกรณ์").fill("นม 0099/2569");
    // The form says, without scripts, which regions open a new shop only after staff approval.
    const province = owner.getByLabel("จังหวัด");
    expect(await province.locator('optgroup[label$="เปิดหน้าร้านหลังเจ้าหน้าที่อนุมัติ"]').count()).toBe(1);
    await province.selectOption({ label: "นครราชสีมา" });
    await province.scrollIntoViewIfNeeded();
    await shot(owner, "signup-approval-hint-desktop", false);
    await owner.locator('[name="slug"]').fill(SLUG_NEW);
    await owner.getByLabel("ชื่อ-นามสกุลผู้ติดต่อ").fill("สมหญิง รักนา");
    await owner.getByLabel("อีเมล").fill("somying@example.test");
    await owner.locator('[name="password"]').fill("ข้าวใหม่-โคราช-2569");
    await Promise.all([owner.waitForURL(`${coop}/admin?welcome=1`), owner.getByRole("button", { name: "สร้างเว็บไซต์สหกรณ์" }).click()]);
    await owner.getByText("รอการอนุมัติจากเจ้าหน้าที่ภูมิภาค").waitFor();
    await shot(owner, "backoffice-pending-banner-desktop", false);

    // Pending is not read-only: the owner prepares the shop.
    await owner.goto(`${coop}/admin/products/new`);
    await owner.fill('[name="nameTh"]', "ข้าวหอมมะลิใหม่");
    await owner.fill('[name="price"]', "55");
    await Promise.all([owner.waitForURL(/\/admin\/products\/[0-9a-f-]{36}/), owner.getByRole("button", { name: "บันทึกสินค้า" }).click()]);
    await owner.setViewportSize(PHONE);
    await owner.goto(`${coop}/admin`);
    await shot(owner, "backoffice-pending-banner-phone", false);

    // The public sees "opening soon", and the network does not list the co-op yet; region 5's staff were e-mailed.
    const visitorContext = await browser.newContext({ viewport: PHONE });
    const visitor = await visitorContext.newPage();
    visitor.on("pageerror", (e) => errors.push(e.message));
    const soon = await visitor.goto(`${coop}/`);
    expect(soon?.status()).toBe(404);
    await visitor.getByRole("heading", { level: 1, name: "เปิดให้บริการเร็ว ๆ นี้" }).waitFor();
    expect(await visitor.getByText("ข้าวหอมมะลิใหม่").count()).toBe(0);
    await shot(visitor, "coop-opening-soon-phone");
    await visitor.setViewportSize(DESKTOP);
    await shot(visitor, "coop-opening-soon-desktop");
    await visitor.goto(server.url());
    expect(await visitor.getByText(NAME).count()).toBe(0);
    const mail = await server.t.db.selectFrom("outbox").select("payload").where("kind", "=", "email").execute();
    const waiting = mail.map((r) => (typeof r.payload === "string" ? JSON.parse(r.payload) : r.payload) as { to: string; template: string }).filter((m) => m.template === "coop_awaiting_approval");
    expect(waiting.map((m) => m.to)).toEqual([STAFF_EMAIL]);

    // Staff find it among the pending co-ops and approve it.
    const staffContext = await browser.newContext({ viewport: DESKTOP });
    const staff = await staffContext.newPage();
    staff.on("pageerror", (e) => errors.push(e.message));
    await staff.goto(`${server.url()}/staff/sign-in`);
    await staff.fill('[name="email"]', STAFF_EMAIL);
    await staff.fill('[name="password"]', server.passwords.get(STAFF_EMAIL)!);
    await Promise.all([staff.waitForURL(`${server.url()}/staff`), staff.locator('[name="password"]').press("Enter")]);
    await staff.getByLabel("สถานะ").selectOption("pending");
    await Promise.all([staff.waitForURL(/status=pending/), staff.getByRole("button", { name: "แสดงผล" }).click()]);
    await Promise.all([staff.waitForURL(/\/staff\/coops\//), staff.locator("table").getByRole("link", { name: NAME }).click()]);
    const approveForm = staff.locator("form").filter({ has: staff.getByRole("button", { name: "อนุมัติสหกรณ์" }) });
    await approveForm.getByRole("checkbox").check();
    await posting(staff, () => approveForm.getByRole("button", { name: "อนุมัติสหกรณ์" }).click());
    await staff.getByText("อนุมัติสหกรณ์แล้ว").first().waitFor();

    // Live: the shop shows its product, the network lists it, the banner is gone.
    const live = await visitor.goto(`${coop}/products`);
    expect(live?.status()).toBe(200);
    await visitor.getByText("ข้าวหอมมะลิใหม่").first().waitFor();
    await visitor.goto(server.url());
    expect(await visitor.getByText(NAME).count()).toBeGreaterThan(0);
    await owner.goto(`${coop}/admin`);
    expect(await owner.getByText("รอการอนุมัติจากเจ้าหน้าที่ภูมิภาค").count()).toBe(0);

    expect(errors).toEqual([]);
    await Promise.all([ownerContext.close(), visitorContext.close(), staffContext.close()]);
  });
});
