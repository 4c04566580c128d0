import { getCheckoutOptions } from "@coop/core";
import { coopProcedure } from "../../trpc.ts";

/** Delivery methods with fees, payment methods, and where to pay (PromptPay id, bank account). */
export const options = coopProcedure.query(({ ctx }) => getCheckoutOptions(ctx.db, ctx.tenant.id));
