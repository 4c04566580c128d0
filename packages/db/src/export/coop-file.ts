/**
 * The co-op file: gzip'd NDJSON. Line 1 is the header; every further line is one row,
 * `{"t":"<table>","r":<row>}`, where <row> is PostgreSQL's own `row_to_json` text (timestamps
 * with their offset, bytea as \x hex, arrays as JSON arrays), so `json_populate_recordset` turns
 * it back into exactly the same values on import. Rows come in foreign-key order (a row's
 * parents are always earlier). Uploaded files, when asked for, follow the rows as
 * `{"m":"<key>","c":"<content type>","b":"<base64>"}`. The header's sha256 covers every line
 * after the header.
 * See docs/decisions/027-coop-export-format.md.
 */
import { createHash } from "node:crypto";
import { gunzipSync, gzipSync } from "node:zlib";
import { z } from "zod";
import { CoopTransferError } from "./errors.ts";

export const COOP_FILE_FORMAT = "sahakorn-coop-export";
export const COOP_FILE_VERSION = 1;

const headerSchema = z.object({
  format: z.literal(COOP_FILE_FORMAT),
  version: z.number().int(),
  /** The last migration of the database it came from: an import needs the same one. */
  schema: z.string(),
  createdAt: z.string(),
  coop: z.object({ id: z.uuid(), slug: z.string() }),
  /** Rows per table (every exported table is listed, with 0 where the co-op has none). */
  tables: z.record(z.string(), z.number().int().min(0)),
  /** Uploaded files in the file (absent or 0 when exported without them). */
  media: z.object({ files: z.number().int().min(0), bytes: z.number().int().min(0) }).optional(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});

export type CoopFileHeader = z.infer<typeof headerSchema>;

/** One uploaded file (an image variant, a slip, a PDF) under the co-op's storage prefix. */
export interface MediaFile {
  key: string;
  contentType: string;
  bytes: Uint8Array;
}

export interface CoopFileRows {
  /** Raw JSON text of each row, per table, in file order. */
  rows: Map<string, string[]>;
  media: MediaFile[];
}

const mediaSchema = z.object({ m: z.string(), c: z.string(), b: z.base64() });

export function writeCoopFile(
  header: Omit<CoopFileHeader, "sha256" | "format" | "version" | "media">,
  rows: { table: string; json: string }[],
  media: MediaFile[] = [],
): Buffer {
  const body =
    rows.map((row) => `{"t":${JSON.stringify(row.table)},"r":${row.json}}\n`).join("") +
    media.map((file) => `${JSON.stringify({ m: file.key, c: file.contentType, b: Buffer.from(file.bytes).toString("base64") })}\n`).join("");
  const sha256 = createHash("sha256").update(body).digest("hex");
  const mediaSummary = { files: media.length, bytes: media.reduce((sum, file) => sum + file.bytes.length, 0) };
  const full: CoopFileHeader = { format: COOP_FILE_FORMAT, version: COOP_FILE_VERSION, ...header, media: mediaSummary, sha256 };
  return gzipSync(`${JSON.stringify(full)}\n${body}`);
}

/** Reads and checks a file: format, version, checksum and row counts. The schema is checked by the caller. */
export function readCoopFile(file: Uint8Array): { header: CoopFileHeader } & CoopFileRows {
  let text: string;
  try {
    text = gunzipSync(file).toString("utf8");
  } catch {
    throw new CoopTransferError("not_a_coop_file");
  }
  const newline = text.indexOf("\n");
  let parsed: unknown;
  try {
    parsed = JSON.parse(newline < 0 ? text : text.slice(0, newline));
  } catch {
    throw new CoopTransferError("not_a_coop_file");
  }
  const format = z.object({ format: z.literal(COOP_FILE_FORMAT), version: z.number() }).safeParse(parsed);
  if (!format.success) throw new CoopTransferError("not_a_coop_file");
  if (format.data.version !== COOP_FILE_VERSION) {
    throw new CoopTransferError("unsupported_version", { file: String(format.data.version), supported: String(COOP_FILE_VERSION) });
  }
  const header = headerSchema.safeParse(parsed);
  if (!header.success) throw new CoopTransferError("damaged_file", { reason: "header" });
  const body = text.slice(newline + 1);
  if (createHash("sha256").update(body).digest("hex") !== header.data.sha256) throw new CoopTransferError("damaged_file", { reason: "sha256" });

  const rows = new Map<string, string[]>(Object.keys(header.data.tables).map((table) => [table, []]));
  const media: MediaFile[] = [];
  for (const line of body.split("\n")) {
    if (line === "") continue;
    if (line.startsWith('{"m":')) {
      let file: z.infer<typeof mediaSchema>;
      try {
        file = mediaSchema.parse(JSON.parse(line));
      } catch {
        throw new CoopTransferError("damaged_file", { reason: "media" });
      }
      media.push({ key: file.m, contentType: file.c, bytes: Buffer.from(file.b, "base64") });
      continue;
    }
    // Rows are kept as text: re-serialising would round big integers through JS numbers.
    const match = /^\{"t":("(?:[a-z_]+)"),"r":(.*)\}$/.exec(line);
    const list = match ? rows.get(JSON.parse(match[1]!) as string) : undefined;
    if (!match || !list) throw new CoopTransferError("damaged_file", { reason: "row" });
    list.push(match[2]!);
  }
  for (const [table, count] of Object.entries(header.data.tables)) {
    if (rows.get(table)!.length !== count) throw new CoopTransferError("damaged_file", { reason: `row count of ${table}` });
  }
  if (media.length !== (header.data.media?.files ?? 0)) throw new CoopTransferError("damaged_file", { reason: "media count" });
  return { header: header.data, rows, media };
}
