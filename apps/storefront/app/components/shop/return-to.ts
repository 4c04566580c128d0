/**
 * Where an "add to cart" form sends the shopper back to: a path on this site only (never a
 * protocol-relative or absolute URL: that would be an open redirect), without an older notice.
 */
export function safeReturnTo(value: FormDataEntryValue | null): string {
  if (typeof value !== "string" || !value.startsWith("/") || value.startsWith("//") || value.includes("\\")) return "/";
  try {
    const url = new URL(value, "http://site.invalid");
    if (url.origin !== "http://site.invalid") return "/";
    url.searchParams.delete("added");
    url.hash = "";
    return url.pathname + url.search;
  } catch {
    return "/";
  }
}

/** The page to come back to after adding `productId`, with the notice and the product's card in view. */
export function addedPath(returnTo: string, productId: string): string {
  const url = new URL(returnTo, "http://site.invalid");
  url.searchParams.set("added", productId);
  return `${url.pathname}${url.search}#product-${productId}`;
}

/** The path of the current page, as a form's `returnTo`. */
export function currentPath(request: Request): string {
  const url = new URL(request.url);
  url.searchParams.delete("added");
  return url.pathname + url.search;
}
