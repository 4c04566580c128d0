/**
 * XML escaping and Atom 1.0 (RFC 4287) documents, shared by every feed the server answers:
 * the co-op's product feed (reach.ts) and the knowledge feeds (knowledge-feeds.ts).
 */

const XML_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" };
// Characters XML 1.0 does not allow at all (C0 controls but tab, newline and carriage return).
// eslint-disable-next-line no-control-regex
const XML_FORBIDDEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;

/** Text or attribute value made safe for XML (and so for SVG). */
export function escapeXml(text: string): string {
  return text.replace(XML_FORBIDDEN, "").replace(/[&<>"']/g, (ch) => XML_ESCAPES[ch]!);
}

export interface AtomEntry {
  /** A permanent, unique IRI (e.g. `urn:uuid:…`). */
  id: string;
  title: string;
  /** The human page of the entry. */
  link: string;
  updated: Date;
  published?: Date;
  summary?: string;
  author?: { name: string; uri?: string };
  categories?: readonly { term: string; label?: string }[];
  /** An image shown with the entry. */
  image?: { href: string; type: string };
}

export interface AtomFeed {
  id: string;
  title: string;
  subtitle?: string;
  lang: string;
  /** The feed's own address (`rel="self"`). */
  selfUrl: string;
  /** The page the feed mirrors (`rel="alternate"`). */
  alternateUrl: string;
  updated: Date;
  author: { name: string; uri?: string };
  entries: readonly AtomEntry[];
}

function authorXml(author: { name: string; uri?: string }, indent: string): string {
  const uri = author.uri ? `<uri>${escapeXml(author.uri)}</uri>` : "";
  return `${indent}<author><name>${escapeXml(author.name)}</name>${uri}</author>`;
}

function entryXml(entry: AtomEntry): string {
  return [
    "  <entry>",
    `    <id>${escapeXml(entry.id)}</id>`,
    `    <title>${escapeXml(entry.title)}</title>`,
    `    <link rel="alternate" type="text/html" href="${escapeXml(entry.link)}"/>`,
    ...(entry.image ? [`    <link rel="enclosure" type="${escapeXml(entry.image.type)}" href="${escapeXml(entry.image.href)}"/>`] : []),
    ...(entry.published ? [`    <published>${entry.published.toISOString()}</published>`] : []),
    `    <updated>${entry.updated.toISOString()}</updated>`,
    ...(entry.author ? [authorXml(entry.author, "    ")] : []),
    ...(entry.categories ?? []).map(
      (c) => `    <category term="${escapeXml(c.term)}"${c.label ? ` label="${escapeXml(c.label)}"` : ""}/>`,
    ),
    ...(entry.summary?.trim() ? [`    <summary>${escapeXml(entry.summary.trim())}</summary>`] : []),
    "  </entry>",
  ].join("\n");
}

export function atomFeedXml(feed: AtomFeed): string {
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${escapeXml(feed.lang)}">`,
    `  <id>${escapeXml(feed.id)}</id>`,
    `  <title>${escapeXml(feed.title)}</title>`,
    ...(feed.subtitle ? [`  <subtitle>${escapeXml(feed.subtitle)}</subtitle>`] : []),
    `  <link rel="self" type="application/atom+xml" href="${escapeXml(feed.selfUrl)}"/>`,
    `  <link rel="alternate" type="text/html" href="${escapeXml(feed.alternateUrl)}"/>`,
    `  <updated>${feed.updated.toISOString()}</updated>`,
    authorXml(feed.author, "  "),
    ...feed.entries.map(entryXml),
    "</feed>",
    "",
  ].join("\n");
}
