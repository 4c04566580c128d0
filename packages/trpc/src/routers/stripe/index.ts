import { router } from "../../trpc.ts";

/** Card payments through Stripe Connect (issue 7). */
export const stripeRouter = router({});
