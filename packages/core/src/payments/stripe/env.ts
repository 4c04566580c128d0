import { EnvError, parseEnv } from "@coop/config";
import { z } from "zod";

const schema = z.object({
  /** The platform's secret (sk_…) or restricted (rk_…) key. Unset: Stripe is off. */
  STRIPE_SECRET_KEY: z.string().regex(/^(sk|rk)_(test|live)_[A-Za-z0-9]+$/, "must be a Stripe secret key (sk_test_… or sk_live_…)").optional(),
  /** The signing secret of the /webhooks/stripe endpoint (whsec_…). Required with STRIPE_SECRET_KEY. */
  STRIPE_WEBHOOK_SECRET: z.string().regex(/^whsec_[A-Za-z0-9+/=]+$/, "must be a webhook signing secret (whsec_…)").optional(),
  /**
   * express: co-ops get an Express account created by the platform and onboard through Stripe;
   * existing: a co-op links an account it already has (acct_…), for platforms Stripe has not yet
   * approved to create Express accounts in Thailand.
   */
  STRIPE_CONNECT_MODE: z.enum(["express", "existing"], { message: "must be express or existing" }).default("express"),
  /** Where the Stripe API is (tests and mocks); default https://api.stripe.com. */
  STRIPE_API_BASE: z.url({ protocol: /^https?$/, message: "must be an http(s) URL such as https://api.stripe.com" }).optional(),
  /** The platform's default application fee, in percent of an order (0–100, two decimals at most). */
  PLATFORM_FEE_PERCENT: z.coerce
    .number({ message: "must be a number from 0 to 100" })
    .min(0, "must be a number from 0 to 100")
    .max(100, "must be a number from 0 to 100")
    .refine((v) => Number.isInteger(Math.round(v * 100 * 1e6) / 1e6), "must have at most two decimals")
    .default(0),
});

export interface StripeSettings {
  secretKey: string;
  webhookSecret: string;
  connectMode: "express" | "existing";
  /** host/port/protocol for the SDK when STRIPE_API_BASE is set. */
  api: { host: string; port: number; protocol: "http" | "https" } | null;
  /** The default platform fee, in basis points (1% = 100). */
  defaultFeeBps: number;
}

/**
 * Reads the Stripe configuration. Returns null when Stripe is not configured (neither key set):
 * the platform then offers PromptPay, transfer and cash only. One key without the other is a
 * configuration problem, reported with the rest at start-up.
 */
export function readStripeEnv(source: Record<string, string | undefined> = process.env): StripeSettings | null {
  const env = parseEnv(schema, source);
  if (!env.STRIPE_SECRET_KEY && !env.STRIPE_WEBHOOK_SECRET) return null;
  if (!env.STRIPE_SECRET_KEY) throw new EnvError(["STRIPE_SECRET_KEY is missing: STRIPE_WEBHOOK_SECRET is set, Stripe needs both"]);
  if (!env.STRIPE_WEBHOOK_SECRET) throw new EnvError(["STRIPE_WEBHOOK_SECRET is missing: STRIPE_SECRET_KEY is set, Stripe needs both"]);
  let api: StripeSettings["api"] = null;
  if (env.STRIPE_API_BASE) {
    const url = new URL(env.STRIPE_API_BASE);
    const protocol = url.protocol === "http:" ? "http" : "https";
    api = { host: url.hostname, port: url.port ? Number(url.port) : protocol === "http" ? 80 : 443, protocol };
  }
  return {
    secretKey: env.STRIPE_SECRET_KEY,
    webhookSecret: env.STRIPE_WEBHOOK_SECRET,
    connectMode: env.STRIPE_CONNECT_MODE,
    api,
    defaultFeeBps: Math.round(env.PLATFORM_FEE_PERCENT * 100),
  };
}
