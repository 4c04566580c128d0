/** Where a back-office page sends someone to sign in, coming back to `next` afterwards. */
export function signInPath(next: string): string {
  return next === "/admin" ? "/admin/sign-in" : `/admin/sign-in?next=${encodeURIComponent(next)}`;
}

/** The page this request is for, as a path (for `?next=`). */
export function pathOf(request: Request): string {
  const url = new URL(request.url);
  return url.pathname + url.search;
}

/**
 * A `?next=` value that is safe to redirect to: a back-office path on this host, never a
 * protocol-relative or absolute URL (that would be an open redirect).
 */
export function safeNext(value: FormDataEntryValue | string | null | undefined): string {
  if (typeof value !== "string") return "/admin";
  if (!/^\/admin(?:[/?#]|$)/.test(value) || value.includes("\\") || value.startsWith("//")) return "/admin";
  // The sign-in page itself is no place to come back to.
  return /^\/admin\/sign-in(?:[/?#]|$)/.test(value) ? "/admin" : value;
}
