// Decodes HEIC off the main thread: libheif compiled to WebAssembly runs synchronously and
// would otherwise stall every other request for a second or more per photo. Plain JavaScript,
// so the worker needs no TypeScript loader. Protocol: see heic.ts.
import { createRequire } from "node:module";
import { parentPort } from "node:worker_threads";

const decoder = createRequire(import.meta.url)("heic-decode");

parentPort.on("message", async ({ id, bytes, maxPixels }) => {
  let images;
  try {
    images = await decoder.all({ buffer: bytes });
    const primary = images[0];
    if (!primary) {
      parentPort.postMessage({ id, error: "corrupt", detail: "no image" });
    } else if (primary.width * primary.height > maxPixels) {
      parentPort.postMessage({ id, error: "too_many_pixels", detail: `${primary.width}x${primary.height}` });
    } else {
      // libheif applies the file's rotation and mirroring (irot/imir) while decoding.
      const { width, height, data } = await primary.decode();
      parentPort.postMessage({ id, width, height, data }, [data.buffer]);
    }
  } catch (error) {
    parentPort.postMessage({ id, error: "corrupt", detail: String(error?.message ?? error) });
  } finally {
    images?.dispose();
  }
});
