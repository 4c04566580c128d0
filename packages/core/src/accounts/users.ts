import type { Database, Kysely, Transaction } from "@coop/db";
import { z } from "zod";
import { AppError } from "../errors.ts";
import { hashPassword } from "./password.ts";

export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(254, "validation.email")
  .email("validation.email");

/** At least 10 characters (NIST: length over complexity); at most 200 so hashing stays bounded. */
export const passwordSchema = z.string().min(10, "validation.password_too_short").max(200, "validation.password_too_long");

export const displayNameSchema = z.string().trim().min(1, "validation.required").max(120, "validation.too_long");

export async function findUserIdByEmail(db: Kysely<Database> | Transaction<Database>, email: string): Promise<string | null> {
  const row = await db.selectFrom("users").select("id").where("email", "=", email.trim().toLowerCase()).executeTakeFirst();
  return row?.id ?? null;
}

/** Creates an account; a taken e-mail is a field error, not a crash. */
export async function createUser(
  trx: Transaction<Database>,
  input: { email: string; displayName: string; password: string; locale?: "th" | "en" },
): Promise<string> {
  const email = input.email.trim().toLowerCase();
  if (await findUserIdByEmail(trx, email)) {
    throw new AppError("CONFLICT", "auth.email_taken", { fields: { email: "auth.email_taken" } });
  }
  const row = await trx
    .insertInto("users")
    .values({
      email,
      display_name: input.displayName.trim(),
      password_hash: await hashPassword(input.password),
      locale: input.locale ?? "th",
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}
