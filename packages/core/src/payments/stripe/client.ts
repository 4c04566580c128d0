import Stripe from "stripe";
import { readStripeEnv, type StripeSettings } from "./env.ts";

/**
 * The API version every request and every webhook payload uses. Pinned, so a Stripe account
 * upgrade cannot change the shape of what the code reads; change it together with the code.
 */
export const STRIPE_API_VERSION = "2026-10-28.endive" satisfies Stripe.LatestApiVersion;

/** The Stripe client and the settings it was made from; null everywhere means "Stripe is off". */
export interface StripeRuntime {
  settings: StripeSettings;
  client: Stripe;
}

export function createStripeClient(settings: StripeSettings): Stripe {
  return new Stripe(settings.secretKey, {
    apiVersion: STRIPE_API_VERSION,
    // Network errors and 409/429/5xx are retried with the same idempotency key.
    maxNetworkRetries: 2,
    timeout: 20_000,
    appInfo: { name: "sahakorn-network" },
    ...(settings.api ? { host: settings.api.host, port: settings.api.port, protocol: settings.api.protocol } : {}),
  });
}

export function createStripeRuntime(settings: StripeSettings | null): StripeRuntime | null {
  return settings ? { settings, client: createStripeClient(settings) } : null;
}

let current: { runtime: StripeRuntime | null } | null = null;

/**
 * The process's Stripe runtime, read from the environment on first use (the API server checks the
 * same variables at start, so a bad value never gets this far). Null when Stripe is not configured.
 */
export function stripeRuntime(): StripeRuntime | null {
  current ??= { runtime: createStripeRuntime(readStripeEnv()) };
  return current.runtime;
}

/** Replaces the process's runtime (tests point it at a local stand-in for Stripe's API). */
export function configureStripe(settings: StripeSettings | null): StripeRuntime | null {
  current = { runtime: createStripeRuntime(settings) };
  return current.runtime;
}
