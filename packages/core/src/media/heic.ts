import { Worker } from "node:worker_threads";

export interface DecodedHeic {
  width: number;
  height: number;
  /** RGBA, 8 bits per channel, row after row. */
  data: Uint8Array;
}

type Reply =
  | { id: number; width: number; height: number; data: Uint8ClampedArray }
  | { id: number; error: "corrupt" | "too_many_pixels"; detail: string };

/** Why a HEIC file was refused; process.ts turns it into the user-facing error. */
export class HeicDecodeError extends Error {
  constructor(
    readonly reason: "corrupt" | "too_many_pixels",
    detail: string,
  ) {
    super(`heic ${reason}: ${detail}`);
    this.name = "HeicDecodeError";
  }
}

let worker: Worker | undefined;
let nextId = 1;
const pending = new Map<number, { resolve: (value: DecodedHeic) => void; reject: (error: Error) => void }>();

function failAll(error: Error): void {
  for (const job of pending.values()) job.reject(error);
  pending.clear();
  worker = undefined;
}

/**
 * One decoder thread for the process, started on first use; it keeps the process alive only
 * while a job is pending. Jobs queue on it, which also bounds the WebAssembly heap to one
 * decode at a time.
 */
function decoderThread(): Worker {
  if (worker) return worker;
  const started = new Worker(new URL("./heic-worker.mjs", import.meta.url));
  started.unref();
  started.on("message", (reply: Reply) => {
    const job = pending.get(reply.id);
    if (!job) return;
    pending.delete(reply.id);
    if (pending.size === 0) started.unref();
    if ("error" in reply) job.reject(new HeicDecodeError(reply.error, reply.detail));
    else job.resolve({ width: reply.width, height: reply.height, data: new Uint8Array(reply.data.buffer, reply.data.byteOffset, reply.data.byteLength) });
  });
  started.on("error", (error) => failAll(error));
  started.on("exit", (code) => {
    if (worker === started) failAll(new Error(`HEIC decoder thread exited (${code})`));
  });
  worker = started;
  return started;
}

/** Decodes the primary image of a HEIC/HEIF file, refusing it unread when it has more than `maxPixels`. */
export function decodeHeic(bytes: Uint8Array, maxPixels: number): Promise<DecodedHeic> {
  return new Promise((resolve, reject) => {
    const id = nextId++;
    pending.set(id, { resolve, reject });
    const thread = decoderThread();
    thread.ref();
    // A copy goes to the thread; the caller keeps its bytes (it hashes them for the key).
    thread.postMessage({ id, bytes: new Uint8Array(bytes), maxPixels });
  });
}
