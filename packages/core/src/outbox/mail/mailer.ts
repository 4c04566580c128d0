import type { Database, Kysely } from "@coop/db";
import nodemailer from "nodemailer";
import { deliverToDevMailbox } from "./dev-mailbox.ts";
import type { MailEnv } from "./env.ts";

export interface OutgoingEmail {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** A stable Message-ID lets a receiver recognise a re-sent message as the same one. */
  messageId?: string | undefined;
  /** The outbox row this comes from (the dev mailbox stores each row once). */
  outboxId?: number | undefined;
}

export interface Mailer {
  /** "smtp" when SMTP_URL is set; otherwise e-mail goes to the database's dev mailbox. */
  readonly mode: "smtp" | "dev-mailbox";
  readonly from: string;
  send(email: OutgoingEmail): Promise<void>;
  close(): Promise<void>;
}

export type MailConfig = Pick<MailEnv, "MAIL_FROM"> & { SMTP_URL?: string | undefined };

/**
 * The platform's one way to send e-mail: through SMTP when SMTP_URL is set, otherwise into
 * `dev_mailbox` (embedded mode) where the operator reads it at /_dev/mail.
 */
export function createMailer(config: MailConfig, db: Kysely<Database>): Mailer {
  const from = config.MAIL_FROM;
  if (!config.SMTP_URL) {
    return {
      mode: "dev-mailbox",
      from,
      send: (email) => deliverToDevMailbox(db, email),
      close: async () => undefined,
    };
  }
  const transport = nodemailer.createTransport(
    {
      url: config.SMTP_URL,
      pool: true,
      maxConnections: 3,
      // Bounded waits, so a stuck server fails the attempt (and it is retried) well within the outbox lock.
      connectionTimeout: 15_000,
      greetingTimeout: 15_000,
      socketTimeout: 60_000,
    },
    { from },
  );
  return {
    mode: "smtp",
    from,
    async send(email) {
      await transport.sendMail({ to: email.to, subject: email.subject, text: email.text, html: email.html, messageId: email.messageId });
    },
    async close() {
      transport.close();
    },
  };
}

/** The domain of a sender such as `Name <no-reply@example.com>`. */
export function senderDomain(from: string): string {
  const match = /@([^\s<>@]+?)>?\s*$/.exec(from);
  return match?.[1]?.toLowerCase() ?? "localhost";
}
