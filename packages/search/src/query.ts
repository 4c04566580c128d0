import { segmentWords } from "./segment.ts";

/** Longest query text read; anything beyond is ignored (a search box, not a document). */
export const MAX_QUERY_CHARS = 200;
/** At most this many words take part in a query, so a pasted paragraph stays cheap. */
export const MAX_QUERY_WORDS = 8;

export interface ParsedQuery {
  /** The query's words, lower-cased, in order, without duplicates. */
  words: string[];
  /** A `to_tsquery('simple', …)` expression: the words ANDed, the last one as a prefix; "" when no words. */
  tsquery: string;
  /** The words joined by spaces, for trigram similarity against `title_tokens`. */
  tokens: string;
}

// A lone character (a Thai vowel or mark cut off by the segmenter, "a", "ๆ") matches too much to be useful; digits stay.
function isUsefulWord(word: string): boolean {
  return [...word].length > 1 || /\p{Nd}/u.test(word);
}

/** Quotes one lexeme for `to_tsquery`: inside single quotes only `'` and `\` are special. */
function quoteLexeme(word: string): string {
  return `'${word.replace(/\\/g, "\\\\").replace(/'/g, "''")}'`;
}

/**
 * Turns what a user typed into a safe full-text query: the text is segmented with the same
 * segmenter the index uses (so "ปลูกข้าวหอมมะลิ" and "ปลูกข้าว หอมมะลิ" give the same words),
 * every word is quoted (quotes, colons, `&`, `|`, `!`, parentheses can never break the syntax),
 * the words are ANDed and the last one matches as a prefix (the user may still be typing it).
 */
export function parseQuery(text: string): ParsedQuery {
  const seen = new Set<string>();
  const words: string[] = [];
  for (const word of segmentWords(text.slice(0, MAX_QUERY_CHARS))) {
    if (!isUsefulWord(word) || seen.has(word)) continue;
    seen.add(word);
    words.push(word);
    if (words.length === MAX_QUERY_WORDS) break;
  }
  const tsquery = words.map((word, i) => (i === words.length - 1 ? `${quoteLexeme(word)}:*` : quoteLexeme(word))).join(" & ");
  return { words, tsquery, tokens: words.join(" ") };
}
