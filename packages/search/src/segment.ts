const segmenter = new Intl.Segmenter("th", { granularity: "word" });

/**
 * Splits text into lower-cased words: Thai by the ICU dictionary behind `Intl.Segmenter`, other
 * scripts at spaces and punctuation. Punctuation and spaces are dropped.
 */
export function segmentWords(text: string): string[] {
  const words: string[] = [];
  for (const part of segmenter.segment(text.normalize("NFC").toLowerCase())) {
    if (part.isWordLike) words.push(part.segment);
  }
  return words;
}

/** The words of `text` joined by single spaces: what `to_tsvector('simple', …)` is given. */
export function tokenString(text: string): string {
  return segmentWords(text).join(" ");
}
