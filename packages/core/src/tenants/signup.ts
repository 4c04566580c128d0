import { type Database, type Kysely, sql } from "@coop/db";
import { z } from "zod";
import { displayNameSchema, emailSchema, passwordSchema, createUser } from "../accounts/users.ts";
import { issueUserToken } from "../accounts/user-tokens.ts";
import { recordAudit } from "../audit/record.ts";
import { AppError } from "../errors.ts";
import { enqueueEmail } from "../outbox/enqueue.ts";
import { checkSubdomain } from "./subdomain.ts";

export const signUpCoopInput = z.object({
  nameTh: z.string().trim().min(3, "validation.too_short").max(200, "validation.too_long"),
  nameEn: z.string().trim().max(200, "validation.too_long").optional(),
  registrationNo: z.string().trim().min(3, "validation.required").max(60, "validation.too_long"),
  provinceCode: z.number({ message: "validation.required" }).int().min(10).max(96),
  contactName: displayNameSchema,
  email: emailSchema,
  password: passwordSchema,
  slug: z.string().trim().toLowerCase().min(1, "validation.required").max(63, "subdomain.too_long"),
});
export type SignUpCoopInput = z.infer<typeof signUpCoopInput>;

/**
 * Creates a co-op, its owner's account and membership, the verification e-mail and a
 * one-time handoff token for the owner's first session on the new site — all in one
 * transaction, so a failure at any step leaves nothing behind.
 */
export async function signUpCoop(
  db: Kysely<Database>,
  input: SignUpCoopInput,
  options: { verifyLinkFor: (slug: string, token: string) => string; locale: "th" | "en" },
): Promise<{ tenantId: string; slug: string; userId: string; handoffToken: string }> {
  const check = await checkSubdomain(db, input.slug);
  if (!check.available) {
    throw new AppError("VALIDATION", check.reason, { fields: { slug: check.reason }, params: { suggestions: check.suggestions.join(", ") } });
  }
  const province = await db.selectFrom("provinces").select(["code", "region_id"]).where("code", "=", input.provinceCode).executeTakeFirst();
  if (!province) throw new AppError("VALIDATION", "validation.province", { fields: { provinceCode: "validation.province" } });

  try {
    return await db.transaction().execute(async (trx) => {
      const tenant = await trx
        .insertInto("tenants")
        .values({
          slug: check.slug,
          name_th: input.nameTh,
          name_en: input.nameEn || null,
          registration_no: input.registrationNo,
          province_code: province.code,
          region_id: province.region_id,
          address_province_code: province.code,
          contact_name: input.contactName,
          contact_email: input.email,
          status: "active",
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      const userId = await createUser(trx, { email: input.email, displayName: input.contactName, password: input.password, locale: options.locale });
      // From here on the transaction acts for the new co-op (row-level security applies).
      await sql`SELECT set_config('app.tenant_id', ${tenant.id}, true)`.execute(trx);
      await trx.insertInto("memberships").values({ tenant_id: tenant.id, user_id: userId, role: "owner" }).execute();
      await recordAudit(trx, { tenantId: tenant.id, actorUserId: userId, action: "coop.sign_up", subjectType: "coop", subjectId: tenant.id, data: { slug: check.slug } });
      const verifyToken = await issueUserToken(trx, userId, "verify_email");
      await enqueueEmail(
        trx,
        { to: input.email, template: "verify_email", locale: options.locale, params: { name: input.contactName, coop: input.nameTh, link: options.verifyLinkFor(check.slug, verifyToken) } },
        tenant.id,
      );
      const handoffToken = await issueUserToken(trx, userId, "handoff", tenant.id);
      return { tenantId: tenant.id, slug: check.slug, userId, handoffToken };
    });
  } catch (error) {
    // Two people racing for one name: the unique index decides, the loser gets a clear answer.
    if ((error as { code?: string }).code === "23505" && String((error as Error).message).includes("slug")) {
      throw new AppError("VALIDATION", "subdomain.taken", { fields: { slug: "subdomain.taken" } });
    }
    throw error;
  }
}
