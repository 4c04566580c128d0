/**
 * Fault 1: the server is SIGKILLed in the middle of 200 concurrent checkouts.
 *
 * Every request carries an idempotency key; the ones whose answer was lost are sent again,
 * unchanged, to the restarted server (as a browser retrying would). Then: every acknowledged
 * order exists once, stock plus sold equals the starting stock (also by stock_movements), no
 * order lacks its items, and every e-mail queued in the outbox was delivered exactly once
 * (the dev mailbox stores one row per outbox id; `outbox_id` is UNIQUE there).
 */
import { randomUUID } from "node:crypto";
import { check, ensureAppRole, freshDatabase, hasCommand, type PgServer, psql, request, type Scenario, sleep, startServer } from "./harness.ts";

const CHECKOUTS = 200;
const STARTING_STOCK = 150; // fewer than the checkouts: some must be refused as sold out, none oversold
/** Kill once this many orders were committed, so the rest are in flight. */
const KILL_AFTER_COMMITS = 25;

interface Attempt {
  key: string;
  ip: string;
  email: string;
  body: string;
  /** "ok" with the order number, "refused" with the status, or "lost" (connection died). */
  outcome: "ok" | "refused" | "lost" | "pending";
  status?: number;
  messageKey?: string;
  number?: string;
  /** Seconds the server asked to wait (503). */
  retryAfter?: number;
}

