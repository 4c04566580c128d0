import { fromThisMachine } from "./loopback.ts";
import { escapeHtml as e, getDevMailboxMessage, listDevMailbox, readMailEnv } from "@coop/core/outbox";
import type { Database, Kysely } from "@coop/db";
import { formatDate, type Locale, resolveLocale } from "@coop/i18n";
import type { Site } from "@coop/trpc";
import type { Context, Hono } from "hono";

/**
 * The operator's mailbox in embedded mode: without SMTP_URL, e-mail is kept in `dev_mailbox`
 * and read here. Those e-mails hold sign-in and password-reset links, so the pages answer
 * only on the network's own host, only when mail is not going out by SMTP, and only to a
 * browser on this machine (loopback, not forwarded by a proxy); anything else gets a 404.
 */
export interface DevMailboxDeps {
  db: Kysely<Database>;
  enabled: boolean;
}

type DevMailboxEnv = { Variables: { site: Site } };

/** True when e-mail stays in the database (no SMTP_URL), i.e. when the mailbox should be mounted enabled. */
export function devMailboxEnabled(): boolean {
  return readMailEnv().SMTP_URL === undefined;
}

/** Mount after the middleware that sets `site` from the Host header. */
export function mountDevMailbox<E extends DevMailboxEnv>(app: Hono<E>, deps: DevMailboxDeps): void {
  const allowed = (c: Context<E>) => deps.enabled && c.get("site")?.kind === "network" && fromThisMachine(c);

  app.get("/_dev/mail", async (c) => {
    if (!allowed(c)) return c.notFound();
    const locale = resolveLocale(c.req.raw);
    const messages = await listDevMailbox(deps.db);
    const l = LABELS[locale];
    const rows = messages
      .map(
        (m) => `<tr>
  <td class="nowrap">${e(formatDate(m.createdAt, locale, "datetime"))}</td>
  <td>${e(m.to)}</td>
  <td><a href="/_dev/mail/${m.id}?lang=${locale}">${e(m.subject)}</a></td>
</tr>`,
      )
      .join("\n");
    const body =
      messages.length === 0
        ? `<p class="empty">${e(l.empty)}</p>`
        : `<table>
<thead><tr><th>${e(l.date)}</th><th>${e(l.to)}</th><th>${e(l.subject)}</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>`;
    return page(c, locale, `${l.title} · ${BRAND[locale]}`, `<h1>${e(l.title)}</h1>\n<p class="note">${e(l.note)}</p>\n${body}`);
  });

  app.get("/_dev/mail/:id", async (c) => {
    if (!allowed(c)) return c.notFound();
    const id = /^[1-9][0-9]{0,15}$/.test(c.req.param("id")) ? Number(c.req.param("id")) : Number.NaN;
    const message = await getDevMailboxMessage(deps.db, id);
    if (!message) return c.notFound();
    const locale = resolveLocale(c.req.raw);
    const l = LABELS[locale];
    const content = `<p><a href="/_dev/mail?lang=${locale}">← ${e(l.back)}</a></p>
<h1>${e(message.subject)}</h1>
<dl>
  <dt>${e(l.to)}</dt><dd>${e(message.to)}</dd>
  <dt>${e(l.date)}</dt><dd>${e(formatDate(message.createdAt, locale, "datetime"))}</dd>
</dl>
<h2>${e(l.html)}</h2>
<iframe title="${e(l.html)}" sandbox="allow-popups allow-popups-to-escape-sandbox" referrerpolicy="no-referrer" srcdoc="${e(message.html)}"></iframe>
<h2>${e(l.text)}</h2>
<pre>${linkify(message.text)}</pre>`;
    return page(c, locale, `${message.subject} · ${l.title}`, content);
  });
}

const BRAND: Record<Locale, string> = { th: "เครือข่ายสหกรณ์", en: "Sahakorn Network" };

