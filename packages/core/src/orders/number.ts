/** The co-op's order-number prefix: the first two letters or digits of its subdomain, upper-cased. */
export function orderNumberPrefix(slug: string): string {
  return slug.replace(/[^a-z0-9]/gi, "").slice(0, 2).toUpperCase();
}

/** `KR-000123`: what customers and staff read, say on the phone and search for. */
export function formatOrderNumber(slug: string, number: number): string {
  return `${orderNumberPrefix(slug)}-${String(number).padStart(6, "0")}`;
}

/** The number inside `KR-000123`, `kr000123`, `000123` or `123`; null when the text is not one. */
export function parseOrderNumber(text: string): number | null {
  const match = /^(?:[a-z0-9]{2}-|[a-z]{2})?(\d{1,9})$/i.exec(text.trim());
  return match?.[1] ? Number(match[1]) : null;
}
