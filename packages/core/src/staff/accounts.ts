import type { Database, Kysely } from "@coop/db";
import { z } from "zod";
import { generatePassword } from "../accounts/password.ts";
import { createUser, displayNameSchema, emailSchema, findUserIdByEmail } from "../accounts/users.ts";
import { AppError } from "../errors.ts";
import { recordStaffAudit } from "./audit.ts";
import { parseStaffInput } from "./schemas.ts";

export const createStaffInput = z
  .object({
    email: emailSchema,
    name: displayNameSchema.optional(),
    admin: z.boolean().default(false),
    regionIds: z.array(z.number().int().min(1).max(99)).max(20).default([]),
  })
  .refine((v) => v.admin || v.regionIds.length > 0, { message: "staff.errors.region_or_admin", path: ["regionIds"] });
export type CreateStaffInput = z.input<typeof createStaffInput>;

export interface CreatedStaff {
  userId: string;
  /** Set only when a new account was created: shown once, never stored in clear. */
  password: string | null;
  regionIds: number[];
  admin: boolean;
}

/**
 * Creates a staff account (with a generated password) or, for an existing account, adds the
 * given regions / administrator role. Being staff gives no co-op membership.
 */
export async function createStaffAccount(db: Kysely<Database>, rawInput: CreateStaffInput): Promise<CreatedStaff> {
  const input = parseStaffInput(createStaffInput, rawInput);
  if (input.regionIds.length > 0) {
    const known = await db.selectFrom("regions").select("id").where("id", "in", input.regionIds).execute();
    if (known.length !== new Set(input.regionIds).size) throw new AppError("VALIDATION", "staff.errors.region_unknown");
  }
  return db.transaction().execute(async (trx) => {
    let userId = await findUserIdByEmail(trx, input.email);
    let password: string | null = null;
    if (!userId) {
      if (!input.name) throw new AppError("VALIDATION", "staff.errors.name_required", { fields: { name: "validation.required" } });
      password = generatePassword();
      userId = await createUser(trx, { email: input.email, displayName: input.name, password });
      await trx.updateTable("users").set({ email_verified_at: new Date() }).where("id", "=", userId).execute();
    }
    if (input.admin) await trx.insertInto("platform_admins").values({ user_id: userId }).onConflict((oc) => oc.doNothing()).execute();
    for (const regionId of input.regionIds) {
      await trx.insertInto("staff_regions").values({ user_id: userId, region_id: regionId }).onConflict((oc) => oc.doNothing()).execute();
    }
    await recordStaffAudit(trx, { actorUserId: userId, action: "staff.grant", regionId: null, tenantId: null, detail: { admin: input.admin, regionIds: input.regionIds, created: password !== null } });
    return { userId, password, regionIds: input.regionIds, admin: input.admin };
  });
}
