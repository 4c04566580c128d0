import type { PGlite } from "@electric-sql/pglite";
import {
  CompiledQuery,
  type DatabaseConnection,
  type DatabaseIntrospector,
  type Dialect,
  type DialectAdapter,
  type Driver,
  type Kysely,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type QueryCompiler,
  type QueryResult,
  type TransactionSettings,
} from "kysely";

/**
 * PGlite is one Postgres backend in this process: a single session. This gate hands the
 * session to one Kysely connection at a time (a transaction holds it from BEGIN to COMMIT),
 * and remembers which role the session is in so that several dialects (the application's
 * non-owner role and the migration owner) can share one PGlite safely.
 */
export class PGliteSession {
  #queue: Array<() => void> = [];
  #busy = false;
  #role: string | null = null;

  constructor(readonly pglite: PGlite) {}

  async acquire(role: string | null): Promise<void> {
    if (this.#busy) {
      await new Promise<void>((resolve) => this.#queue.push(resolve));
    }
    this.#busy = true;
    if (this.#role !== role) {
      try {
        await this.pglite.query(role === null ? "RESET ROLE" : `SET ROLE ${quoteIdent(role)}`);
        this.#role = role;
      } catch (error) {
        this.release();
        throw error;
      }
    }
  }

  release(): void {
    const next = this.#queue.shift();
    if (next) next();
    else this.#busy = false;
  }
}

function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

export interface PGliteDialectConfig {
  session: PGliteSession;
  /** Role to act as (`SET ROLE`); null keeps the session's own superuser role. */
  role: string | null;
}

export class PGliteDialect implements Dialect {
  constructor(private readonly config: PGliteDialectConfig) {}
  createAdapter(): DialectAdapter {
    return new PostgresAdapter();
  }
  createDriver(): Driver {
    return new PGliteDriver(this.config);
  }
  createIntrospector(db: Kysely<unknown>): DatabaseIntrospector {
    return new PostgresIntrospector(db);
  }
  createQueryCompiler(): QueryCompiler {
    return new PostgresQueryCompiler();
  }
}

class PGliteDriver implements Driver {
  readonly #connection: PGliteConnection;
  constructor(private readonly config: PGliteDialectConfig) {
    this.#connection = new PGliteConnection(config.session.pglite);
  }
  async init(): Promise<void> {
    await this.config.session.pglite.waitReady;
  }
  async acquireConnection(): Promise<DatabaseConnection> {
    await this.config.session.acquire(this.config.role);
    return this.#connection;
  }
  async beginTransaction(connection: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    let statement = "begin";
    if (settings.isolationLevel) statement += ` isolation level ${settings.isolationLevel}`;
    if (settings.accessMode) statement += ` ${settings.accessMode}`;
    await connection.executeQuery(CompiledQuery.raw(statement));
  }
  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw("commit"));
  }
  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw("rollback"));
  }
  async savepoint(connection: DatabaseConnection, name: string): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw(`savepoint ${quoteIdent(name)}`));
  }
  async rollbackToSavepoint(connection: DatabaseConnection, name: string): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw(`rollback to savepoint ${quoteIdent(name)}`));
  }
  async releaseSavepoint(connection: DatabaseConnection, name: string): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw(`release savepoint ${quoteIdent(name)}`));
  }
  async releaseConnection(): Promise<void> {
    this.config.session.release();
  }
  async destroy(): Promise<void> {
    // The PGlite instance belongs to whoever created the session; it closes it.
  }
}

class PGliteConnection implements DatabaseConnection {
  constructor(private readonly pglite: PGlite) {}

  async executeQuery<R>(compiledQuery: CompiledQuery): Promise<QueryResult<R>> {
    const result = await this.pglite.query<R>(compiledQuery.sql, [...compiledQuery.parameters], {
      rowMode: "object",
    });
    return {
      rows: result.rows,
      numAffectedRows: result.affectedRows === undefined ? undefined : BigInt(result.affectedRows),
    };
  }

  // eslint-disable-next-line require-yield
  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error("Streaming queries are not supported on PGlite; page with LIMIT/OFFSET or keyset instead.");
  }
}
