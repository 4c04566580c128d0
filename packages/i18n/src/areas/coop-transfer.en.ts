import type { coopTransferTh } from "./coop-transfer.th.ts";

/** English messages of the co-op export and import commands (keys and placeholders match coop-transfer.th.ts). */
export const coopTransferEn: { readonly [K in keyof typeof coopTransferTh]: string } = {
  "coopTransfer.coopNotFound": "No co-op has the slug {slug}.",
  "coopTransfer.notACoopFile": "This file is not a co-op export.",
  "coopTransfer.unsupportedVersion": "The file uses format version {file}; this program reads version {supported} only.",
  "coopTransfer.damagedFile": "The file is damaged or was changed ({reason}); export it again.",
  "coopTransfer.schemaMismatch": "The file comes from schema version {file} but this database is at {database}; bring both to the same version first.",
  "coopTransfer.foreignRows": "The file holds rows of another co-op (table {table}), so it was not imported.",
  "coopTransfer.coopExists": "A co-op with the slug {slug} or the same id already exists here, so it was not imported again.",
  "coopTransfer.userConflict": "The e-mail {email} belongs to a different account here, so the file was not imported.",
  "coopTransfer.missingReference": "Rows of {table} refer to shared data this database lacks, such as the farm-centre directory or the sages; import that first ({detail}).",
  "coopTransfer.nothingWritten": "Nothing was written to the database.",
};
