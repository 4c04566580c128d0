import { ARTICLE_IMAGE_VARIANTS } from "@coop/core";
import { COVER_VARIANTS, isSafeMediaKey, LOGO_VARIANTS, type MediaStorage, PRODUCT_PHOTO_VARIANTS, SLIP_VARIANTS } from "@coop/core/media";
import type { MediaFile } from "@coop/db/export";

/** Every size an upload is stored at, whatever it is (photo, logo, cover, slip, article image). */
const VARIANT_SIZES = [...new Set([PRODUCT_PHOTO_VARIANTS, LOGO_VARIANTS, COVER_VARIANTS, SLIP_VARIANTS, ARTICLE_IMAGE_VARIANTS].flatMap((v) => v.sizes))];

async function bytesOf(body: Uint8Array | ReadableStream<Uint8Array>): Promise<Uint8Array> {
  return body instanceof Uint8Array ? body : new Uint8Array(await new Response(body).arrayBuffer());
}

/**
 * Reads the co-op's uploaded files for an export. Rows name some variants only (a logo row holds
 * its largest size; the smaller ones follow from it), so for every `…-<size>.webp` key the other
 * sizes any kind of upload uses are tried too: those that exist are taken. `missing` lists keys
 * the rows name that the storage does not have (reported to the operator, not fatal).
 */
export function coopMediaReader(storage: MediaStorage): { read: (tenantId: string, keys: string[]) => Promise<MediaFile[]>; missing: string[] } {
  const missing: string[] = [];
  return {
    missing,
    async read(tenantId, keys) {
      const named = new Set(keys.filter(isSafeMediaKey));
      const candidates = new Set(named);
      for (const key of named) {
        const match = /^(.*)-\d+\.webp$/.exec(key);
        if (match) for (const size of VARIANT_SIZES) candidates.add(`${match[1]}-${size}.webp`);
      }
      const files: MediaFile[] = [];
      for (const key of [...candidates].sort()) {
        if (!key.startsWith(`t/${tenantId}/`)) continue;
        const object = await storage.get(key);
        if (object) files.push({ key, contentType: object.contentType, bytes: await bytesOf(object.body) });
        else if (named.has(key)) missing.push(key);
      }
      return files;
    },
  };
}

/** Stores an import's files; returns the keys that could not be stored (with why). */
export async function storeCoopMedia(storage: MediaStorage, files: MediaFile[]): Promise<string[]> {
  const failed: string[] = [];
  for (const file of files) {
    if (!isSafeMediaKey(file.key)) {
      failed.push(`${file.key} (unsafe key)`);
      continue;
    }
    try {
      await storage.put(file.key, file.bytes, file.contentType);
    } catch (error) {
      failed.push(`${file.key} (${(error as Error).message})`);
    }
  }
  return failed;
}
