import { sql } from "@coop/db";
import { createTestDatabase, type TestDatabase } from "@coop/db/testing";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type OutboxHandlers, type OutboxJob, processOutboxBatch, startOutboxWorker } from "./worker.ts";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => {
  await t?.destroy();
});
beforeEach(async () => {
  // The app role may not DELETE from the outbox; park earlier tests' rows instead.
  await t.db.updateTable("outbox").set({ processed_at: new Date() }).where("processed_at", "is", null).execute();
});

const quiet = { onFailure: () => undefined };

async function enqueue(count: number, kind = "test", extra: { available_at?: Date; locked_until?: Date } = {}): Promise<number[]> {
  const rows = await t.db
    .insertInto("outbox")
    .values(Array.from({ length: count }, (_, i) => ({ kind, payload: JSON.stringify({ n: i }), ...extra })))
    .returning("id")
    .execute();
  return rows.map((r) => Number(r.id));
}

async function row(id: number) {
  return t.db
    .selectFrom("outbox")
    .select([
      "attempts",
      "last_error",
      "processed_at",
      "locked_until",
      sql<number>`extract(epoch from available_at - now())`.as("due_in_seconds"),
    ])
    .where("id", "=", id)
    .executeTakeFirstOrThrow();
}

function recorder() {
  const seen: OutboxJob[] = [];
  const handlers: OutboxHandlers = {
    test: async (job) => {
      seen.push(job);
    },
  };
  return { seen, handlers };
}

describe("processOutboxBatch", () => {
  it("claims only due, unlocked, unprocessed rows of kinds it handles, oldest first", async () => {
    const [due1, due2] = await enqueue(2);
    await enqueue(1, "test", { available_at: new Date(Date.now() + 3_600_000) });
    await enqueue(1, "test", { locked_until: new Date(Date.now() + 3_600_000) });
    const [expiredLock] = await enqueue(1, "test", { locked_until: new Date(Date.now() - 1_000) });
    await enqueue(1, "other-kind");
    const { seen, handlers } = recorder();

    const result = await processOutboxBatch(t.db, handlers, quiet);

    expect(result).toEqual({ claimed: 3, succeeded: 3, failed: 0 });
    expect(seen.map((j) => j.id)).toEqual([due1, due2, expiredLock]);
    expect(seen[0]).toMatchObject({ kind: "test", payload: { n: 0 }, attempts: 0, forTenantId: null });
    expect(seen[0]?.createdAt).toBeInstanceOf(Date);
    expect(await processOutboxBatch(t.db, handlers, quiet)).toEqual({ claimed: 0, succeeded: 0, failed: 0 });
  });

  it("respects the batch size", async () => {
    await enqueue(5);
    const { seen, handlers } = recorder();
    expect((await processOutboxBatch(t.db, handlers, { batchSize: 2 })).claimed).toBe(2);
    expect((await processOutboxBatch(t.db, handlers, { batchSize: 2 })).claimed).toBe(2);
    expect((await processOutboxBatch(t.db, handlers, { batchSize: 2 })).claimed).toBe(1);
    expect(new Set(seen.map((j) => j.id)).size).toBe(5);
  });

  it("marks a handled row processed and clears its lock", async () => {
    const [id] = await enqueue(1);
    await processOutboxBatch(t.db, recorder().handlers, quiet);
    const after = await row(id!);
    expect(after.processed_at).toBeInstanceOf(Date);
    expect(after.locked_until).toBeNull();
    expect(after.attempts).toBe(0);
  });

  it("holds the claim while the handler runs, so no other batch takes the row", async () => {
    const [id] = await enqueue(1);
    let during: Awaited<ReturnType<typeof row>> | undefined;
    let secondClaim = -1;
    await processOutboxBatch(
      t.db,
      {
        test: async () => {
          during = await row(id!);
          secondClaim = (await processOutboxBatch(t.db, recorder().handlers, quiet)).claimed;
        },
      },
      { lockSeconds: 120 },
    );
    expect(during?.locked_until).toBeInstanceOf(Date);
    expect(during!.locked_until!.getTime()).toBeGreaterThan(Date.now() + 100_000);
    expect(secondClaim).toBe(0);
  });

  it("backs off exponentially after a failure and records the error", async () => {
    const [id] = await enqueue(1);
    const failures: Array<{ gaveUp: boolean }> = [];
    const failing: OutboxHandlers = {
      test: async () => {
        throw new Error("SMTP said no <550>");
      },
    };
    const options = { onFailure: (_job: OutboxJob, _e: unknown, gaveUp: boolean) => failures.push({ gaveUp }) };

    expect(await processOutboxBatch(t.db, failing, options)).toEqual({ claimed: 1, succeeded: 0, failed: 1 });
    const first = await row(id!);
    expect(first).toMatchObject({ attempts: 1, processed_at: null, locked_until: null });
    expect(first.last_error).toContain("SMTP said no <550>");
    expect(first.due_in_seconds).toBeGreaterThan(25);
    expect(first.due_in_seconds).toBeLessThan(40);

    // Not due yet: nothing to claim.
    expect((await processOutboxBatch(t.db, failing, options)).claimed).toBe(0);

    // Make it due again: the next delay doubles.
    await t.db.updateTable("outbox").set({ available_at: new Date(Date.now() - 1_000) }).where("id", "=", id!).execute();
    await processOutboxBatch(t.db, failing, options);
    const second = await row(id!);
    expect(second.attempts).toBe(2);
    expect(second.due_in_seconds).toBeGreaterThan(55);
    expect(second.due_in_seconds).toBeLessThan(70);
    expect(failures).toEqual([{ gaveUp: false }, { gaveUp: false }]);
  });

  it("gives up after the last attempt, leaving the row unprocessed with a final error", async () => {
    const [id] = await enqueue(1);
    await t.db.updateTable("outbox").set({ attempts: 9 }).where("id", "=", id!).execute();
    let gaveUp = false;
    const failing: OutboxHandlers = {
      test: async () => {
        throw new Error("mailbox unavailable");
      },
    };
    await processOutboxBatch(t.db, failing, { onFailure: (_j, _e, g) => (gaveUp = g) });
    const dead = await row(id!);
    expect(gaveUp).toBe(true);
    expect(dead).toMatchObject({ attempts: 10, processed_at: null, locked_until: null });
    expect(dead.last_error).toMatch(/^gave up after 10 attempts: .*mailbox unavailable/);

    // Even when due, it is never claimed again.
    await t.db.updateTable("outbox").set({ available_at: new Date(Date.now() - 1_000) }).where("id", "=", id!).execute();
    expect((await processOutboxBatch(t.db, recorder().handlers, quiet)).claimed).toBe(0);
  });

  it("never hands a row to two concurrent batches", async () => {
    const ids = await enqueue(40);
    const handled: number[] = [];
    const handlers: OutboxHandlers = {
      test: async (job) => {
        handled.push(job.id);
        // Yield so the other batch runs in between (on PostgreSQL it runs truly in parallel).
        await new Promise((resolve) => setTimeout(resolve, 2));
      },
    };
    const drain = async () => {
      while ((await processOutboxBatch(t.db, handlers, { batchSize: 3, ...quiet })).claimed > 0);
    };
    await Promise.all([drain(), drain(), drain()]);

    expect(handled).toHaveLength(ids.length);
    expect(new Set(handled)).toEqual(new Set(ids));
    const left = await t.db.selectFrom("outbox").select("id").where("id", "in", ids).where("processed_at", "is", null).execute();
    expect(left).toEqual([]);
  });
});

