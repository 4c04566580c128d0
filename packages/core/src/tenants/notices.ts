import { type Database, type Kysely, withTenant } from "@coop/db";
import { AppError } from "../errors.ts";
import { LINE_PUSH_KIND, type LinePushPayload } from "../orders/notify.ts";
import { enqueueEmail } from "../outbox/enqueue.ts";

export interface TestNoticeResult {
  /** The address the test e-mail went to, if any. */
  email: string | null;
  /** Whether a LINE push was queued. */
  line: boolean;
}

/**
 * Sends a test order notice the way real ones go: through the outbox, to the order e-mail
 * (else the contact e-mail) and, when a channel token and target id are saved, as a LINE push.
 * Refused when neither is set up.
 */
export async function sendTestOrderNotice(
  db: Kysely<Database>,
  input: { tenantId: string; siteOrigin: string },
): Promise<TestNoticeResult> {
  return withTenant(db, input.tenantId, async (trx) => {
    const tenant = await trx
      .selectFrom("tenants")
      .select(["name_th", "order_email", "contact_email", "line_channel_token", "line_notify_user_id"])
      .where("id", "=", input.tenantId)
      .executeTakeFirst();
    if (!tenant) throw new AppError("NOT_FOUND", "site.not_found");
    const email = tenant.order_email ?? tenant.contact_email;
    const line = Boolean(tenant.line_channel_token && tenant.line_notify_user_id);
    if (!email && !line) throw new AppError("VALIDATION", "settings.notices.nothing_to_test");
    const link = `${input.siteOrigin.replace(/\/+$/, "")}/admin/settings#notices`;
    if (email) await enqueueEmail(trx, { to: email, template: "order_notice_test", locale: "th", params: { coop: tenant.name_th, link } }, input.tenantId);
    if (line && tenant.line_notify_user_id) {
      const payload: LinePushPayload = {
        to: tenant.line_notify_user_id,
        messages: [{ type: "text", text: `ทดสอบการแจ้งเตือนจาก ${tenant.name_th}\nเมื่อมีคำสั่งซื้อใหม่ ระบบจะแจ้งมาที่นี่\n${link}` }],
      };
      await trx.insertInto("outbox").values({ kind: LINE_PUSH_KIND, payload: JSON.stringify(payload), for_tenant_id: input.tenantId }).execute();
    }
    return { email, line };
  });
}
