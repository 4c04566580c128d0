import { deliverToDevMailbox } from "@coop/core/outbox";
import { sql } from "@coop/db";
import { createTestDatabase, type TestDatabase } from "@coop/db/testing";
import type { Site } from "@coop/trpc";
import { Hono } from "hono";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mountDevMailbox } from "./dev-mailbox.ts";
import { SiteResolver } from "./site-resolver.ts";

let t: TestDatabase;
let firstId: number;
let secondId: number;

beforeAll(async () => {
  t = await createTestDatabase();
  await deliverToDevMailbox(t.db, {
    to: "somsri@example.test",
    subject: "ยืนยันอีเมลของคุณ | เครือข่ายสหกรณ์",
    text: "เรียน คุณสมศรี\n\nยืนยันอีเมล:\nhttps://korat.localhost:3000/verify?token=abc&x=1\n",
    html: `<p>เรียน คุณสมศรี</p><script>alert("pwned")</script><a href="https://korat.localhost:3000/verify?token=abc&amp;x=1">ยืนยัน</a>`,
    outboxId: 1,
  });
  await deliverToDevMailbox(t.db, {
    to: `evil"<b>@example.test`,
    subject: `<img src=x onerror=alert(1)> Reset`,
    text: `<script>alert(1)</script>`,
    html: "<p>two</p>",
    outboxId: 2,
  });
  // A fixed time to check the Bangkok clock: 2026-01-15 17:30 UTC is 16 Jan 00:30 in Bangkok.
  // (The app role may only read and add to the mailbox; the owner backdates it.)
  await sql`UPDATE dev_mailbox SET created_at = '2026-01-15T17:30:00Z' WHERE outbox_id = 1`.execute(t.owner());
  const rows = await t.db.selectFrom("dev_mailbox").select(["id", "outbox_id"]).orderBy("id").execute();
  firstId = Number(rows[0]!.id);
  secondId = Number(rows[1]!.id);
});
afterAll(async () => {
  await t?.destroy();
});

function appWith(enabled: boolean) {
  const app = new Hono<{ Variables: { site: Site } }>();
  const sites = new SiteResolver(t.db, "localhost", 0);
  app.use("*", async (c, next) => {
    c.set("site", await sites.resolve(c.req.header("host")));
    await next();
  });
  mountDevMailbox(app, { db: t.db, enabled });
  return app;
}

const LOCAL = { incoming: { socket: { remoteAddress: "127.0.0.1", remoteFamily: "IPv4", remotePort: 50000 } } };
const get = (app: Hono<{ Variables: { site: Site } }>, path: string, headers: Record<string, string> = {}, bindings: object | undefined = LOCAL) =>
  app.request(path, { headers: { host: "localhost:3000", ...headers } }, bindings);

describe("the dev mailbox pages", () => {
  it("list the e-mails newest first, escaped, with Thai labels by default", async () => {
    const res = await get(appWith(true), "/_dev/mail");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/html");
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(res.headers.get("referrer-policy")).toBe("no-referrer");
    expect(res.headers.get("content-security-policy")).toContain("default-src 'none'");
    const html = await res.text();
    expect(html).toContain('<html lang="th">');
    expect(html).toContain("กล่องอีเมลของผู้ดูแลระบบ");
    expect(html).toContain("ผู้รับ");
    expect(html.indexOf(`/_dev/mail/${secondId}?`)).toBeLessThan(html.indexOf(`/_dev/mail/${firstId}?`));
    expect(html).not.toContain("<img");
    expect(html).toContain("&#60;img src=x onerror=alert(1)&#62; Reset");
    expect(html).toContain("evil&#34;&#60;b&#62;@example.test");
  });

  it("speak English when asked", async () => {
    const html = await (await get(appWith(true), "/_dev/mail?lang=en")).text();
    expect(html).toContain('<html lang="en">');
    expect(html).toContain("Operator&#39;s mailbox");
    expect(html).toContain("<th>Subject</th>");
  });

  it("show one e-mail: subject, recipient, Bangkok time, sandboxed HTML and the text", async () => {
    const res = await get(appWith(true), `/_dev/mail/${firstId}`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain("<h1>ยืนยันอีเมลของคุณ | เครือข่ายสหกรณ์</h1>");
    expect(html).toContain("somsri@example.test");
    expect(html).toContain("16 ม.ค. 2569 00:30");
    // The e-mail's HTML only ever appears escaped inside srcdoc, in a sandbox without scripts.
    const iframe = /<iframe [^>]*>/.exec(html)?.[0] ?? "";
    expect(iframe).toContain('sandbox="allow-popups allow-popups-to-escape-sandbox"');
    expect(iframe).toContain("srcdoc=\"&#60;p&#62;เรียน คุณสมศรี&#60;/p&#62;&#60;script&#62;alert(&#34;pwned&#34;)&#60;/script&#62;");
    expect(html).not.toContain("<script>");
    // The text part, with its link clickable.
    expect(html).toContain('<a href="https://korat.localhost:3000/verify?token=abc&#38;x=1" target="_blank" rel="noopener noreferrer">');

    const other = await (await get(appWith(true), `/_dev/mail/${secondId}`)).text();
    expect(other).toContain("<pre>&#60;script&#62;alert(1)&#60;/script&#62;</pre>");
  });

  it("answer 404 for an unknown or malformed id", async () => {
    const app = appWith(true);
    for (const id of ["987654321", "abc", "0", "1e3", "-1"]) expect((await get(app, `/_dev/mail/${id}`)).status).toBe(404);
  });

  it("answer 404 when mail goes out by SMTP", async () => {
    expect((await get(appWith(false), "/_dev/mail")).status).toBe(404);
    expect((await get(appWith(false), `/_dev/mail/${firstId}`)).status).toBe(404);
  });

  it("answer 404 on any host but the network's", async () => {
    const app = appWith(true);
    for (const host of ["korat.localhost:3000", "no-such-coop.localhost:3000", "evil.example"]) {
      expect((await get(app, "/_dev/mail", { host })).status).toBe(404);
      expect((await get(app, `/_dev/mail/${firstId}`, { host })).status).toBe(404);
    }
  });

  it("answer 404 to anyone but a browser on this machine", async () => {
    const app = appWith(true);
    const remote = { incoming: { socket: { remoteAddress: "192.0.2.10", remoteFamily: "IPv4", remotePort: 50000 } } };
    expect((await get(app, "/_dev/mail", {}, remote)).status).toBe(404);
    expect((await get(app, "/_dev/mail", {}, {})).status).toBe(404);
    // A reverse proxy on this machine forwards other people's requests.
    expect((await get(app, "/_dev/mail", { "x-forwarded-for": "198.51.100.7" })).status).toBe(404);
    expect((await get(app, "/_dev/mail", { forwarded: "for=198.51.100.7" })).status).toBe(404);
    const ipv6 = { incoming: { socket: { remoteAddress: "::1", remoteFamily: "IPv6", remotePort: 50000 } } };
    expect((await get(app, "/_dev/mail", {}, ipv6)).status).toBe(200);
  });
});
