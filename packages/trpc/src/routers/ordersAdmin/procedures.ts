import { coopSiteUrl } from "../../site.ts";
import {
  getOrder, listOrders, listOrdersInput, orderIdInput, ordersCsv, refundOrder, refundOrderInput, stripeRuntime, transitionOrder, transitionOrderInput,
} from "@coop/core";
import { memberProcedure } from "../../trpc.ts";

const manage = memberProcedure("orders.manage");

/** Orders of the Host's co-op with filters and search, newest first, in pages of at most 100. */
export const list = manage.input(listOrdersInput).query(({ ctx, input }) => listOrders(ctx.db, ctx.tenant.id, input));

export const get = manage.input(orderIdInput).query(({ ctx, input }) => getOrder(ctx.db, ctx.tenant.id, input.orderId));

/** Moves an order along its state machine; illegal moves are refused with orders.illegal_transition. */
export const transition = manage
  .input(transitionOrderInput)
  .mutation(({ ctx, input }) => transitionOrder(ctx.db, ctx.tenant.id, ctx.user.id, input, { siteOrigin: coopSiteUrl(ctx.origins, ctx.tenant.slug) }));

/** The filtered orders as a CSV file (UTF-8 with BOM). */
export const csv = manage.input(listOrdersInput.omit({ page: true, pageSize: true })).query(async ({ ctx, input }) => {
  const day = new Intl.DateTimeFormat("sv-SE", { timeZone: "Asia/Bangkok" }).format(new Date());
  return { filename: `orders-${ctx.tenant.slug}-${day}.csv`, contentType: "text/csv; charset=utf-8", body: await ordersCsv(ctx.db, ctx.tenant.id, input) };
});

/**
 * Gives money back, fully (no amount) or in part: through Stripe for card orders, recorded only
 * for orders paid by PromptPay, transfer or cash (the co-op paid back itself). A double click is one refund.
 */
export const refund = manage
  .input(refundOrderInput)
  .mutation(({ ctx, input }) => refundOrder(ctx.db, stripeRuntime(), { ...input, tenantId: ctx.tenant.id, actorUserId: ctx.user.id }));
