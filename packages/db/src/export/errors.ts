/**
 * Why an export or an import was refused. The code names a message in @coop/i18n
 * (`coopTransfer.<code>`, Thai and English); params fill its placeholders. The database package
 * does not translate: the CLI does.
 */
export type CoopTransferCode =
  | "coop_not_found"
  | "not_a_coop_file"
  | "unsupported_version"
  | "damaged_file"
  | "schema_mismatch"
  | "foreign_rows"
  | "coop_exists"
  | "user_conflict"
  | "missing_reference";

export class CoopTransferError extends Error {
  constructor(
    readonly code: CoopTransferCode,
    readonly params: Record<string, string> = {},
  ) {
    super(`${code}${Object.keys(params).length > 0 ? ` ${JSON.stringify(params)}` : ""}`);
    this.name = "CoopTransferError";
  }
}
