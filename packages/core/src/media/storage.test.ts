import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { EnvError } from "@coop/config";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readMediaEnv } from "./env.ts";
import { createMediaStorage, isSafeMediaKey, LocalDiskStorage, S3Storage, UnsafeMediaKeyError } from "./storage.ts";

async function readBody(body: Uint8Array | ReadableStream<Uint8Array>): Promise<Buffer> {
  return body instanceof Uint8Array ? Buffer.from(body) : Buffer.from(await new Response(body).arrayBuffer());
}

describe("media keys", () => {
  it("allows our key shapes and nothing that could leave the store", () => {
    expect(isSafeMediaKey("t/6f1c0c3e-8d4a-4a8e-9d6f-1f2e3d4c5b6a/p/0123456789abcdef-640.webp")).toBe(true);
    for (const bad of ["", "../etc/passwd", "t/../../x", "/etc/passwd", "t//x", "t/./x", "t\\x", ".tmp/abc", "t/.hidden", "a..b", "t/x?y", "t/%2e%2e/x", "t/x/"]) {
      expect(isSafeMediaKey(bad), bad).toBe(false);
    }
  });
});

describe("LocalDiskStorage", () => {
  let root: string;
  let outside: string;
  beforeAll(() => {
    const base = mkdtempSync(path.join(tmpdir(), "coop-media-"));
    root = path.join(base, "media");
    outside = path.join(base, "secret.txt");
    writeFileSync(outside, "do not touch");
  });
  afterAll(() => rmSync(path.dirname(root), { recursive: true, force: true }));

  it("stores, serves and deletes by key, leaving no temporary files", async () => {
    const storage = new LocalDiskStorage(root);
    await storage.put("t/a/p/abc-320.webp", new Uint8Array([1, 2, 3]), "image/webp");
    const got = await storage.get("t/a/p/abc-320.webp");
    expect(got?.contentType).toBe("image/webp");
    expect(got?.size).toBe(3);
    expect([...(await readBody(got!.body))]).toEqual([1, 2, 3]);
    await storage.put("t/a/p/abc-320.webp", new Uint8Array([4, 5]), "image/webp");
    expect([...(await readBody((await storage.get("t/a/p/abc-320.webp"))!.body))]).toEqual([4, 5]);
    expect(readdirSync(path.join(root, ".tmp"))).toEqual([]);
    await storage.delete("t/a/p/abc-320.webp");
    expect(await storage.get("t/a/p/abc-320.webp")).toBeNull();
    await storage.delete("t/a/p/abc-320.webp"); // deleting twice is fine
    expect(await storage.get("t/a/p")).toBeNull(); // a directory is not an object
  });

  it("refuses keys that climb out of its root", async () => {
    const storage = new LocalDiskStorage(root);
    await expect(storage.put("../secret.txt", new Uint8Array([0]), "image/webp")).rejects.toThrow(UnsafeMediaKeyError);
    await expect(storage.get("../secret.txt")).rejects.toThrow(UnsafeMediaKeyError);
    await expect(storage.get("t/../../secret.txt")).rejects.toThrow(UnsafeMediaKeyError);
    await expect(storage.delete("../secret.txt")).rejects.toThrow(UnsafeMediaKeyError);
    await expect(storage.get(outside)).rejects.toThrow(UnsafeMediaKeyError);
    expect(readFileSync(outside, "utf8")).toBe("do not touch");
  });

  it("lives under <DATA_DIR>/media when S3 is not configured", () => {
    const storage = createMediaStorage(readMediaEnv({}), "/srv/coop-data");
    expect(storage).toBeInstanceOf(LocalDiskStorage);
    expect((storage as LocalDiskStorage).rootDir).toBe(path.resolve("/srv/coop-data/media"));
  });
});

