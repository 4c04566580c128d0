import type { Database, Transaction } from "@coop/db";
import { enqueueEmail } from "../outbox/enqueue.ts";
import { hashToken, newToken } from "../security/tokens.ts";
import { formatBahtPlain } from "./notify.ts";
import { formatOrderNumber } from "./number.ts";

const NO_REASON = "สหกรณ์ไม่ได้ระบุเหตุผล กรุณาติดต่อสหกรณ์";

/**
 * A rejected slip: the customer (when they gave an e-mail) is told why and what to do, with a
 * fresh tracking link. The database only ever holds hashes of tracking links, so the first link
 * cannot be sent again; the new one is stored as a second hash (replacing any earlier second
 * link) and the first keeps working (docs/decisions/016-slip-rejection-link.md).
 */
export async function enqueueSlipRejectedNotice(
  trx: Transaction<Database>,
  tenantId: string,
  rejected: { orderId: string; reason: string | null },
  options: { siteOrigin: string },
): Promise<void> {
  const order = await trx
    .selectFrom("orders")
    .select(["id", "number", "customer_name", "customer_email", "total_satang"])
    .where("tenant_id", "=", tenantId)
    .where("id", "=", rejected.orderId)
    .executeTakeFirstOrThrow();
  if (!order.customer_email) return;
  const tenant = await trx.selectFrom("tenants").select(["slug", "name_th", "phone", "line_id"]).where("id", "=", tenantId).executeTakeFirstOrThrow();
  const token = newToken();
  await trx.updateTable("orders").set({ resent_token_hash: hashToken(token) }).where("tenant_id", "=", tenantId).where("id", "=", order.id).execute();
  const contact = [tenant.phone ? `โทร ${tenant.phone}` : null, tenant.line_id ? `LINE ${tenant.line_id}` : null].filter(Boolean).join(" · ");
  await enqueueEmail(
    trx,
    {
      to: order.customer_email,
      template: "slip_rejected",
      // Orders keep no language; the co-op's site speaks Thai first.
      locale: "th",
      params: {
        name: order.customer_name,
        coop: tenant.name_th,
        number: formatOrderNumber(tenant.slug, order.number),
        reason: rejected.reason ?? NO_REASON,
        total: formatBahtPlain(order.total_satang, "th"),
        contact,
        link: `${options.siteOrigin.replace(/\/+$/, "")}/orders/${encodeURIComponent(token)}`,
      },
    },
    tenantId,
  );
}
