import { AppError, getOrderByTrackingToken, promptPayPayload, promptPayQrSvg, trackOrderInput } from "@coop/core";
import { orderLinkProcedure } from "../../trpc.ts";

/**
 * The PromptPay QR of an order still awaiting a PromptPay payment, for its tracking page: the
 * EMVCo payload with the order's total fixed, drawn as an SVG. NOT_FOUND for any other order
 * (paid, cancelled, another payment method), when the co-op has no PromptPay id any more, or
 * while the co-op is closed (nobody should pay a co-op staff suspended).
 */
export const promptPayQr = orderLinkProcedure.input(trackOrderInput).query(async ({ ctx, input }) => {
  if (ctx.site.kind !== "coop") throw new AppError("NOT_FOUND", "orders.not_found", { detail: "the co-op is closed" });
  const order = await getOrderByTrackingToken(ctx.db, ctx.tenant.id, input.token);
  const id = order.coop.promptpayId;
  if (order.paymentMethod !== "promptpay" || order.status !== "pending_payment" || !id) {
    throw new AppError("NOT_FOUND", "orders.not_found", { detail: "no PromptPay payment is awaited" });
  }
  const payload = promptPayPayload({ id, amountSatang: order.totalSatang });
  return { svg: await promptPayQrSvg(payload), payload, amountSatang: order.totalSatang };
});
