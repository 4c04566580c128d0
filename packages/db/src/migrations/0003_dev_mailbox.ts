import { type Kysely, sql } from "kysely";

// Frozen: the embedded mode's mailbox. Without SMTP the outbox worker "delivers" e-mail
// here so the operator can read it. A platform table (no tenant_id, no RLS). Imports no app code.

const up_statements = [
  `CREATE TABLE dev_mailbox (
     id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
     outbox_id bigint UNIQUE,
     to_address text NOT NULL,
     subject text NOT NULL,
     text_body text NOT NULL,
     html_body text NOT NULL,
     created_at timestamptz NOT NULL DEFAULT now()
   )`,
  `GRANT SELECT, INSERT ON dev_mailbox TO coop_app`,
];

const down_statements = [`DROP TABLE dev_mailbox`];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of up_statements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const statement of down_statements) await sql.raw(statement).execute(db);
}
