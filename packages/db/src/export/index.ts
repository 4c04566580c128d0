/** One co-op's data as a file, and back: `@coop/db/export`. */
export { exportCoop, importCoop, currentSchemaVersion, NO_PASSWORD } from "./transfer.ts";
export type { ExportOptions, ImportResult } from "./transfer.ts";
export { CoopTransferError } from "./errors.ts";
export type { CoopTransferCode } from "./errors.ts";
export { COOP_FILE_FORMAT, COOP_FILE_VERSION, readCoopFile } from "./coop-file.ts";
export type { CoopFileHeader, MediaFile } from "./coop-file.ts";