const LABELS: Record<Locale, Record<"title" | "note" | "empty" | "date" | "to" | "subject" | "back" | "html" | "text" | "language", string>> = {
  th: {
    title: "กล่องอีเมลของผู้ดูแลระบบ",
    note: "ยังไม่ได้ตั้งค่า SMTP_URL ระบบจึงไม่ได้ส่งอีเมลออกไปจริง แต่เก็บไว้ที่นี่ให้ผู้ดูแลระบบอ่าน (เปิดได้จากเครื่องนี้เท่านั้น)",
    empty: "ยังไม่มีอีเมล",
    date: "วันที่",
    to: "ผู้รับ",
    subject: "หัวเรื่อง",
    back: "กลับไปที่กล่องอีเมล",
    html: "ฉบับ HTML",
    text: "ฉบับข้อความ",
    language: "English",
  },
  en: {
    title: "Operator's mailbox",
    note: "SMTP_URL is not set, so e-mail is not sent out: it is kept here for the operator to read (from this machine only).",
    empty: "No e-mail yet.",
    date: "Date",
    to: "To",
    subject: "Subject",
    back: "Back to the mailbox",
    html: "HTML version",
    text: "Text version",
    language: "ภาษาไทย",
  },
};

const STYLE = `
body{margin:0;background:#fbf8f2;color:#35271a;font:16px/1.6 "Noto Sans Thai","Sarabun",Tahoma,Arial,sans-serif}
header{background:#3b5b29;color:#fff;padding:12px 24px;display:flex;justify-content:space-between;align-items:center}
header a{color:#fff}
main{max-width:960px;margin:0 auto;padding:24px}
h1{font-size:1.5rem;color:#314a24;margin:0 0 8px}
h2{font-size:1.1rem;color:#314a24;margin:24px 0 8px}
a{color:#3b5b29}
.note{color:#6d4f30;margin:0 0 16px}
.empty{padding:24px;background:#fff;border:1px solid #e2eed9;border-radius:8px}
table{width:100%;border-collapse:collapse;background:#fff;border:1px solid #e2eed9;border-radius:8px}
th,td{text-align:left;padding:8px 12px;border-bottom:1px solid #e2eed9;vertical-align:top}
th{background:#f2f7ee;color:#314a24;font-weight:600}
.nowrap{white-space:nowrap}
dl{display:grid;grid-template-columns:max-content 1fr;gap:4px 16px;margin:0}
dt{color:#6d4f30}
dd{margin:0}
iframe{width:100%;height:640px;border:1px solid #e2eed9;border-radius:8px;background:#fff}
pre{white-space:pre-wrap;word-break:break-word;background:#fff;border:1px solid #e2eed9;border-radius:8px;padding:16px;font:14px/1.6 ui-monospace,monospace}
`;

function page(c: Context, locale: Locale, title: string, content: string): Response {
  const other: Locale = locale === "th" ? "en" : "th";
  const body = `<!doctype html>
<html lang="${locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${e(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<header><strong>${BRAND[locale]}</strong><a href="?lang=${other}" lang="${other}">${e(LABELS[locale].language)}</a></header>
<main>
${content}
</main>
</body>
</html>
`;
  return c.html(body, 200, {
    "Cache-Control": "no-store",
    // The e-mails hold one-time links: never leak them in a Referer, never run their scripts.
    "Referrer-Policy": "no-referrer",
    "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
    "X-Content-Type-Options": "nosniff",
  });
}

/** Escaped text with its http(s) links made clickable (they open outside this page). */
function linkify(text: string): string {
  let out = "";
  let last = 0;
  for (const match of text.matchAll(/https?:\/\/[^\s<>"']+/g)) {
    out += e(text.slice(last, match.index));
    out += `<a href="${e(match[0])}" target="_blank" rel="noopener noreferrer">${e(match[0])}</a>`;
    last = match.index + match[0].length;
  }
  return out + e(text.slice(last));
}

