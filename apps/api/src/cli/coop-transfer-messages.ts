import type { CoopTransferCode, CoopTransferError } from "@coop/db/export";
import { type MessageKey, t } from "@coop/i18n";

const MESSAGE: Record<CoopTransferCode, MessageKey> = {
  coop_not_found: "coopTransfer.coopNotFound",
  not_a_coop_file: "coopTransfer.notACoopFile",
  unsupported_version: "coopTransfer.unsupportedVersion",
  damaged_file: "coopTransfer.damagedFile",
  schema_mismatch: "coopTransfer.schemaMismatch",
  foreign_rows: "coopTransfer.foreignRows",
  coop_exists: "coopTransfer.coopExists",
  user_conflict: "coopTransfer.userConflict",
  missing_reference: "coopTransfer.missingReference",
};

/** The refusal in Thai, then English, then its code (operators search for the code). */
export function describeTransferError(error: CoopTransferError): string {
  const key = MESSAGE[error.code];
  // The map's type keeps every code on a real key; each message's placeholders are the params its code carries (transfer.test.ts).
  const say = (locale: "th" | "en") => t(locale, key as never, error.params as never);
  return `${say("th")}\n${say("en")}\n[${error.code}]`;
}

export function nothingWritten(): string {
  return `${t("th", "coopTransfer.nothingWritten")} · ${t("en", "coopTransfer.nothingWritten")}`;
}
