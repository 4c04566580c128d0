/** Where the API serves stored media; the one place that knows the URL shape. */
export const MEDIA_PATH_PREFIX = "/media/";

/** The public, root-relative URL of a stored object (`/media/t/<tenantId>/p/<hash>-640.webp`). */
export function mediaUrl(key: string): string {
  return MEDIA_PATH_PREFIX + key;
}

/** The storage prefix that holds everything of one co-op. */
export function tenantMediaPrefix(tenantId: string): string {
  return `t/${tenantId}/`;
}
