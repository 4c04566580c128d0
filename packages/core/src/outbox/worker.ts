import { type Database, type Kysely, sql } from "@coop/db";

/** One claimed outbox row, as a handler sees it. */
export interface OutboxJob {
  id: number;
  kind: string;
  payload: unknown;
  forTenantId: string | null;
  /** Failed attempts before this one. */
  attempts: number;
  createdAt: Date;
}

/**
 * Performs the side effect of one row. Delivery is at least once (a process can die after
 * the effect and before the row is marked), so a handler should be idempotent where it can.
 */
export type OutboxHandler = (job: OutboxJob) => Promise<void>;

/** Handlers by outbox `kind`; rows of other kinds are left for a process that handles them. */
export type OutboxHandlers = Readonly<Record<string, OutboxHandler>>;

export interface OutboxBatchOptions {
  /** Rows claimed at once; their handlers run concurrently. */
  batchSize?: number;
  /** How long a claim lasts; a row whose worker died is claimed again after it. */
  lockSeconds?: number;
  /** After this many failed attempts a row is left unprocessed, with its last error, for an operator. */
  maxAttempts?: number;
  /** Seconds to wait before the next try, given the number of failed attempts so far (≥ 1). */
  backoffSeconds?: (attempts: number) => number;
  /** Told of every failure; by default it is logged. */
  onFailure?: (job: OutboxJob, error: unknown, gaveUp: boolean) => void;
}

export interface OutboxBatchResult {
  claimed: number;
  succeeded: number;
  failed: number;
}

export const OUTBOX_DEFAULTS = {
  batchSize: 10,
  lockSeconds: 300,
  maxAttempts: 10,
} as const;

const MAX_ERROR_LENGTH = 2_000;

/** 30 s, 1 min, 2 min, … capped at 6 h, with up to 10 % jitter so failed rows do not retry in lockstep. */
export function defaultBackoffSeconds(attempts: number): number {
  const base = Math.min(30 * 2 ** Math.max(0, attempts - 1), 6 * 3600);
  return Math.round(base * (1 + Math.random() * 0.1));
}

function logFailure(job: OutboxJob, error: unknown, gaveUp: boolean): void {
  const what = `[outbox] ${job.kind} #${job.id} failed (attempt ${job.attempts + 1})`;
  if (gaveUp) console.error(`${what}; giving up, left for an operator:`, describe(error));
  else console.warn(`${what}; will retry:`, describe(error));
}

function describe(error: unknown): string {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return text.length > MAX_ERROR_LENGTH ? `${text.slice(0, MAX_ERROR_LENGTH)}…` : text;
}

/**
 * Claims the rows that are due, runs their handlers and records the outcome.
 *
 * The claim is one UPDATE (so one short transaction) over rows picked `FOR UPDATE SKIP
 * LOCKED`: parallel workers on PostgreSQL never claim the same row, and no transaction stays
 * open while a handler runs (PGlite has a single session, which a handler may need itself).
 */
