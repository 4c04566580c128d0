import { type Database, type Kysely, sql, type Transaction } from "@coop/db";
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

export interface SignUpCoopOptions {
  verifyLinkFor: (slug: string, token: string) => string;
  /** Where regional staff review a co-op waiting for approval (the staff console's co-op page). */
  staffReviewLinkFor: (tenantId: string) => string;
  locale: "th" | "en";
}

export interface SignedUpCoop {
  tenantId: string;
  slug: string;
  userId: string;
  handoffToken: string;
  /** "pending" when the province's region requires staff approval before the site opens. */
  status: "active" | "pending";
}

/**
 * Creates a co-op, its owner's account and membership, the verification e-mail and a
 * one-time handoff token for the owner's first session on the new site — all in one
 * transaction, so a failure at any step leaves nothing behind. In a region that requires
 * approval the co-op starts "pending" (back office open, public site not yet) and the
 * region's staff are e-mailed in the same transaction.
 */
export async function signUpCoop(db: Kysely<Database>, input: SignUpCoopInput, options: SignUpCoopOptions): Promise<SignedUpCoop> {
  const check = await checkSubdomain(db, input.slug);
  if (!check.available) {
    throw new AppError("VALIDATION", check.reason, { fields: { slug: check.reason }, params: { suggestions: check.suggestions.join(", ") } });
  }
  const province = await db
    .selectFrom("provinces")
    .innerJoin("regions", "regions.id", "provinces.region_id")
    .select(["provinces.code", "provinces.region_id", "provinces.name_th", "provinces.name_en", "regions.requires_approval"])
    .where("provinces.code", "=", input.provinceCode)
    .executeTakeFirst();
  if (!province) throw new AppError("VALIDATION", "validation.province", { fields: { provinceCode: "validation.province" } });
  const status = province.requires_approval ? "pending" : "active";

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
          status,
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
      if (status === "pending") {
        const reviewers = await approvalReviewers(trx, province.region_id);
        for (const reviewer of reviewers) {
          await enqueueEmail(trx, {
            to: reviewer.email,
            template: "coop_awaiting_approval",
            locale: reviewer.locale,
            params: {
              coop: input.nameTh,
              province: reviewer.locale === "en" ? province.name_en : province.name_th,
              registrationNo: input.registrationNo,
              contact: `${input.contactName} <${input.email}>`,
              link: options.staffReviewLinkFor(tenant.id),
            },
          });
        }
      }
      const handoffToken = await issueUserToken(trx, userId, "handoff", tenant.id);
      return { tenantId: tenant.id, slug: check.slug, userId, handoffToken, status };
    });
  } catch (error) {
    // Two people racing for one name: the unique index decides, the loser gets a clear answer.
    if ((error as { code?: string }).code === "23505" && String((error as Error).message).includes("slug")) {
      throw new AppError("VALIDATION", "subdomain.taken", { fields: { slug: "subdomain.taken" } });
    }
    throw error;
  }
}

/**
 * Who hears that a co-op of `regionId` waits for approval: the region's staff; when the region
 * has none yet, the platform administrators (who cover every region), so that no co-op waits unseen.
 */
async function approvalReviewers(trx: Transaction<Database>, regionId: number): Promise<{ email: string; locale: "th" | "en" }[]> {
  const staff = await trx
    .selectFrom("staff_regions")
    .innerJoin("users", "users.id", "staff_regions.user_id")
    .select(["users.email", "users.locale"])
    .where("staff_regions.region_id", "=", regionId)
    .orderBy("users.email")
    .execute();
  if (staff.length > 0) return staff;
  return trx.selectFrom("platform_admins").innerJoin("users", "users.id", "platform_admins.user_id").select(["users.email", "users.locale"]).orderBy("users.email").execute();
}
