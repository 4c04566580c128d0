/**
 * Test helper: a strict enough XML well-formedness check for our own documents (feeds,
 * sitemaps): one root, balanced tags, quoted attributes, no raw `<` or stray `&` in text or
 * attribute values. Used by reach.test.ts and knowledge-feeds.test.ts.
 */
export function parseXml(xml: string): { root: string; elements: string[] } {
  const ENTITY = /&(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);/g;
  const body = xml.replace(/^<\?xml [^?]*\?>\s*/, "");
  const stack: string[] = [];
  const elements: string[] = [];
  let root: string | null = null;
  const token = /<(\/?)([A-Za-z_][\w:.-]*)((?:\s+[\w:.-]+="[^"<]*")*)\s*(\/?)>|([^<]+)|(<)/gy;
  for (const match of body.matchAll(token)) {
    const [, closing, name, attributes, selfClosing, text, strayLt] = match;
    if (strayLt) throw new Error(`Stray "<" at ${match.index}`);
    const content = text ?? attributes ?? "";
    if (content.replace(ENTITY, "").includes("&")) throw new Error(`Unescaped "&" near ${match.index}: ${content}`);
    if (text !== undefined) {
      if (stack.length === 0 && text.trim()) throw new Error(`Text outside the root: ${text}`);
      continue;
    }
    if (closing) {
      if (stack.pop() !== name) throw new Error(`Unbalanced </${name}>`);
      continue;
    }
    if (stack.length === 0) {
      if (root) throw new Error("More than one root element");
      root = name!;
    }
    elements.push(name!);
    if (!selfClosing) stack.push(name!);
  }
  if (!root || stack.length > 0) throw new Error(`Unclosed elements: ${stack.join(", ")}`);
  return { root, elements };
}
