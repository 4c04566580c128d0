/** The session cookie is host-only (no Domain), HttpOnly and SameSite=Lax; behind HTTPS it is also Secure with the __Host- prefix. */
export function sessionCookieName(secure: boolean): string {
  return secure ? "__Host-coop_session" : "coop_session";
}

export function sessionCookie(token: string, expires: Date, secure: boolean): string {
  return [
    `${sessionCookieName(secure)}=${token}`,
    "Path=/",
    "HttpOnly",
    "SameSite=Lax",
    `Expires=${expires.toUTCString()}`,
    ...(secure ? ["Secure"] : []),
  ].join("; ");
}

export function clearedSessionCookie(secure: boolean): string {
  return [`${sessionCookieName(secure)}=`, "Path=/", "HttpOnly", "SameSite=Lax", "Max-Age=0", ...(secure ? ["Secure"] : [])].join("; ");
}

export function readCookie(header: string | null | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(";")) {
    const index = part.indexOf("=");
    if (index > 0 && part.slice(0, index).trim() === name) {
      try {
        return decodeURIComponent(part.slice(index + 1).trim());
      } catch {
        return undefined; // a mangled cookie is no cookie, never an error page
      }
    }
  }
  return undefined;
}
