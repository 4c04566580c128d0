import MarkdownIt from "markdown-it";
import sanitizeHtml from "sanitize-html";

/**
 * Article bodies: Markdown in, safe HTML out. Raw HTML in the Markdown is never parsed (it is
 * shown as text); the renderer's output then goes through an allow-list sanitiser, so even a
 * bug in the renderer cannot let a script, an event handler or a foreign frame through. The
 * only iframes are the video players built here from a recognised YouTube/Facebook URL.
 */

const markdown = new MarkdownIt({ html: false, linkify: true, breaks: true, typographer: false });

const YOUTUBE_ID = /^[A-Za-z0-9_-]{11}$/;
const FACEBOOK_SEGMENT = /^[A-Za-z0-9._-]{1,100}$/;
const DIGITS = /^\d{1,30}$/;

function escapeAttribute(value: string): string {
  return value.replaceAll("&", "&amp;").replaceAll('"', "&quot;").replaceAll("<", "&lt;").replaceAll(">", "&gt;").replaceAll("'", "&#39;");
}

export type VideoEmbed = { provider: "youtube"; id: string } | { provider: "facebook"; href: string };

/** The video a URL points to, or null: only YouTube and Facebook video URLs are recognised. */
export function parseVideoUrl(text: string): VideoEmbed | null {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    return null;
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") return null;
  if (url.username || url.password || url.port) return null;
  const host = url.hostname.toLowerCase().replace(/^(www\.|m\.|mobile\.)/, "");
  const parts = url.pathname.split("/").filter(Boolean);
  if (host === "youtube.com" || host === "youtube-nocookie.com") {
    const id = parts[0] === "watch" ? url.searchParams.get("v") : parts[0] === "shorts" || parts[0] === "embed" || parts[0] === "live" ? parts[1] : null;
    return id && YOUTUBE_ID.test(id) ? { provider: "youtube", id } : null;
  }
  if (host === "youtu.be") {
    const id = parts[0];
    return id && YOUTUBE_ID.test(id) ? { provider: "youtube", id } : null;
  }
  if (host === "facebook.com") {
    // facebook.com/<page>/videos/<id>, facebook.com/watch/?v=<id>, facebook.com/reel/<id>
    if (parts.length >= 3 && parts[1] === "videos" && FACEBOOK_SEGMENT.test(parts[0]!) && DIGITS.test(parts.at(-1)!)) {
      return { provider: "facebook", href: `https://www.facebook.com/${parts[0]}/videos/${parts.at(-1)}/` };
    }
    const v = url.searchParams.get("v");
    if (parts[0] === "watch" && v && DIGITS.test(v)) return { provider: "facebook", href: `https://www.facebook.com/watch/?v=${v}` };
    if (parts[0] === "reel" && parts[1] && DIGITS.test(parts[1])) return { provider: "facebook", href: `https://www.facebook.com/reel/${parts[1]}` };
    return null;
  }
  if (host === "fb.watch" && parts[0] && FACEBOOK_SEGMENT.test(parts[0])) {
    return { provider: "facebook", href: `https://fb.watch/${parts[0]}/` };
  }
  return null;
}

/** The player markup for a recognised video; every value in it is checked or escaped. */
export function videoPlayerHtml(video: VideoEmbed): string {
  const src =
    video.provider === "youtube"
      ? `https://www.youtube-nocookie.com/embed/${encodeURIComponent(video.id)}`
      : `https://www.facebook.com/plugins/video.php?href=${encodeURIComponent(video.href)}&show_text=false`;
  return (
    `<div class="video-embed"><iframe src="${escapeAttribute(src)}" title="video" loading="lazy" ` +
    `allow="encrypted-media; picture-in-picture; fullscreen" allowfullscreen="allowfullscreen" referrerpolicy="strict-origin-when-cross-origin"></iframe></div>\n`
  );
}

