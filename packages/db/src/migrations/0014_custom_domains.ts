import { type Kysely, sql } from "kysely";

// Frozen: a co-op's own domain name for its site (issue 8, "on-demand TLS for verified custom
// domains"). Imports no app code.
//
// A platform table keyed by the domain (no RLS, like stripe_events): a name must be unique
// across every co-op, and under Citus a unique key on a sharded table would have to include
// tenant_id, which would let two co-ops claim the same name. Hence "coop_id", not "tenant_id".
// Code reads it only through packages/core/src/tenants/domains.ts, which always filters by the
// co-op of the session (or by a verified domain, for host routing).

const up_statements = [
  `CREATE TABLE custom_domains (
     -- Lower-case DNS name without a trailing dot, e.g. shop.korat-coop.or.th.
     domain text PRIMARY KEY CHECK (
       length(domain) BETWEEN 4 AND 253
       AND domain ~ '^([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]([a-z0-9-]{0,61}[a-z0-9])?$'
     ),
     -- One custom domain per co-op.
     coop_id uuid NOT NULL UNIQUE REFERENCES tenants(id) ON DELETE CASCADE,
     -- The value the owner puts in the TXT record _sahakorn.<domain> to prove control of it.
     verification_token text NOT NULL CHECK (verification_token ~ '^[A-Za-z0-9_-]{20,100}$'),
     -- NULL until the TXT record was found: only a verified domain routes to the co-op and gets a certificate.
     verified_at timestamptz,
     created_at timestamptz NOT NULL DEFAULT now()
   )`,
  `GRANT SELECT, INSERT, UPDATE, DELETE ON custom_domains TO coop_app`,
];

const down_statements = [`DROP TABLE custom_domains`];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of up_statements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const statement of down_statements) await sql.raw(statement).execute(db);
}