describe("startOutboxWorker", () => {
  it("processes what is due until empty, then keeps polling", async () => {
    const { seen, handlers } = recorder();
    await enqueue(7);
    const worker = startOutboxWorker(t.db, handlers, { intervalMs: 20, batchSize: 2 });
    try {
      await expect.poll(() => seen.length, { timeout: 10_000 }).toBe(7);
      await enqueue(1);
      await expect.poll(() => seen.length, { timeout: 10_000 }).toBe(8);
    } finally {
      await worker.stop();
    }
  });

  it("stop() waits for the batch in flight and starts no other", async () => {
    const [id] = await enqueue(1);
    let started!: () => void;
    const handlerStarted = new Promise<void>((resolve) => (started = resolve));
    let finish!: () => void;
    const handlerMayFinish = new Promise<void>((resolve) => (finish = resolve));
    let calls = 0;
    const worker = startOutboxWorker(
      t.db,
      {
        test: async () => {
          calls += 1;
          started();
          await handlerMayFinish;
        },
      },
      { intervalMs: 10 },
    );
    await handlerStarted;

    let stopped = false;
    const stopping = worker.stop().then(() => (stopped = true));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(stopped).toBe(false);

    finish();
    await stopping;
    expect((await row(id!)).processed_at).toBeInstanceOf(Date);

    await enqueue(1);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(calls).toBe(1);
  });

  it("keeps running when a batch cannot be claimed", async () => {
    const errors: unknown[] = [];
    let failNext = true;
    const { seen, handlers } = recorder();
    const flakyDb = new Proxy(t.db, {
      get(target, prop, receiver) {
        if (prop === "with" && failNext) {
          failNext = false;
          return () => {
            throw new Error("connection refused");
          };
        }
        const value: unknown = Reflect.get(target, prop, receiver);
        // Kysely keeps its state in private fields: call its methods on the real instance.
        return typeof value === "function" ? value.bind(target) : value;
      },
    });
    await enqueue(1);
    const worker = startOutboxWorker(flakyDb, handlers, { intervalMs: 10, onError: (e) => errors.push(e) });
    try {
      await expect.poll(() => seen.length, { timeout: 10_000 }).toBe(1);
    } finally {
      await worker.stop();
    }
    expect(errors).toHaveLength(1);
  });
});
