/**
 * Where "add to cart" on the listing returns to: a path of the listing itself (with its
 * filters), never another site — the value comes from a form anyone can post.
 */
export function safeMarketReturnTo(value: FormDataEntryValue | null): string {
  if (typeof value !== "string") return "/market";
  let url: URL;
  try {
    url = new URL(value, "http://network.invalid");
  } catch {
    return "/market";
  }
  if (url.origin !== "http://network.invalid" || url.pathname !== "/market") return "/market";
  url.searchParams.delete("added");
  const search = url.searchParams.toString();
  return search ? `/market?${search}` : "/market";
}

/** The listing again, saying which product just went into the cart. */
export function marketAddedPath(returnTo: string, productId: string): string {
  return `${returnTo}${returnTo.includes("?") ? "&" : "?"}added=${encodeURIComponent(productId)}`;
}
