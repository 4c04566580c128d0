import { mkdirSync } from "node:fs";
import type { Browser, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chromiumAvailable, demoPassword, DESKTOP, launchBrowser, PHONE, posting, type RunningServer, SCREENSHOT_DIR, shot, signInToBackOffice, startServer } from "./harness.ts";

const SLUG = "chaiyaphum-silk";
const COOP_NAME = "สหกรณ์การเกษตรหม่อนไหมบ้านเขว้า จำกัด";
const OWNER_EMAIL = `owner@${SLUG}.example.test`;
const TITLE = "เลี้ยงผึ้งชันโรงในสวนหม่อน ช่วยผสมเกสรและได้น้ำผึ้งขาย";
const SUMMARY = "สมาชิกสหกรณ์เล่าวิธีวางรังชันโรงในแปลงหม่อน ได้ทั้งผลผลิตใบหม่อนที่ดีขึ้นและรายได้เสริมจากน้ำผึ้ง";
const BODY = [
  "## ทำไมต้องชันโรง",
  "",
  "ชันโรงเป็นผึ้งตัวเล็ก **ไม่มีเหล็กใน** เลี้ยงง่าย ช่วยผสมเกสรไม้ผลรอบแปลงหม่อน",
  "",
  "- วางรังห่างกันอย่างน้อย 5 เมตร ใต้ร่มไม้",
  "- งดฉีดยาฆ่าแมลงช่วงที่ไม้ผลออกดอก",
  "- เก็บน้ำผึ้งปีละ 2 ครั้ง",
].join("\n");
/** A phrase from the title, typed the Thai way: no spaces between the words. */
const QUERY = "ผึ้งชันโรงในสวนหม่อน";

/** The "N seats left" figure a page shows first. */
async function seatsLeft(scope: Page | Locator): Promise<number> {
  const text = await scope.getByText(/^เหลือ \d[\d,]* ที่นั่ง$/).first().innerText();
  return Number(text.replace(/[^\d]/g, ""));
}

