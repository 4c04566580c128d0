import type { Database, Kysely } from "@coop/db";

/** An e-mail as the embedded mode keeps it (no SMTP configured). */
export interface DevMailboxEntry {
  id: number;
  outboxId: number | null;
  to: string;
  subject: string;
  createdAt: Date;
}

export interface DevMailboxMessage extends DevMailboxEntry {
  text: string;
  html: string;
}

export interface DevMailboxDelivery {
  to: string;
  subject: string;
  text: string;
  html: string;
  outboxId?: number | undefined;
}

/** Stores an e-mail for the operator to read; a retried outbox row is stored once. */
export async function deliverToDevMailbox(db: Kysely<Database>, mail: DevMailboxDelivery): Promise<void> {
  await db
    .insertInto("dev_mailbox")
    .values({ outbox_id: mail.outboxId ?? null, to_address: mail.to, subject: mail.subject, text_body: mail.text, html_body: mail.html })
    .onConflict((oc) => oc.column("outbox_id").doNothing())
    .execute();
}

/** The newest e-mails first. */
export async function listDevMailbox(db: Kysely<Database>, options: { limit?: number } = {}): Promise<DevMailboxEntry[]> {
  const rows = await db
    .selectFrom("dev_mailbox")
    .select(["id", "outbox_id", "to_address", "subject", "created_at"])
    .orderBy("id", "desc")
    .limit(options.limit ?? 200)
    .execute();
  return rows.map((r) => ({ id: Number(r.id), outboxId: r.outbox_id === null ? null : Number(r.outbox_id), to: r.to_address, subject: r.subject, createdAt: new Date(r.created_at) }));
}

export async function getDevMailboxMessage(db: Kysely<Database>, id: number): Promise<DevMailboxMessage | null> {
  if (!Number.isSafeInteger(id) || id < 1) return null;
  const r = await db.selectFrom("dev_mailbox").selectAll().where("id", "=", id).executeTakeFirst();
  if (!r) return null;
  return {
    id: Number(r.id),
    outboxId: r.outbox_id === null ? null : Number(r.outbox_id),
    to: r.to_address,
    subject: r.subject,
    createdAt: new Date(r.created_at),
    text: r.text_body,
    html: r.html_body,
  };
}