// A paragraph whose only content is a video URL becomes a player.
markdown.core.ruler.push("video_embeds", (state) => {
  const tokens = state.tokens;
  for (let i = 0; i + 2 < tokens.length; i++) {
    const [open, inline, close] = [tokens[i]!, tokens[i + 1]!, tokens[i + 2]!];
    if (open.type !== "paragraph_open" || inline.type !== "inline" || close.type !== "paragraph_close") continue;
    const text = inline.content.trim();
    if (!/^\S+$/.test(text)) continue;
    const video = parseVideoUrl(text);
    if (!video) continue;
    const block = new state.Token("html_block", "", 0);
    block.content = videoPlayerHtml(video);
    block.block = true;
    tokens.splice(i, 3, block);
  }
});

const PLAYER_SRC = [
  /^https:\/\/www\.youtube-nocookie\.com\/embed\/[A-Za-z0-9_-]{11}$/,
  /^https:\/\/www\.facebook\.com\/plugins\/video\.php\?href=[A-Za-z0-9%._-]+&show_text=false$/,
];
const LINK_HREF = /^(https?:\/\/|mailto:)/i;

/** Image URLs of this co-op's own article images (`/media/t/<tenantId>/k/<hash>-<size>.webp`). */
function ownImagePattern(tenantId: string): RegExp {
  const id = tenantId.replace(/[^0-9a-f-]/gi, "");
  return new RegExp(`^/media/t/${id}/k/[0-9a-f]{16}-\\d{1,5}\\.webp$`);
}

function sanitizeOptions(tenantId: string): sanitizeHtml.IOptions {
  const ownImage = ownImagePattern(tenantId);
  return {
    allowedTags: [
      "h1", "h2", "h3", "h4", "h5", "h6", "p", "br", "ul", "ol", "li", "blockquote", "pre", "code", "em", "strong", "s", "del",
      "a", "img", "table", "thead", "tbody", "tr", "th", "td", "hr", "div", "iframe",
    ],
    allowedAttributes: {
      a: ["href", "rel"],
      img: ["src", "alt", "title", "loading"],
      ol: ["start"],
      div: ["class"],
      iframe: ["src", "title", "loading", "allow", "allowfullscreen", "referrerpolicy"],
    },
    allowedClasses: { div: ["video-embed"] },
    allowedSchemes: ["http", "https", "mailto"],
    allowedSchemesByTag: { img: [] },
    allowedSchemesAppliedToAttributes: ["href", "src"],
    allowProtocolRelative: false,
    allowedIframeHostnames: ["www.youtube-nocookie.com", "www.facebook.com"],
    disallowedTagsMode: "discard",
    transformTags: {
      a: (tagName, attribs) => {
        const href = attribs.href ?? "";
        const kept: sanitizeHtml.Attributes = LINK_HREF.test(href) ? { href, rel: "noopener nofollow ugc" } : {};
        return { tagName, attribs: kept };
      },
      img: (tagName, attribs) => ({ tagName, attribs: { ...attribs, loading: "lazy" } }),
    },
    exclusiveFilter: (frame) => {
      if (frame.tag === "iframe") return !PLAYER_SRC.some((re) => re.test(frame.attribs.src ?? ""));
      if (frame.tag === "img") return !ownImage.test(frame.attribs.src ?? "");
      return false;
    },
  };
}

/** The sanitised HTML of an article body. Images are kept only when they are the co-op's own uploads. */
export function renderArticleHtml(bodyMd: string, tenantId: string): string {
  return sanitizeHtml(markdown.render(bodyMd), sanitizeOptions(tenantId));
}

/** Any HTML through the same allow-list (exported for tests: the sanitiser must hold on its own). */
export function sanitizeArticleHtml(html: string, tenantId: string): string {
  return sanitizeHtml(html, sanitizeOptions(tenantId));
}

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', "#39": "'", nbsp: " " };

/** The words of an article body, for the search index and summaries (no markup). */
export function articlePlainText(bodyHtml: string): string {
  const spaced = bodyHtml.replace(/<\/(p|h[1-6]|li|blockquote|pre|tr|div)>|<br\s*\/?>/gi, "$&\n");
  const text = sanitizeHtml(spaced, { allowedTags: [], allowedAttributes: {} });
  return text
    .replace(/&(amp|lt|gt|quot|#39|nbsp);/g, (_, name: string) => ENTITIES[name] ?? "")
    .replace(/[ \t]+/g, " ")
    .replace(/\n\s*\n+/g, "\n")
    .trim();
}
