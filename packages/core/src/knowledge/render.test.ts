import { describe, expect, it } from "vitest";
import { articlePlainText, parseVideoUrl, renderArticleHtml, sanitizeArticleHtml } from "./render.ts";

const TENANT = "11111111-2222-4333-8444-555555555555";
const OWN_IMAGE = `/media/t/${TENANT}/k/0123456789abcdef-1600.webp`;

const ALLOWED: Record<string, string[]> = {
  h1: [], h2: [], h3: [], h4: [], h5: [], h6: [], p: [], br: [], ul: [], ol: ["start"], li: [], blockquote: [], pre: [], code: [],
  em: [], strong: [], s: [], del: [], a: ["href", "rel"], img: ["src", "alt", "title", "loading"], table: [], thead: [], tbody: [],
  tr: [], th: [], td: [], hr: [], div: ["class"], iframe: ["src", "title", "loading", "allow", "allowfullscreen", "referrerpolicy"],
};
const PLAYER = /^https:\/\/www\.(youtube-nocookie\.com\/embed\/[A-Za-z0-9_-]{11}|facebook\.com\/plugins\/video\.php\?href=[A-Za-z0-9%._-]+&amp;show_text=false)$/;

/**
 * Reads sanitised output the way a browser would have to: every "<" must open a well-formed
 * tag of the allow-list with allowed attributes only, and every URL must be a safe one. Returns
 * the problems found (none for safe output).
 */