describe("S3 settings", () => {
  const full = {
    S3_ENDPOINT: "http://127.0.0.1:9000",
    S3_REGION: "ap-southeast-1",
    S3_BUCKET: "coop-media",
    S3_ACCESS_KEY_ID: "minio",
    S3_SECRET_ACCESS_KEY: "minio-secret",
    S3_FORCE_PATH_STYLE: "true",
  };

  it("switch S3 on when all are given", () => {
    const env = readMediaEnv(full);
    expect(env.storage).toMatchObject({ kind: "s3", bucket: "coop-media", region: "ap-southeast-1", forcePathStyle: true });
    expect(createMediaStorage(env, "/tmp")).toBeInstanceOf(S3Storage);
    expect(readMediaEnv({ ...full, S3_ENDPOINT: "", S3_FORCE_PATH_STYLE: "" }).storage).toMatchObject({ kind: "s3", endpoint: undefined, forcePathStyle: false });
  });

  it("are all or none, with a message naming what is missing", () => {
    const partial = { S3_BUCKET: "coop-media", S3_ENDPOINT: "http://127.0.0.1:9000" };
    expect(() => readMediaEnv(partial)).toThrow(EnvError);
    try {
      readMediaEnv(partial);
    } catch (error) {
      const { message } = error as EnvError;
      expect(message).toContain("S3_REGION is missing");
      expect(message).toContain("S3_ACCESS_KEY_ID is missing");
      expect(message).toContain("S3_SECRET_ACCESS_KEY is missing");
      expect(message).not.toContain("S3_BUCKET is missing");
    }
    expect(() => readMediaEnv({ ...full, S3_BUCKET: "Not A Bucket" })).toThrow(/S3_BUCKET/);
    expect(() => readMediaEnv({ ...full, S3_FORCE_PATH_STYLE: "maybe" })).toThrow(/S3_FORCE_PATH_STYLE/);
  });
});

/** A path-style S3 stand-in on loopback: enough of PUT/GET/DELETE Object to exercise the real client. */
function fakeS3(): Promise<{ server: Server; url: string; objects: Map<string, { body: Buffer; type: string; cacheControl: string }> }> {
  const objects = new Map<string, { body: Buffer; type: string; cacheControl: string }>();
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const key = decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname);
      if (!req.headers.authorization?.startsWith("AWS4-HMAC-SHA256 Credential=minio/")) {
        res.writeHead(403).end();
      } else if (req.method === "PUT") {
        objects.set(key, { body: Buffer.concat(chunks), type: String(req.headers["content-type"]), cacheControl: String(req.headers["cache-control"]) });
        res.writeHead(200, { ETag: '"1"' }).end();
      } else if (req.method === "GET") {
        const object = objects.get(key);
        if (!object) {
          res.writeHead(404, { "Content-Type": "application/xml" }).end("<?xml version=\"1.0\"?><Error><Code>NoSuchKey</Code><Message>none</Message></Error>");
        } else {
          res.writeHead(200, { "Content-Type": object.type, "Content-Length": object.body.length }).end(object.body);
        }
      } else if (req.method === "DELETE") {
        objects.delete(key);
        res.writeHead(204).end();
      } else {
        res.writeHead(405).end();
      }
    });
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve({ server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, objects })));
}

describe("S3Storage", () => {
  let s3: Awaited<ReturnType<typeof fakeS3>>;
  beforeAll(async () => {
    s3 = await fakeS3();
  });
  afterAll(() => new Promise<void>((resolve) => s3.server.close(() => resolve())));

  it("puts, gets and deletes objects with path-style addressing", async () => {
    const env = readMediaEnv({
      S3_ENDPOINT: s3.url, S3_REGION: "us-east-1", S3_BUCKET: "coop-media", S3_ACCESS_KEY_ID: "minio", S3_SECRET_ACCESS_KEY: "secret", S3_FORCE_PATH_STYLE: "1",
    });
    const storage = createMediaStorage(env, "/unused");
    await storage.put("t/a/p/abc-320.webp", new Uint8Array([9, 8, 7]), "image/webp");
    expect(s3.objects.get("/coop-media/t/a/p/abc-320.webp")).toMatchObject({ type: "image/webp", cacheControl: "public, max-age=31536000, immutable" });
    const got = await storage.get("t/a/p/abc-320.webp");
    expect(got?.contentType).toBe("image/webp");
    expect([...(await readBody(got!.body))]).toEqual([9, 8, 7]);
    expect(await storage.get("t/a/p/nothing.webp")).toBeNull();
    await storage.delete("t/a/p/abc-320.webp");
    expect(s3.objects.size).toBe(0);
    await expect(storage.get("../x")).rejects.toThrow(UnsafeMediaKeyError);
  });
});
