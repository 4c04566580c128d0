import { randomBytes } from "node:crypto";
import { mkdir, open, readFile, rename, rm, unlink } from "node:fs/promises";
import path from "node:path";
import type { S3Client } from "@aws-sdk/client-s3";
import type { MediaEnv, S3Config } from "./env.ts";

export interface StoredObject {
  body: Uint8Array | ReadableStream<Uint8Array>;
  contentType: string;
  /** In bytes, when the store knows it. */
  size: number | null;
}

/** Where uploaded images live. Keys are relative, slash-separated paths (see isSafeMediaKey). */
export interface MediaStorage {
  put(key: string, bytes: Uint8Array, contentType: string): Promise<void>;
  /** The object, or null when there is none. */
  get(key: string): Promise<StoredObject | null>;
  /** Removes the object; removing one that is not there is not an error. */
  delete(key: string): Promise<void>;
}

/** Thrown for a key that could escape the store's root (`..`, absolute paths, odd characters). */
export class UnsafeMediaKeyError extends Error {
  constructor(key: string) {
    super(`Unsafe media key: ${JSON.stringify(key.slice(0, 200))}`);
    this.name = "UnsafeMediaKeyError";
  }
}

// Segments of letters, digits, '_', '-' and '.', never starting with '.', so neither '..'
// nor hidden names (the local store's own '.tmp') can be named.
const SEGMENT = "[A-Za-z0-9_-][A-Za-z0-9._-]{0,127}";
const SAFE_KEY = new RegExp(`^${SEGMENT}(?:/${SEGMENT}){0,15}$`);

export function isSafeMediaKey(key: string): boolean {
  return key.length <= 512 && SAFE_KEY.test(key) && !key.includes("..");
}

function assertSafeMediaKey(key: string): void {
  if (!isSafeMediaKey(key)) throw new UnsafeMediaKeyError(key);
}

const CONTENT_TYPES: Record<string, string> = {
  ".webp": "image/webp",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".png": "image/png",
  ".pdf": "application/pdf",
};

/** The Content-Type a key's extension stands for; unknown extensions are served as opaque bytes. */
export function contentTypeForKey(key: string): string {
  return CONTENT_TYPES[path.extname(key).toLowerCase()] ?? "application/octet-stream";
}

const isMissing = (error: unknown) => (error as NodeJS.ErrnoException | null)?.code === "ENOENT";

/**
 * Files under `rootDir`, one per key. Writes go to a temporary file that is flushed and then
 * renamed into place, so a reader never sees half an image. The Content-Type is derived from
 * the key's extension (keys are made by our code and always carry one).
 */
export class LocalDiskStorage implements MediaStorage {
  readonly rootDir: string;

  constructor(rootDir: string) {
    this.rootDir = path.resolve(rootDir);
  }

  #pathOf(key: string): string {
    assertSafeMediaKey(key);
    const file = path.resolve(this.rootDir, key);
    // Belt and braces: the key pattern already rules out anything outside the root.
    if (!file.startsWith(this.rootDir + path.sep)) throw new UnsafeMediaKeyError(key);
    return file;
  }

  /** The Content-Type is not stored: it follows from the key's extension when read. */
  async put(key: string, bytes: Uint8Array, _contentType: string): Promise<void> {
    const file = this.#pathOf(key);
    const tmpDir = path.join(this.rootDir, ".tmp");
    await Promise.all([mkdir(path.dirname(file), { recursive: true }), mkdir(tmpDir, { recursive: true })]);
    const tmp = path.join(tmpDir, `${randomBytes(8).toString("hex")}${path.extname(key)}`);
    try {
      const handle = await open(tmp, "wx", 0o644);
      try {
        await handle.writeFile(bytes);
        await handle.datasync();
      } finally {
        await handle.close();
      }
      await rename(tmp, file);
    } catch (error) {
      await rm(tmp, { force: true });
      throw error;
    }
  }

  async get(key: string): Promise<StoredObject | null> {
    const file = this.#pathOf(key);
    try {
      const bytes = await readFile(file);
      return { body: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), contentType: contentTypeForKey(key), size: bytes.length };
    } catch (error) {
      if (isMissing(error) || (error as NodeJS.ErrnoException).code === "EISDIR") return null;
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    try {
      await unlink(this.#pathOf(key));
    } catch (error) {
      if (!isMissing(error)) throw error;
    }
  }
}

export interface S3StorageOptions extends Partial<S3Config> {
  bucket: string;
  /** A ready client (tests); otherwise one is made from the other options. */
  client?: S3Client;
}

// The AWS SDK is large: it is loaded only when S3 storage is actually used.
const loadSdk = () => import("@aws-sdk/client-s3");

/** An S3-compatible bucket (AWS S3, MinIO, Cloudflare R2, …). */
export class S3Storage implements MediaStorage {
  readonly #options: S3StorageOptions;
  readonly #bucket: string;
  #client: Promise<S3Client> | undefined;

  constructor(options: S3StorageOptions) {
    this.#options = options;
    this.#bucket = options.bucket;
  }

  #getClient(): Promise<S3Client> {
    const { client, endpoint, region, forcePathStyle, accessKeyId, secretAccessKey } = this.#options;
    this.#client ??= client
      ? Promise.resolve(client)
      : loadSdk().then(
          ({ S3Client }) =>
            new S3Client({
              endpoint,
              region,
              forcePathStyle: forcePathStyle ?? false,
              credentials: accessKeyId && secretAccessKey ? { accessKeyId, secretAccessKey } : undefined,
            }),
        );
    return this.#client;
  }

  async put(key: string, bytes: Uint8Array, contentType: string): Promise<void> {
    assertSafeMediaKey(key);
    const [client, { PutObjectCommand }] = await Promise.all([this.#getClient(), loadSdk()]);
    await client.send(
      new PutObjectCommand({
        Bucket: this.#bucket,
        Key: key,
        Body: bytes,
        ContentType: contentType,
        ContentLength: bytes.length,
        // Keys are content-addressed: whatever serves them directly may cache them for good.
        CacheControl: "public, max-age=31536000, immutable",
      }),
    );
  }

  async get(key: string): Promise<StoredObject | null> {
    assertSafeMediaKey(key);
    const [client, { GetObjectCommand }] = await Promise.all([this.#getClient(), loadSdk()]);
    try {
      const result = await client.send(new GetObjectCommand({ Bucket: this.#bucket, Key: key }));
      if (!result.Body) return null;
      return {
        body: result.Body.transformToWebStream() as ReadableStream<Uint8Array>,
        contentType: result.ContentType ?? contentTypeForKey(key),
        size: result.ContentLength ?? null,
      };
    } catch (error) {
      const e = error as { name?: string; $metadata?: { httpStatusCode?: number } };
      if (e.name === "NoSuchKey" || e.name === "NotFound" || e.$metadata?.httpStatusCode === 404) return null;
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    assertSafeMediaKey(key);
    const [client, { DeleteObjectCommand }] = await Promise.all([this.#getClient(), loadSdk()]);
    await client.send(new DeleteObjectCommand({ Bucket: this.#bucket, Key: key }));
  }
}

/** The store the settings ask for: S3 when configured, else `<dataDir>/media` on local disk. */
export function createMediaStorage(env: MediaEnv, dataDir: string): MediaStorage {
  const { storage } = env;
  if (storage.kind === "s3") return new S3Storage(storage);
  return new LocalDiskStorage(path.join(dataDir, "media"));
}
