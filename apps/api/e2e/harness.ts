/**
 * Browser-journey harness: starts the real all-in-one server on a free port with its own
 * embedded database, and drives Debian's Chromium through playwright-core.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { type Browser, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll } from "vitest";
import { e2eEnv, serverEnvironment } from "./env.ts";

export const CHROMIUM_PATH = e2eEnv.CHROMIUM_PATH;
export const chromiumAvailable = existsSync(CHROMIUM_PATH);
if (!chromiumAvailable) {
  console.warn(`Browser journeys skipped: no Chromium at ${CHROMIUM_PATH} (apt-get install chromium, or set CHROMIUM_PATH).`);
}

const API_DIR = path.resolve(import.meta.dirname, "..");
export const SCREENSHOT_DIR = path.resolve(API_DIR, "../../test-results/screenshots");

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.listen(0, "127.0.0.1", () => {
      const address = srv.address();
      srv.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

export interface RunningServer {
  port: number;
  /** The server's data directory (demo-accounts.txt is there). */
  dataDir: string;
  url(slug?: string): string;
  output(): string;
  /** The server process itself (for tests that signal it and read its exit code). */
  process: ChildProcess;
  stop(): Promise<void>;
}

export async function startServer(extraEnv: Record<string, string> = {}): Promise<RunningServer> {
  const port = await freePort();
  const dataDir = mkdtempSync(path.join(tmpdir(), "coop-e2e-"));
  // The journeys use a throwaway embedded database unless a test asks otherwise.
  const env = serverEnvironment({ PORT: String(port), HOST: "127.0.0.1", DATA_DIR: dataDir, NODE_ENV: "production", ...extraEnv });
  let output = "";
  const child: ChildProcess = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], { cwd: API_DIR, env, stdio: ["ignore", "pipe", "pipe"] });
  child.stdout?.on("data", (d) => (output += d));
  child.stderr?.on("data", (d) => (output += d));
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited early:\n${output}`);
    try {
      const res = await fetch(`http://127.0.0.1:${port}/readyz`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`server did not become ready:\n${output}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    port,
    dataDir,
    url: (slug) => `http://${slug ? `${slug}.` : ""}localhost:${port}`,
    output: () => output,
    process: child,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once("exit", r));
        child.kill("SIGTERM");
        await exited;
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-quic", "--no-first-run"],
  });
}

export const PHONE = { width: 360, height: 780 };
export const DESKTOP = { width: 1280, height: 800 };

// ---- steps the journeys share ----

export async function shot(page: Page, name: string, fullPage = true) {
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`), fullPage });
}

/** Waits for the POST a click or Enter started, then for the page to settle. */
export async function posting(page: Page, act: () => Promise<unknown>) {
  await Promise.all([page.waitForResponse((r) => r.request().method() === "POST"), act()]);
  await page.waitForLoadState("networkidle");
}

/** Submits the form holding `field` the way a person does (Enter in that field) and waits for the answer. */
export async function submitWith(page: Page, field: string) {
  await posting(page, () => page.locator(`[name="${field}"]`).first().press("Enter"));
}

/** The password the server printed for a demo account (demo-accounts.txt in its data folder). */
export function demoPassword(server: RunningServer, email: string): string {
  const accounts = readFileSync(path.join(server.dataDir, "demo-accounts.txt"), "utf8");
  const match = accounts.match(new RegExp(`${email.replace(/[.+]/g, "\\$&")}\\s+password: (\\S+)`));
  if (!match?.[1]) throw new Error(`no demo account ${email} in demo-accounts.txt`);
  return match[1];
}

/** Signs in at a co-op's back office and waits for its dashboard. */
export async function signInToBackOffice(page: Page, coopUrl: string, email: string, password: string) {
  await page.goto(`${coopUrl}/admin/sign-in`);
  await page.fill('[name="email"]', email);
  await page.fill('[name="password"]', password);
  await Promise.all([page.waitForURL(`${coopUrl}/admin`), page.locator('[name="password"]').press("Enter")]);
}

/** The newest link in the operator's mailbox whose e-mail went to `to` and whose link contains `pathPart`. */
export async function linkFromMailbox(page: Page, server: RunningServer, to: string, pathPart: string): Promise<string> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    await page.goto(`${server.url()}/_dev/mail`);
    const links = page.locator("tr", { hasText: to }).locator("a[href^='/_dev/mail/']");
    const count = await links.count();
    for (let i = 0; i < count; i++) {
      const href = await links.nth(i).getAttribute("href");
      if (!href) continue;
      const html = await (await page.request.get(`${server.url()}${href}`)).text();
      const match = html.match(new RegExp(`https?://[^"'\\s<>]*${pathPart.replace(/[/?]/g, "\\$&")}[^"'\\s<>]*`));
      if (match) return match[0].replaceAll("&amp;", "&");
    }
    if (Date.now() > deadline) throw new Error(`no mail to ${to} with ${pathPart}`);
    await page.waitForTimeout(500);
  }
}

/**
 * Puts `count` different products in the cart from the page's add-to-cart buttons (a product can
 * show in several blocks of the home page: featured, in season, all products).
 */
export async function addDistinctProducts(page: Page, count: number): Promise<void> {
  const seen = new Set<string>();
  const buttons = page.getByTestId("add-to-cart");
  for (let i = 0; seen.size < count; i++) {
    if (i >= (await buttons.count())) throw new Error(`only ${seen.size} different products to add`);
    const productId = await buttons.nth(i).locator("xpath=ancestor::form").locator('input[name="productId"]').inputValue();
    if (seen.has(productId)) continue;
    seen.add(productId);
    await posting(page, () => page.getByTestId("add-to-cart").nth(i).click());
  }
}

/**
 * The real server and Chromium for one describe block: started before its tests, closed after.
 * Read `server` and `browser` inside the tests (they are set once the block starts).
 */
export function serverAndBrowser(): { server: RunningServer; browser: Browser } {
  const running = {} as { server: RunningServer; browser: Browser };
  beforeAll(async () => {
    running.server = await startServer();
    running.browser = await launchBrowser();
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
  });
  afterAll(async () => {
    await running.browser?.close();
    await running.server?.stop();
  });
  return running;
}
