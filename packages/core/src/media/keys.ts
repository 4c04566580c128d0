import { createHash } from "node:crypto";
import { COVER_VARIANTS, LOGO_VARIANTS, type VariantSpec } from "./process.ts";
import { tenantMediaPrefix } from "./urls.ts";

export type CoopImageKind = "logo" | "cover";

export const COOP_IMAGE_VARIANTS: Record<CoopImageKind, VariantSpec> = { logo: LOGO_VARIANTS, cover: COVER_VARIANTS };

/**
 * Keys name their content (first 64 bits of the upload's SHA-256) and their co-op, so a URL
 * never changes meaning and may be cached for good, and a co-op's files share one prefix:
 * `t/<tenantId>/p/<hash>-<size>.webp`, `t/<tenantId>/logo/…`, `t/<tenantId>/cover/…`.
 */
export function contentHash(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex").slice(0, 16);
}

export const productPhotoStem = (tenantId: string, hash: string) => `${tenantMediaPrefix(tenantId)}p/${hash}-`;

export const productPhotoKey = (tenantId: string, hash: string, size: number) => `${productPhotoStem(tenantId, hash)}${size}.webp`;

export const coopImageKey = (tenantId: string, kind: CoopImageKind, hash: string, size: number) =>
  `${tenantMediaPrefix(tenantId)}${kind}/${hash}-${size}.webp`;

/**
 * The variants behind a `tenants.logo_key` / `cover_key`. Only the largest key is stored; the
 * others follow from it, because every listed size below the largest is always made.
 */
export function coopImageVariantKeys(kind: CoopImageKind, key: string): Array<{ size: number; key: string }> {
  const match = /^(.*)-(\d+)\.webp$/.exec(key);
  if (!match) return [{ size: 0, key }];
  const [, stem, largestText] = match;
  const largest = Number(largestText);
  return [...COOP_IMAGE_VARIANTS[kind].sizes.filter((s) => s < largest), largest].map((size) => ({ size, key: `${stem}-${size}.webp` }));
}