describe.skipIf(!chromiumAvailable)("the knowledge network in Chromium: share an article, find it in Thai, register for a seminar", () => {
  let server: RunningServer;
  let browser: Browser;
  let ownerPassword: string;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    ownerPassword = demoPassword(server, OWNER_EMAIL);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("a co-op writes, publishes and shares an article; a Thai query on the network finds it, credited to the co-op", async () => {
    const coop = server.url(SLUG);
    const context = await browser.newContext({ viewport: DESKTOP });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));

    await signInToBackOffice(page, coop, OWNER_EMAIL, ownerPassword);

    // From the article list to a new article.
    await page.goto(`${coop}/admin/knowledge`);
    await Promise.all([page.waitForURL(`${coop}/admin/knowledge/new`), page.getByRole("link", { name: "เขียนบทความใหม่" }).first().click()]);
    // The editor's write/preview tabs appear once the page is interactive (the live preview needs it).
    await page.getByRole("tablist", { includeHidden: true }).waitFor({ state: "attached" });
    await page.getByLabel("ชื่อเรื่อง").fill(TITLE);
    await page.getByLabel("สรุปย่อ").fill(SUMMARY);
    await page.getByLabel("หมวดความรู้").selectOption("production");
    await page.getByLabel("หม่อนไหม").check();
    await page.getByRole("textbox", { name: "เนื้อหา (Markdown)" }).fill(BODY);
    // The live preview renders the Markdown: a heading, bold text and a list.
    const preview = page.locator('[aria-live="polite"]');
    await preview.getByRole("heading", { name: "ทำไมต้องชันโรง" }).waitFor();
    expect(await preview.locator("strong").innerText()).toBe("ไม่มีเหล็กใน");
    expect(await preview.getByRole("listitem").count()).toBe(3);
    // Full-page shots from the top, so the sticky bars sit where a reader sees them.
    await page.evaluate(() => window.scrollTo(0, 0));
    await shot(page, "knowledge-editor-desktop");
    // On a phone the box and its preview are two tabs.
    await page.setViewportSize(PHONE);
    await page.getByRole("tab", { name: "ตัวอย่าง" }).click();
    expect(await preview.getByRole("heading", { name: "ทำไมต้องชันโรง" }).isVisible()).toBe(true);
    expect(await page.getByRole("textbox", { name: "เนื้อหา (Markdown)" }).isVisible()).toBe(false);
    // What the phone shows (a full-page shot would paint the fixed bottom menu mid-page).
    await page.getByRole("tablist").scrollIntoViewIfNeeded();
    await shot(page, "knowledge-editor-preview-phone", false);
    await page.getByRole("tab", { name: "เขียน" }).click();
    await page.setViewportSize(DESKTOP);

    await Promise.all([
      page.waitForURL(/\/admin\/knowledge\/[0-9a-f-]{36}\?created=1$/),
      page.getByRole("button", { name: "สร้างบทความ", exact: true }).click(),
    ]);
    await page.getByText("สร้างบทความแล้ว").waitFor();
    expect(await page.getByRole("heading", { level: 1 }).innerText()).toBe(TITLE);
    const articleId = new URL(page.url()).pathname.split("/").pop()!;

    // Publish, then share with the network.
    await posting(page, () => page.getByRole("button", { name: "เผยแพร่", exact: true }).click());
    await page.getByRole("button", { name: "เลิกเผยแพร่ (กลับเป็นฉบับร่าง)" }).waitFor();
    await posting(page, () => page.getByRole("button", { name: "แบ่งปันสู่เครือข่าย", exact: true }).click());
    await page.getByRole("button", { name: "เลิกแบ่งปัน", exact: true }).waitFor();
    expect(await page.locator("body").innerText()).toContain("แบ่งปันแล้ว: แสดงบนเว็บไซต์เครือข่ายสหกรณ์");
    await shot(page, "knowledge-published-shared-desktop");
    expect(errors).toEqual([]);
    await context.close();

    // A visitor on a phone searches the network in Thai, without spaces.
    const visitor = await (await browser.newContext({ viewport: PHONE })).newPage();
    const visitorErrors: string[] = [];
    visitor.on("pageerror", (e) => visitorErrors.push(e.message));
    await visitor.goto(`${server.url()}/search`);
    const box = visitor.getByRole("main").getByRole("searchbox", { name: "คำค้นหา" });
    await box.fill(QUERY);
    await Promise.all([visitor.waitForURL(/\/search\?q=/), box.press("Enter")]);
    expect(new URL(visitor.url()).searchParams.get("q")).toBe(QUERY);
    expect(await visitor.getByTestId("search-count").innerText()).toContain(`สำหรับ “${QUERY}”`);
    const first = visitor.getByTestId("search-hit").first();
    expect(await first.getAttribute("data-kind")).toBe("article");
    expect(await first.getByRole("heading").innerText()).toBe(TITLE);
    // The title's matching words are highlighted, and the co-op is credited.
    expect(await first.locator("mark").count()).toBeGreaterThan(0);
    expect(await first.innerText()).toContain(COOP_NAME);
    await shot(visitor, "knowledge-search-phone");
    await visitor.setViewportSize(DESKTOP);
    await shot(visitor, "knowledge-search-desktop");

    await Promise.all([
      visitor.waitForURL(`${server.url()}/knowledge/${SLUG}/${articleId}`),
      first.getByRole("link", { name: TITLE }).click(),
    ]);
    expect(await visitor.getByRole("heading", { level: 1 }).innerText()).toBe(TITLE);
    const credit = visitor.getByTestId("article-coop");
    expect(await credit.innerText()).toBe(`จาก ${COOP_NAME}`);
    expect(new URL((await credit.getAttribute("href"))!).hostname).toBe(`${SLUG}.localhost`);
    const article = visitor.getByRole("article").first();
    await article.getByRole("heading", { name: "ทำไมต้องชันโรง" }).waitFor();
    expect(await article.innerText()).toContain(`เขียนโดย ${COOP_NAME}`);
    await shot(visitor, "knowledge-network-article-desktop");
    expect(visitorErrors).toEqual([]);
    await visitor.context().close();
  });

  it("a visitor registers for an upcoming seminar, gets a cancel link, and the seats left drop by one", async () => {
    const network = server.url();
    const page = await (await browser.newContext({ viewport: PHONE })).newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));

    await page.goto(`${network}/seminars`);
    const card = page.getByRole("listitem").filter({ has: page.getByRole("link", { name: /^ลงทะเบียน/ }) }).first();
    const title = (await card.getByRole("heading").innerText()).trim();
    const cardSeats = await seatsLeft(card);
    const href = (await card.getByRole("link", { name: title }).getAttribute("href"))!;
    expect(href).toMatch(/^\/seminars\/[a-z0-9-]+\/[0-9a-f-]{36}$/);
    await Promise.all([page.waitForURL(`${network}${href}`), card.getByRole("link", { name: title }).click()]);

    expect(await page.getByRole("heading", { level: 1 }).innerText()).toBe(title);
    const before = await seatsLeft(page);
    expect(before).toBe(cardSeats);
    const form = page.getByRole("region", { name: "ลงทะเบียนเข้าร่วม" });
    await form.getByLabel("ชื่อ–นามสกุล").fill("ทองใบ ใจดี");
    await form.getByLabel("เบอร์โทรศัพท์").fill("081 555 0199");
    await form.getByLabel("สนใจหรือทำการเกษตรด้านใด").fill("ปลูกหม่อน 3 ไร่ อยากเลี้ยงไหมเพิ่ม");
    await posting(page, () => form.getByRole("button", { name: "ลงทะเบียน", exact: true }).click());

    // The confirmation: the seat is theirs, with a link to cancel it.
    await page.getByRole("heading", { name: "ลงทะเบียนเรียบร้อย" }).waitFor();
    const confirmation = page.getByRole("region", { name: "ลงทะเบียนเรียบร้อย" });
    expect(await confirmation.innerText()).toContain(`คุณ ทองใบ ใจดี ได้ที่นั่งใน “${title}” แล้ว`);
    expect(await confirmation.innerText()).toContain("ลิงก์ยกเลิกการลงทะเบียน");
    const cancelLink = confirmation.getByRole("link", { name: /\/cancel\// });
    const cancelUrl = (await cancelLink.getAttribute("href"))!;
    expect(cancelUrl.startsWith(`${network}${href}/cancel/`)).toBe(true);
    await shot(page, "seminar-registered-phone");
    await page.setViewportSize(DESKTOP);
    await shot(page, "seminar-registered-desktop");
    // The link is live: it opens this registration (without cancelling it).
    const cancelPage = await page.request.get(cancelUrl);
    expect(cancelPage.status()).toBe(200);
    expect(await cancelPage.text()).toContain(title);

    // Back on the seminar page and the list, one seat fewer.
    await Promise.all([page.waitForURL(`${network}${href}`), confirmation.getByRole("link", { name: title }).click()]);
    expect(await seatsLeft(page)).toBe(before - 1);
    await page.goto(`${network}/seminars`);
    const sameCard = page.getByRole("listitem").filter({ has: page.getByRole("link", { name: title, exact: true }) });
    expect(await seatsLeft(sameCard)).toBe(before - 1);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
