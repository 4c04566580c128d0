import { AppError } from "../errors.ts";

/** The largest upload we accept, in bytes (a phone photo is 2–6 MB; HEIC less). */
export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;

export const IMAGE_TYPES = ["jpeg", "png", "webp", "heic"] as const;
export type ImageType = (typeof IMAGE_TYPES)[number];

export const IMAGE_MIME: Record<ImageType, string> = {
  jpeg: "image/jpeg",
  png: "image/png",
  webp: "image/webp",
  heic: "image/heic",
};

// ISO-BMFF major brands of HEVC-coded HEIF ("heic"…) and of the generic HEIF brands
// ("mif1"…) phones write. AVIF shares the container but is not accepted here.
const HEIF_BRANDS = new Set(["heic", "heix", "heim", "heis", "hevc", "hevx", "hevm", "hevs", "mif1", "mif2", "msf1"]);
const GENERIC_HEIF_BRANDS = new Set(["mif1", "mif2", "msf1"]);
const AVIF_BRANDS = new Set(["avif", "avis"]);

const ascii = (bytes: Uint8Array, start: number, end: number) => String.fromCharCode(...bytes.subarray(start, end));

const startsWith = (bytes: Uint8Array, signature: readonly number[], offset = 0) =>
  bytes.length >= offset + signature.length && signature.every((b, i) => bytes[offset + i] === b);

function isHeif(bytes: Uint8Array): boolean {
  if (bytes.length < 16 || ascii(bytes, 4, 8) !== "ftyp") return false;
  const boxSize = ((bytes[0] ?? 0) << 24) | ((bytes[1] ?? 0) << 16) | ((bytes[2] ?? 0) << 8) | (bytes[3] ?? 0);
  if (boxSize < 16 || boxSize > 4096 || boxSize > bytes.length) return false;
  const major = ascii(bytes, 8, 12);
  if (!HEIF_BRANDS.has(major)) return false;
  if (!GENERIC_HEIF_BRANDS.has(major)) return true;
  // A generic "mif1" file is HEIC unless its compatible brands say it is AVIF.
  const compatible: string[] = [];
  for (let offset = 16; offset + 4 <= boxSize; offset += 4) compatible.push(ascii(bytes, offset, offset + 4));
  return !compatible.some((brand) => AVIF_BRANDS.has(brand));
}

/**
 * The image type the bytes really are, judged by their signature alone: the file name and
 * the Content-Type a client sends are never trusted. Null for anything else.
 */
export function detectImageType(bytes: Uint8Array): ImageType | null {
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return "jpeg";
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "png";
  if (bytes.length >= 16 && ascii(bytes, 0, 4) === "RIFF" && ascii(bytes, 8, 12) === "WEBP") return "webp";
  if (isHeif(bytes)) return "heic";
  return null;
}

/**
 * Checks an upload before any decoder sees it: not empty, at most MAX_UPLOAD_BYTES, and one
 * of the image types we accept. Throws AppError VALIDATION (`media.too_large`,
 * `media.corrupt`, `media.unsupported_type`) otherwise.
 */
export function inspectUpload(bytes: Uint8Array, maxBytes = MAX_UPLOAD_BYTES): ImageType {
  if (bytes.length > maxBytes) {
    throw new AppError("VALIDATION", "media.too_large", {
      params: { maxMegabytes: Math.floor(maxBytes / (1024 * 1024)) },
      detail: `${bytes.length} bytes`,
    });
  }
  if (bytes.length === 0) throw new AppError("VALIDATION", "media.corrupt", { detail: "empty file" });
  const type = detectImageType(bytes);
  if (!type) {
    throw new AppError("VALIDATION", "media.unsupported_type", {
      detail: `signature ${Buffer.from(bytes.subarray(0, 12)).toString("hex")}`,
    });
  }
  return type;
}