export function sigkillCheckout(pg: PgServer): Scenario {
  return {
    name: `SIGKILL during ${CHECKOUTS} concurrent checkouts`,
    unavailable: () => (hasCommand("psql") ? null : "psql is not installed"),
    async run(log) {
      ensureAppRole(pg);
      const dbName = `coop_fault_kill_${process.pid}`;
      const database = freshDatabase(pg, dbName);
      const env = { DATABASE_URL: database.DATABASE_URL, MIGRATION_DATABASE_URL: database.MIGRATION_DATABASE_URL, SEED_DEMO: "true", TRUST_PROXY: "true" };
      let server = await startServer(env).catch((error: unknown) => {
        database.drop();
        throw error;
      });
      try {
        const q = (sqlText: string) => psql(pg, dbName, sqlText);
        const [tenantId] = q(`SELECT id FROM tenants WHERE slug = 'korat'`);
        check(tenantId, "the demo co-op korat was not seeded");
        const [productId] = q(`SELECT id FROM products WHERE tenant_id = '${tenantId}' AND status = 'available' ORDER BY name_th LIMIT 1`);
        check(productId, "korat has no available product");
        q(`UPDATE products SET stock = ${STARTING_STOCK} WHERE id = '${productId}'`);
        const [since] = q(`SELECT now()`);
        log(`server pid ${server.pid}; product ${productId} with stock ${STARTING_STOCK}; ${CHECKOUTS} checkouts`);

        const attempts: Attempt[] = Array.from({ length: CHECKOUTS }, (_, i) => {
          const key = randomUUID();
          const email = `buyer${i}@example.test`;
          return {
            key,
            // Each buyer comes from an address of their own (behind the proxy), as at a real market.
            ip: `10.77.${i >> 8}.${i & 255}`,
            email,
            body: JSON.stringify({
              idempotencyKey: key,
              customer: { name: `ลูกค้า ${i}`, phone: "0812345678", email },
              deliveryMethod: "pickup",
              paymentMethod: "cod",
              items: [{ productId, quantity: 1 }],
            }),
            outcome: "pending",
          };
        });

        const send = async (attempt: Attempt, port: number) => {
          try {
            const res = await request(port, {
              method: "POST",
              path: "/trpc/checkout.place",
              host: `korat.localhost:${port}`,
              headers: { "x-forwarded-for": attempt.ip },
              body: attempt.body,
            });
            const json = JSON.parse(res.body) as { result?: { data?: { number?: string } }; error?: { data?: { messageKey?: string } } };
            attempt.status = res.status;
            if (res.status === 200 && json.result?.data?.number) {
              attempt.outcome = "ok";
              attempt.number = json.result.data.number;
            } else if (res.status === 503) {
              // Busy or restarting (Retry-After): the browser tries again later, like a lost answer.
              attempt.outcome = "lost";
              attempt.retryAfter = Number(res.headers["retry-after"]) || 1;
            } else {
              attempt.outcome = "refused";
              attempt.messageKey = json.error?.data?.messageKey;
            }
          } catch {
            attempt.outcome = "lost";
          }
        };

        // All at once. The server dies once KILL_AFTER_COMMITS orders are in the database — watched
        // there rather than in the answers, so some committed orders have not been answered yet.
        const firstServer = server;
        const inFlight = attempts.map((a) => send(a, firstServer.port));
        const watcher = (async () => {
          const deadline = Date.now() + 60_000;
          while (Date.now() < deadline) {
            const [stored] = q(`SELECT count(*) FROM orders WHERE tenant_id = '${tenantId}' AND created_at >= '${since}'`);
            if (Number(stored) >= KILL_AFTER_COMMITS) break;
            await sleep(10);
          }
          await firstServer.kill();
        })();
        await watcher;
        await Promise.all(inFlight);
        const count = (o: Attempt["outcome"]) => attempts.filter((a) => a.outcome === o).length;
        log(`before the kill: ${count("ok")} acknowledged, ${count("refused")} refused, ${count("lost")} answers lost`);
        check(count("lost") > 0, "the kill came too late: no request was in flight (raise CHECKOUTS or lower KILL_AFTER_COMMITS)");
        const unexpected = attempts.filter((a) => a.outcome === "refused" && a.messageKey !== "checkout.sold_out");
        check(
          unexpected.length === 0,
          `unexpected refusals before the kill: ${unexpected
            .slice(0, 3)
            .map((a) => `${a.status} ${a.messageKey}`)
            .join(", ")}`,
        );

        const [storedAtKill] = q(`SELECT count(*) FROM orders WHERE tenant_id = '${tenantId}' AND created_at >= '${since}'`);
        log(`${Number(storedAtKill) - count("ok")} of the lost answers were for orders already committed (their retries must return them, not order again)`);
        // A dead worker's claims on outbox rows expire after lockSeconds (5 min); let that time pass.
        q(`UPDATE outbox SET locked_until = now() WHERE locked_until > now()`);

        server = await startServer(env, firstServer.port);
        log(`restarted: pid ${server.pid}`);
        // The browsers retry what they never heard back about, with the same key and body.
        for (let round = 0; round < 10 && count("lost") > 0; round++) {
          const waits = attempts.filter((a) => a.outcome === "lost").map((a) => a.retryAfter ?? 0);
          await sleep(Math.min(5, Math.max(0, ...waits)) * 1000);
          await Promise.all(attempts.filter((a) => a.outcome === "lost").map((a) => send(a, server.port)));
        }
        check(count("lost") === 0, `${count("lost")} requests still get no answer after the restart`);
        const refusedKeys = new Set(attempts.filter((a) => a.outcome === "refused").map((a) => a.messageKey));
        log(`after retries: ${count("ok")} acknowledged, ${count("refused")} refused (${[...refusedKeys].join(", ")})`);
        check(
          [...refusedKeys].every((k) => k === "checkout.sold_out"),
          `unexpected refusals after the restart: ${[...refusedKeys].join(", ")}`,
        );

        // Every acknowledged order exists, once, and nothing else was ordered. (The stored idempotency
        // key is a hash; the order number the buyer was shown identifies the order just as well.)
        const stored = new Set(q(`SELECT number FROM orders WHERE tenant_id = '${tenantId}' AND created_at >= '${since}'`).map(Number));
        const acked = attempts.filter((a) => a.outcome === "ok");
        const ackedNumbers = new Set(acked.map((a) => Number(/(\d+)$/.exec(a.number!)?.[1])));
        const missing = [...ackedNumbers].filter((n) => !stored.has(n));
        check(missing.length === 0, `${missing.length} acknowledged orders are missing (e.g. number ${missing[0]})`);
        check(ackedNumbers.size === acked.length, `${acked.length} checkouts were acknowledged with only ${ackedNumbers.size} different orders`);
        check(stored.size === acked.length, `${stored.size} orders stored, ${acked.length} acknowledged`);

        // Stock: nothing lost, nothing oversold, and the movements tell the same story.
        const [stock] = q(`SELECT stock FROM products WHERE id = '${productId}'`);
        const [sold] = q(
          `SELECT coalesce(sum(i.quantity), 0) FROM order_items i JOIN orders o ON o.id = i.order_id AND o.tenant_id = i.tenant_id WHERE i.product_id = '${productId}' AND o.created_at >= '${since}'`,
        );
        const [moved] = q(`SELECT coalesce(sum(delta), 0) FROM stock_movements WHERE product_id = '${productId}' AND created_at >= '${since}'`);
        log(`stock ${stock} + sold ${sold} (starting ${STARTING_STOCK}); movements ${moved}`);
        check(Number(stock) + Number(sold) === STARTING_STOCK, `stock ${stock} + sold ${sold} ≠ ${STARTING_STOCK}`);
        check(Number(moved) === -Number(sold), `stock movements add up to ${moved}, sold ${sold}`);
        check(Number(stock) >= 0, `stock went negative: ${stock}`);
        const [bare] = q(
          `SELECT count(*) FROM orders o WHERE o.tenant_id = '${tenantId}' AND o.created_at >= '${since}' AND NOT EXISTS (SELECT 1 FROM order_items i WHERE i.order_id = o.id AND i.tenant_id = o.tenant_id)`,
        );
        check(Number(bare) === 0, `${bare} orders have no items`);

        // E-mail: wait for the outbox to drain, then every queued message was delivered exactly once.
        const deadline = Date.now() + 90_000;
        for (;;) {
          const [left] = q(`SELECT count(*) FROM outbox WHERE kind = 'email' AND processed_at IS NULL AND created_at >= '${since}'`);
          if (Number(left) === 0) break;
          check(Date.now() < deadline, `${left} e-mails are still queued after 90 s`);
          await sleep(500);
        }
        const [queued] = q(`SELECT count(*) FROM outbox WHERE kind = 'email' AND created_at >= '${since}'`);
        const [delivered, distinct] = q(
          `SELECT count(*), count(DISTINCT m.outbox_id) FROM dev_mailbox m JOIN outbox o ON o.id = m.outbox_id WHERE o.created_at >= '${since}'`,
        )[0]!.split("\t");
        log(`e-mails: ${queued} queued, ${delivered} delivered (${distinct} distinct outbox ids)`);
        check(
          Number(queued) > 0 && Number(delivered) === Number(queued) && Number(distinct) === Number(queued),
          `e-mails queued ${queued}, delivered ${delivered}, distinct ${distinct}`,
        );
        // Each buyer with an order got their confirmation (the co-op's own notices come on top).
        const [unconfirmed] = q(
          `SELECT count(*) FROM orders o WHERE o.tenant_id = '${tenantId}' AND o.created_at >= '${since}' AND o.customer_email IS NOT NULL
             AND NOT EXISTS (SELECT 1 FROM dev_mailbox m WHERE m.to_address = o.customer_email)`,
        );
        check(Number(unconfirmed) === 0, `${unconfirmed} buyers with an order got no e-mail`);
      } finally {
        await server.stop();
        database.drop();
      }
    },
  };
}
