import sharp from "sharp";
import { AppError } from "../errors.ts";
import { decodeHeic, HeicDecodeError } from "./heic.ts";
import { type ImageType, inspectUpload } from "./inspect.ts";
import { createLimiter } from "../util/concurrency.ts";

/**
 * Decoded images are bounded in pixels, not only in bytes: a 10 MB file can claim to be
 * 100 000 × 100 000 pixels (a decompression bomb). 50 MP admits a 48 MP phone photo.
 */
export const MAX_INPUT_PIXELS = 50_000_000;

/** At most this many images are decoded at once, so a burst of uploads cannot exhaust memory. */
export const MAX_CONCURRENT_IMAGE_JOBS = 2;

/**
 * Which derivatives to make: `fit: "width"` scales to each width (photos, covers);
 * `fit: "box"` fits inside a square of each size (logos, whatever their shape).
 */
export interface VariantSpec {
  readonly sizes: readonly number[];
  readonly fit: "width" | "box";
}

export const PRODUCT_PHOTO_VARIANTS: VariantSpec = { sizes: [320, 640, 1280], fit: "width" };
export const LOGO_VARIANTS: VariantSpec = { sizes: [128, 256, 512], fit: "box" };
export const COVER_VARIANTS: VariantSpec = { sizes: [640, 1280, 1920], fit: "width" };

export interface ImageVariant {
  /** The size asked for (a width, or a square's side); the original's own size when it was smaller than the largest. */
  size: number;
  width: number;
  height: number;
  /** WebP, without any metadata. */
  bytes: Buffer;
}

export interface ProcessedImage {
  type: ImageType;
  /** Of the original, upright (after its EXIF orientation was applied). */
  width: number;
  height: number;
  /** Smallest first. */
  variants: ImageVariant[];
}

export interface ProcessOptions {
  maxInputPixels?: number;
  maxBytes?: number;
}

const WEBP = { quality: 80, effort: 4 } as const;
const TIMEOUT_SECONDS = 30;

const withImageSlot = createLimiter(MAX_CONCURRENT_IMAGE_JOBS);

/**
 * The sizes to make for an original whose relevant dimension is `extent`: never larger than
 * the original (no upscaling); when the original is smaller than the largest size, it is
 * kept at its own size as the largest variant, so no quality is thrown away.
 */
export function plannedSizes(spec: VariantSpec, extent: number): number[] {
  const sizes = [...new Set(spec.sizes)].filter((s) => s <= extent).sort((a, b) => a - b);
  const largest = Math.max(...spec.sizes);
  if (extent < largest && !sizes.includes(extent)) sizes.push(extent);
  return sizes;
}

const tooManyPixels = (maxPixels: number, detail: string) =>
  new AppError("VALIDATION", "media.too_large", { params: { maxMegapixels: Math.floor(maxPixels / 1_000_000) }, detail });

/** Sniffs, decodes, turns upright, strips every bit of metadata and writes WebP variants. */
export async function processImage(bytes: Uint8Array, spec: VariantSpec, options: ProcessOptions = {}): Promise<ProcessedImage> {
  const type = inspectUpload(bytes, options.maxBytes);
  const maxPixels = options.maxInputPixels ?? MAX_INPUT_PIXELS;
  return withImageSlot(async () => {
    try {
      const { open, width, height } = type === "heic" ? await openHeic(bytes, maxPixels) : await openWithSharp(bytes, maxPixels);
      const extent = spec.fit === "width" ? width : Math.max(width, height);
      const variants: ImageVariant[] = [];
      for (const size of plannedSizes(spec, extent)) {
        const resize =
          spec.fit === "width"
            ? { width: size, withoutEnlargement: true }
            : { width: size, height: size, fit: "inside" as const, withoutEnlargement: true };
        // Without keepMetadata()/withMetadata() sharp writes no EXIF, XMP, IPTC or ICC data.
        const { data, info } = await open().resize(resize).webp(WEBP).toBuffer({ resolveWithObject: true });
        variants.push({ size, width: info.width, height: info.height, bytes: data });
      }
      return { type, width, height, variants };
    } catch (error) {
      if (error instanceof AppError) throw error;
      const message = error instanceof Error ? error.message : String(error);
      if (/pixel limit/i.test(message)) throw tooManyPixels(maxPixels, message);
      throw new AppError("VALIDATION", "media.corrupt", { detail: `${type}: ${message}` });
    }
  });
}

/**
 * A decoded image: `open()` starts a fresh pipeline on the same input for each variant
 * (sharp's clone() would copy the input buffer each time).
 */
interface OpenedImage {
  open: () => sharp.Sharp;
  width: number;
  height: number;
}

async function openWithSharp(bytes: Uint8Array, maxPixels: number): Promise<OpenedImage> {
  // failOn "error": a truncated or damaged file is refused rather than half-decoded.
  const open = () => sharp(bytes, { limitInputPixels: maxPixels, failOn: "error" }).timeout({ seconds: TIMEOUT_SECONDS });
  const meta = await open().metadata();
  if (!meta.width || !meta.height) throw new AppError("VALIDATION", "media.corrupt", { detail: "no dimensions" });
  const upright = (meta.orientation ?? 1) >= 5;
  return {
    // rotate() with no angle applies the EXIF orientation (and the output carries none).
    open: () => open().rotate(),
    width: upright ? meta.height : meta.width,
    height: upright ? meta.width : meta.height,
  };
}

/** HEVC-coded HEIC is decoded by libheif compiled to WebAssembly (sharp's prebuilt libvips has no HEVC), on a worker thread. */
async function openHeic(bytes: Uint8Array, maxPixels: number): Promise<OpenedImage> {
  let decoded;
  try {
    decoded = await decodeHeic(bytes, maxPixels);
  } catch (error) {
    if (error instanceof HeicDecodeError && error.reason === "too_many_pixels") throw tooManyPixels(maxPixels, error.message);
    throw new AppError("VALIDATION", "media.corrupt", { detail: (error as Error).message });
  }
  const { width, height, data } = decoded;
  const opaque = isOpaque(data);
  const open = () => {
    const image = sharp(data, { raw: { width, height, channels: 4 }, limitInputPixels: maxPixels }).timeout({ seconds: TIMEOUT_SECONDS });
    return opaque ? image.removeAlpha() : image;
  };
  return { open, width, height };
}

function isOpaque(rgba: Uint8Array): boolean {
  for (let i = 3; i < rgba.length; i += 4) if (rgba[i] !== 255) return false;
  return true;
}