function problemsOf(html: string): string[] {
  const problems: string[] = [];
  const TAG = /<(\/?)([a-z0-9]+)((?:\s+[a-z-]+(?:="[^"<>]*")?)*)\s*\/?>/gy;
  for (let i = html.indexOf("<"); i !== -1; i = html.indexOf("<", i + 1)) {
    TAG.lastIndex = i;
    const match = TAG.exec(html);
    if (!match) {
      problems.push(`stray "<" at ${i}: ${html.slice(i, i + 40)}`);
      continue;
    }
    const [, , name, attrText] = match;
    const allowed = ALLOWED[name!];
    if (!allowed) {
      problems.push(`tag ${name}`);
      continue;
    }
    for (const attr of (attrText ?? "").matchAll(/([a-z-]+)(?:="([^"]*)")?/g)) {
      const [, attrName, value = ""] = attr;
      if (!allowed.includes(attrName!)) problems.push(`${name}[${attrName}]`);
      const decoded = value.replace(/&#x?[0-9a-f]+;?/gi, "").toLowerCase();
      if (attrName === "href" && !/^(https?:\/\/|mailto:)/.test(decoded)) problems.push(`href ${value}`);
      if (attrName === "src" && name === "img" && value !== OWN_IMAGE) problems.push(`img src ${value}`);
      if (attrName === "src" && name === "iframe" && !PLAYER.test(value)) problems.push(`iframe src ${value}`);
      if (/(javascript|vbscript|data):/.test(decoded.replace(/\s/g, ""))) problems.push(`scheme in ${name}[${attrName}]`);
    }
  }
  return problems;
}

// Payloads from the usual XSS cheat sheets, in Markdown and as raw HTML.
const PAYLOADS = [
  "<script>alert(1)</script>",
  "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
  "<img src=x onerror=alert(1)>",
  "<img src=\"javascript:alert('x')\">",
  "<IMG SRC=JaVaScRiPt:alert('XSS')>",
  "<img src=`javascript:alert(1)`>",
  "<body onload=alert(1)>",
  "<svg onload=alert(1)>",
  "<svg><script>alert(1)</script></svg>",
  "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
  "<style>@import 'http://evil.example/x.css';</style>",
  "<div style=\"background:url(javascript:alert(1))\">x</div>",
  "<iframe src=\"javascript:alert(1)\"></iframe>",
  "<iframe srcdoc=\"<script>alert(1)</script>\"></iframe>",
  "<iframe src=\"https://evil.example/\"></iframe>",
  "<iframe src=\"https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ\" onload=\"alert(1)\"></iframe>",
  "<object data=\"javascript:alert(1)\"></object>",
  "<embed src=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\">",
  "<a href=\"javascript:alert(1)\">x</a>",
  "<a href=\"jav&#x09;ascript:alert(1)\">x</a>",
  "<a href=\"&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)\">x</a>",
  "<a href=\"&#x6A;avascript:alert(1)\">x</a>",
  "<a href=\" javascript:alert(1)\">x</a>",
  "<a href=\"vbscript:msgbox(1)\">x</a>",
  "<a href=\"data:text/html,<script>alert(1)</script>\">x</a>",
  "<a href=\"https://ok.example\" onclick=\"alert(1)\">x</a>",
  "<a href='https://ok.example' style='position:fixed'>x</a>",
  "<form action=\"javascript:alert(1)\"><button>x</button></form>",
  "<input onfocus=alert(1) autofocus>",
  "<details open ontoggle=alert(1)>",
  "<base href=\"javascript:alert(1)//\">",
  "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">",
  "<link rel=stylesheet href=\"javascript:alert(1)\">",
  "<video><source onerror=\"alert(1)\"></video>",
  "<marquee onstart=alert(1)>",
  "\"><script>alert(1)</script>",
  "'><img src=x onerror=alert(1)>",
  "<<script>script>alert(1)<</script>/script>",
  "<!--<script>alert(1)</script>-->",
  "<![CDATA[<script>alert(1)</script>]]>",
  "[click](javascript:alert(1))",
  "[click](JAVASCRIPT:alert(1))",
  "[click](javascript&#58;alert(1))",
  "[click](&#106;avascript:alert(1))",
  "[click](vbscript:msgbox(1))",
  "[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
  "[click](  javascript:alert(1))",
  "[click](<javascript:alert(1)>)",
  "[x](https://ok.example\"onmouseover=\"alert(1))",
  "[x](https://ok.example 'title\" onmouseover=\"alert(1)')",
  "![img](javascript:alert(1))",
  "![img](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)",
  "![img](https://evil.example/track.png)",
  "![img\" onerror=\"alert(1)](x.png)",
  `![ok](${OWN_IMAGE}" onerror="alert(1))`,
  "<javascript:alert(1)>",
  "https://www.youtube.com/watch?v=dQw4w9WgXcQ\"><script>alert(1)</script>",
  "https://www.youtube.com/watch?v=abc\"onload=x",
  "https://youtu.be/dQw4w9WgXc%22%3E",
  "https://www.facebook.com/x\"y/videos/123/",
  "https://www.facebook.com/page/videos/1\"onload=\"alert(1)/",
  "```html\n<script>alert(1)</script>\n```",
  "`<img src=x onerror=alert(1)>`",
  "| a |\n|---|\n| <img src=x onerror=alert(1)> |",
  "> <script>alert(1)</script>",
];

describe("renderArticleHtml", () => {
  it.each(PAYLOADS)("leaves nothing executable: %s", (payload) => {
    const html = renderArticleHtml(`ข้อความก่อน\n\n${payload}\n\nข้อความหลัง`, TENANT);
    expect(problemsOf(html)).toEqual([]);
    expect(html.toLowerCase()).not.toMatch(/<(script|svg|math|style|object|embed|form|base|meta|link)\b/);
  });

  it.each(PAYLOADS)("the sanitiser holds on its own against raw HTML: %s", (payload) => {
    const html = sanitizeArticleHtml(payload, TENANT);
    expect(problemsOf(html)).toEqual([]);
    expect(html.toLowerCase()).not.toMatch(/<(script|svg|math|style|object|embed|form)\b/);
  });

  it("the checker itself spots executable markup", () => {
    expect(problemsOf('<img src="x" onerror="alert(1)">')).not.toEqual([]);
    expect(problemsOf('<a href="javascript:alert(1)">x</a>')).not.toEqual([]);
    expect(problemsOf("<script>alert(1)</script>")).not.toEqual([]);
  });

  it("renders ordinary Markdown: headings, emphasis, lists, quotes, code, tables, rules", () => {
    const html = renderArticleHtml("## หัวข้อ\n\n**หนา** *เอียง*\n\n- หนึ่ง\n- สอง\n\n> คำคม\n\n```\ncode\n```\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n---", TENANT);
    for (const tag of ["<h2>", "<strong>", "<em>", "<ul>", "<li>", "<blockquote>", "<pre><code>", "<table>", "<td>", "<hr />"]) expect(html).toContain(tag);
  });

  it("keeps http(s) and mailto links, with rel noopener nofollow ugc", () => {
    const html = renderArticleHtml("[a](https://example.com/x?y=1) [b](mailto:coop@example.com) [c](/relative) [d](ftp://x.example)", TENANT);
    expect(html).toContain('<a href="https://example.com/x?y=1" rel="noopener nofollow ugc">a</a>');
    expect(html).toContain('<a href="mailto:coop@example.com" rel="noopener nofollow ugc">b</a>');
    expect(html).not.toContain('href="/relative"');
    expect(html).not.toContain("ftp:");
  });

  it("keeps only the co-op's own uploaded images", () => {
    const other = OWN_IMAGE.replace(TENANT, "99999999-2222-4333-8444-555555555555");
    const html = renderArticleHtml(`![mine](${OWN_IMAGE})\n\n![theirs](${other})\n\n![web](https://example.com/a.webp)`, TENANT);
    expect(html).toContain(`<img src="${OWN_IMAGE}" alt="mine" loading="lazy" />`);
    expect(html).not.toContain(other);
    expect(html).not.toContain("example.com");
  });

  it("turns a paragraph that is only a YouTube or Facebook URL into a player", () => {
    const cases: Array<[string, string]> = [
      ["https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=10", "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"],
      ["https://youtu.be/dQw4w9WgXcQ", "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"],
      ["https://youtube.com/shorts/dQw4w9WgXcQ", "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"],
      ["https://m.youtube.com/watch?v=dQw4w9WgXcQ", "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"],
      [
        "https://www.facebook.com/coop.korat/videos/1234567890/",
        "https://www.facebook.com/plugins/video.php?href=https%3A%2F%2Fwww.facebook.com%2Fcoop.korat%2Fvideos%2F1234567890%2F&amp;show_text=false",
      ],
      ["https://www.facebook.com/watch/?v=42", "https://www.facebook.com/plugins/video.php?href=https%3A%2F%2Fwww.facebook.com%2Fwatch%2F%3Fv%3D42&amp;show_text=false"],
    ];
    for (const [url, src] of cases) {
      const html = renderArticleHtml(`ก่อน\n\n${url}\n\nหลัง`, TENANT);
      expect(html).toContain(`<div class="video-embed"><iframe src="${src}"`);
      expect(problemsOf(html)).toEqual([]);
    }
  });

  it("leaves a video URL inside a sentence as a plain link", () => {
    const html = renderArticleHtml("ดูคลิป https://youtu.be/dQw4w9WgXcQ นี้", TENANT);
    expect(html).not.toContain("<iframe");
    expect(html).toContain('<a href="https://youtu.be/dQw4w9WgXcQ"');
  });

  it("recognises only well-formed video ids", () => {
    expect(parseVideoUrl("https://youtu.be/short")).toBeNull();
    expect(parseVideoUrl("https://evil.example/watch?v=dQw4w9WgXcQ")).toBeNull();
    expect(parseVideoUrl("https://youtube.com.evil.example/watch?v=dQw4w9WgXcQ")).toBeNull();
    expect(parseVideoUrl("javascript:alert(1)")).toBeNull();
    expect(parseVideoUrl("https://www.facebook.com/page/posts/123")).toBeNull();
    expect(parseVideoUrl("https://www.youtube.com/watch?v=dQw4w9WgXcQ")).toEqual({ provider: "youtube", id: "dQw4w9WgXcQ" });
  });
});

describe("articlePlainText", () => {
  it("keeps the words and drops the markup", () => {
    const text = articlePlainText(renderArticleHtml("# ปุ๋ยหมัก\n\nใช้ **ฟางข้าว** & มูลวัว\n\n- ข้อหนึ่ง", TENANT));
    expect(text).toBe("ปุ๋ยหมัก\nใช้ ฟางข้าว & มูลวัว\nข้อหนึ่ง");
  });
});
