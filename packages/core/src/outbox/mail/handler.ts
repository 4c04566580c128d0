import type { OutboxHandler, OutboxJob } from "../worker.ts";
import type { Mailer } from "./mailer.ts";
import { senderDomain } from "./mailer.ts";
import { emailMessageSchema, renderEmail } from "./render.ts";

/**
 * The same outbox row always gets the same Message-ID, so a message re-sent after a crash
 * can be recognised as a duplicate. The row's creation time keeps ids unique when a
 * database is re-created and its outbox ids start again at 1.
 */
export function messageIdFor(job: Pick<OutboxJob, "id" | "createdAt">, from: string): string {
  return `<outbox.${job.id}.${job.createdAt.getTime().toString(36)}@${senderDomain(from)}>`;
}

/** Sends the `email` rows written by enqueueEmail. */
export function createEmailHandler(mailer: Mailer): OutboxHandler {
  return async (job) => {
    const message = emailMessageSchema.parse(job.payload);
    const rendered = renderEmail(message);
    await mailer.send({ to: message.to, ...rendered, messageId: messageIdFor(job, mailer.from), outboxId: job.id });
  };
}