export async function processOutboxBatch(
  db: Kysely<Database>,
  handlers: OutboxHandlers,
  options: OutboxBatchOptions = {},
): Promise<OutboxBatchResult> {
  const batchSize = options.batchSize ?? OUTBOX_DEFAULTS.batchSize;
  const lockSeconds = options.lockSeconds ?? OUTBOX_DEFAULTS.lockSeconds;
  const maxAttempts = options.maxAttempts ?? OUTBOX_DEFAULTS.maxAttempts;
  const backoff = options.backoffSeconds ?? defaultBackoffSeconds;
  const onFailure = options.onFailure ?? logFailure;
  const kinds = Object.keys(handlers);
  if (kinds.length === 0) return { claimed: 0, succeeded: 0, failed: 0 };

  const claimed = await db
    .with(
      (cte) => cte("due").materialized(),
      (qb) =>
        qb
          .selectFrom("outbox")
          .select("id")
          .where("processed_at", "is", null)
          .where("available_at", "<=", sql<Date>`now()`)
          .where((eb) => eb.or([eb("locked_until", "is", null), eb("locked_until", "<", sql<Date>`now()`)]))
          .where("attempts", "<", maxAttempts)
          .where("kind", "in", kinds)
          .orderBy("available_at")
          .orderBy("id")
          .limit(batchSize)
          .forUpdate()
          .skipLocked(),
    )
    .updateTable("outbox")
    .from("due")
    .set({ locked_until: sql<Date>`now() + make_interval(secs => ${lockSeconds})` })
    .whereRef("outbox.id", "=", "due.id")
    .returning(["outbox.id", "outbox.kind", "outbox.payload", "outbox.for_tenant_id", "outbox.attempts", "outbox.created_at"])
    .execute();

  // RETURNING comes back in no particular order; hand rows out oldest first.
  const jobs: OutboxJob[] = claimed.map((row) => ({
    id: Number(row.id),
    kind: row.kind,
    payload: row.payload,
    forTenantId: row.for_tenant_id,
    attempts: row.attempts,
    createdAt: new Date(row.created_at),
  }));
  jobs.sort((a, b) => a.id - b.id);

  const outcomes = await Promise.allSettled(
    jobs.map(async (job) => {
      try {
        // Every claimed kind has a handler: the claim filtered on them.
        await handlers[job.kind]!(job);
      } catch (error) {
        const attempts = job.attempts + 1;
        const gaveUp = attempts >= maxAttempts;
        onFailure(job, error, gaveUp);
        await db
          .updateTable("outbox")
          .set({
            attempts,
            last_error: gaveUp ? `gave up after ${attempts} attempts: ${describe(error)}` : describe(error),
            locked_until: null,
            available_at: sql<Date>`now() + make_interval(secs => ${gaveUp ? 0 : backoff(attempts)})`,
          })
          .where("id", "=", job.id)
          .where("processed_at", "is", null)
          .execute();
        return false;
      }
      await db
        .updateTable("outbox")
        .set({ processed_at: sql<Date>`now()`, locked_until: null })
        .where("id", "=", job.id)
        .where("processed_at", "is", null)
        .execute();
      return true;
    }),
  );

  // A row whose outcome could not be recorded is claimed again once its lock expires.
  const unrecorded = outcomes.find((o): o is PromiseRejectedResult => o.status === "rejected");
  if (unrecorded) throw unrecorded.reason;
  const succeeded = outcomes.filter((o) => o.status === "fulfilled" && o.value).length;
  return { claimed: jobs.length, succeeded, failed: jobs.length - succeeded };
}

export interface OutboxWorkerOptions extends OutboxBatchOptions {
  /** Pause between polls when nothing is due. */
  intervalMs?: number;
  /** Told when a batch could not run (e.g. the database is down); by default it is logged. */
  onError?: (error: unknown) => void;
}

export interface OutboxWorker {
  /** Stops polling and resolves once the batch in flight (if any) has finished. */
  stop(): Promise<void>;
}

/**
 * Polls the outbox: processes batches until nothing is due, then waits `intervalMs`. Run one
 * per process; several processes (on PostgreSQL) share the work safely.
 */
export function startOutboxWorker(
  db: Kysely<Database>,
  handlers: OutboxHandlers,
  options: OutboxWorkerOptions = {},
): OutboxWorker {
  const intervalMs = options.intervalMs ?? 2_000;
  const onError = options.onError ?? ((error: unknown) => console.error("[outbox] batch failed:", describe(error)));
  let stopping = false;
  let wake: (() => void) | undefined;

  const pause = () =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(done, intervalMs);
      // The worker alone does not keep the process alive; the server does.
      timer.unref();
      function done() {
        clearTimeout(timer);
        wake = undefined;
        resolve();
      }
      wake = done;
    });

  const loop = (async () => {
    while (!stopping) {
      let claimed = 0;
      try {
        ({ claimed } = await processOutboxBatch(db, handlers, options));
      } catch (error) {
        onError(error);
      }
      // Something was due: look again at once (failed rows have moved into the future).
      if (claimed === 0 && !stopping) await pause();
    }
  })();

  return {
    async stop() {
      stopping = true;
      wake?.();
      await loop;
    },
  };
}
