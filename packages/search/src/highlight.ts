/** One piece of text to render; `match` pieces are shown marked (e.g. in `<mark>`). */
export interface TextSegment {
  text: string;
  match: boolean;
}

const segmenter = new Intl.Segmenter("th", { granularity: "word" });

/** A word of the text counts as a hit when it is a query word or begins with one (prefix search). */
function isHit(segment: string, words: readonly string[]): boolean {
  const lower = segment.toLowerCase();
  return words.some((word) => lower === word || ([...word].length > 1 && lower.startsWith(word)));
}

/**
 * Splits `text` into plain and matching pieces for the query `words` (lower-cased, as
 * `parseQuery` gives them). No HTML is produced: the page renders the pieces as text.
 */
export function highlight(text: string, words: readonly string[]): TextSegment[] {
  const out: TextSegment[] = [];
  const push = (piece: string, match: boolean) => {
    const last = out[out.length - 1];
    if (last && last.match === match) last.text += piece;
    else out.push({ text: piece, match });
  };
  for (const part of segmenter.segment(text.normalize("NFC"))) {
    push(part.segment, words.length > 0 && part.isWordLike === true && isHit(part.segment, words));
  }
  return out;
}


/**
 * The window of about `maxChars` characters of `text` holding the most distinct query words
 * (then the most hits; then the earliest), cut at word boundaries, with "…" where it was cut,
 * split into highlighted pieces.
 */
export function snippet(text: string, words: readonly string[], maxChars = 220): TextSegment[] {
  const clean = text.normalize("NFC").replace(/\s+/g, " ").trim();
  if (clean.length === 0) return [];
  const parts = [...segmenter.segment(clean)];
  let start = 0;
  if (clean.length > maxChars && words.length > 0) {
    const hits = parts.filter((p) => p.isWordLike === true && isHit(p.segment, words));
    let best = { distinct: 0, count: 0, index: 0 };
    for (const hit of hits) {
      // Start a little before the hit so it has some context on its left.
      const from = Math.max(0, hit.index - 30);
      const inWindow = hits.filter((h) => h.index >= from && h.index + h.segment.length <= from + maxChars);
      const distinct = new Set(inWindow.map((h) => words.find((w) => h.segment.toLowerCase().startsWith(w)))).size;
      if (distinct > best.distinct || (distinct === best.distinct && inWindow.length > best.count)) {
        best = { distinct, count: inWindow.length, index: from };
      }
    }
    start = best.index;
  }
  // Snap the window to whole segments.
  let from = 0;
  for (const part of parts) {
    if (part.index <= start) from = part.index;
    else break;
  }
  let to = clean.length;
  for (const part of parts) {
    if (part.index + part.segment.length > from + maxChars) {
      to = part.index;
      break;
    }
  }
  if (to <= from) to = Math.min(clean.length, from + maxChars);
  const body = highlight(clean.slice(from, to).trim(), words);
  const result: TextSegment[] = [];
  if (from > 0) result.push({ text: "… ", match: false });
  result.push(...body);
  if (to < clean.length) result.push({ text: " …", match: false });
  // Merge neighbours of the same kind the ellipses may have created.
  return result.reduce<TextSegment[]>((acc, seg) => {
    const last = acc[acc.length - 1];
    if (last && last.match === seg.match) last.text += seg.text;
    else acc.push({ ...seg });
    return acc;
  }, []);
}
