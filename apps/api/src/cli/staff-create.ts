/**
 * `npm run staff:create -w @coop/api -- --email a@b.th --name "ชื่อ" (--admin | --region 5 [--region 7 ...])`:
 * creates a staff account with a generated password, printed once (stored only as an argon2id
 * hash), or adds regions / the administrator role to an existing account. Staff sign in at
 * /staff/sign-in on the network host. Uses the same configuration as the server (DATABASE_URL,
 * or the embedded database in DATA_DIR, which must not be in use by a running server).
 */
import { parseArgs } from "node:util";
import { AppError, createStaffAccount } from "@coop/core";
import type { Database, Kysely } from "@coop/db";
import { t } from "@coop/i18n";
import { runCli } from "./run-cli.ts";

const USAGE = 'Usage: staff:create --email <address> [--name "<display name>"] (--admin | --region <id> [--region <id> ...])';
const message = (locale: "th" | "en", key: string) => t(locale, key as never);

/** Runs the command for the CLI's arguments; returns the exit code. */
export async function runStaffCreate(db: Kysely<Database>, args: string[], print: (text: string) => void): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args,
      options: { email: { type: "string" }, name: { type: "string" }, admin: { type: "boolean", default: false }, region: { type: "string", multiple: true } },
      strict: true,
    }));
  } catch (error) {
    print(`${String((error as Error).message)}\n${USAGE}`);
    return 2;
  }
  const regionIds = (values.region ?? []).map(Number);
  if (!values.email || regionIds.some((id) => !Number.isInteger(id))) {
    print(USAGE);
    return 2;
  }
  try {
    const created = await createStaffAccount(db, { email: values.email, name: values.name, admin: values.admin ?? false, regionIds });
    const role = created.admin ? "platform administrator" : "staff";
    const regions = created.regionIds.length > 0 ? ` for region(s) ${created.regionIds.join(", ")}` : "";
    print(created.password ? `Created ${role} account ${values.email.trim().toLowerCase()}${regions}.` : `Updated existing account ${values.email.trim().toLowerCase()}: ${role}${regions}.`);
    if (created.password) print(`Password (shown once, write it down): ${created.password}`);
    print("Sign in at /staff/sign-in on the network site.");
    return 0;
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    const keys = error.fields && Object.keys(error.fields).length > 0 ? Object.entries(error.fields).map(([field, key]) => [`${field}: `, key] as const) : [["", error.messageKey] as const];
    for (const [field, key] of keys) print(`${field}${message("th", key)} · ${message("en", key)} [${key}]`);
    return 1;
  }
}

runCli(import.meta.url, ({ db, args, print }) => runStaffCreate(db, args, print));
