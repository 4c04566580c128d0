/**
 * `npm run centres:links -w @coop/api -- <staff-email> [confirm|decline <coop-slug> <centre-code>]`:
 * until the staff console exists, lists the link proposals waiting in the staff member's regions
 * or decides one. The same rules as the staffProcedure: the e-mail must belong to a user with
 * staff_regions rows covering the co-op's region. Uses the server's configuration (DATABASE_URL,
 * or the embedded database in DATA_DIR, which must not be in use by a running server).
 */
import { AppError, decideCentreLink, listPendingCentreLinks, staffRegionIds } from "@coop/core";
import type { Database, Kysely } from "@coop/db";
import { t } from "@coop/i18n";
import { runCli } from "./run-cli.ts";

const USAGE = "Usage: centres:links <staff-email> [confirm|decline <coop-slug> <centre-code>]";

/** Runs the command for `args`; returns the exit code. */
export async function runCentreLinks(db: Kysely<Database>, args: readonly string[], print: (text: string) => void): Promise<number> {
  const [email, verb, slug, code] = args;
  if (!email || (verb && (!["confirm", "decline"].includes(verb) || !slug || !code))) {
    print(USAGE);
    return 2;
  }
  const user = await db.selectFrom("users").select("id").where("email", "=", email.toLowerCase()).executeTakeFirst();
  const regionIds = user ? await staffRegionIds(db, user.id) : [];
  if (!user || regionIds.length === 0) {
    print(`${email} is not a staff member (no staff_regions rows).`);
    return 1;
  }
  if (!verb) {
    const pending = await listPendingCentreLinks(db, regionIds);
    if (pending.length === 0) print(`No proposals waiting in regions ${regionIds.join(", ")}.`);
    for (const p of pending) print(`${p.proposedAt.toISOString().slice(0, 10)}  ${p.tenantSlug} → ${p.centreNameTh}${p.note ? `  (${p.note})` : ""}`);
    return 0;
  }
  const [tenant, centre] = await Promise.all([
    db.selectFrom("tenants").select("id").where("slug", "=", slug!).executeTakeFirst(),
    db.selectFrom("learning_centres").select("id").where("code", "=", code!).executeTakeFirst(),
  ]);
  if (!tenant || !centre) {
    print(`Unknown ${tenant ? `centre code ${code}` : `co-op ${slug}`}.`);
    return 1;
  }
  try {
    await decideCentreLink(db, { userId: user.id, regionIds }, { tenantId: tenant.id, centreId: centre.id, decision: verb === "confirm" ? "confirmed" : "declined" });
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    print(`${t("th", error.messageKey as never)} · ${t("en", error.messageKey as never)}`);
    return 1;
  }
  print(`${slug} → ${code}: ${verb === "confirm" ? "confirmed" : "declined"}.`);
  return 0;
}

runCli(import.meta.url, ({ db, args, print }) => runCentreLinks(db, args, print));
