// The outbox worker and e-mail delivery: server-side only (nodemailer), hence an entry point
// of its own (`@coop/core/outbox`) rather than the main one that web apps also import.
export { enqueueEmail } from "./enqueue.ts";
export type { EmailMessage, EmailTemplate } from "./enqueue.ts";
export { processOutboxBatch, startOutboxWorker, defaultBackoffSeconds, OUTBOX_DEFAULTS } from "./worker.ts";
export type { OutboxBatchOptions, OutboxBatchResult, OutboxHandler, OutboxHandlers, OutboxJob, OutboxWorker, OutboxWorkerOptions } from "./worker.ts";
export { readMailEnv, DEFAULT_MAIL_FROM } from "./mail/env.ts";
export type { MailEnv } from "./mail/env.ts";
export { renderEmail, escapeHtml, emailMessageSchema, EMAIL_TEMPLATES } from "./mail/render.ts";
export type { RenderedEmail } from "./mail/render.ts";
export { createMailer } from "./mail/mailer.ts";
export type { Mailer, MailConfig, OutgoingEmail } from "./mail/mailer.ts";
export { createEmailHandler, messageIdFor } from "./mail/handler.ts";
export { deliverToDevMailbox, listDevMailbox, getDevMailboxMessage } from "./mail/dev-mailbox.ts";
export type { DevMailboxEntry, DevMailboxMessage } from "./mail/dev-mailbox.ts";
export { createLinePushHandler, lineRetryKeyFor, linePushPayloadSchema, LINE_API_BASE_URL } from "./line.ts";
export type { LinePushHandlerOptions } from "./line.ts";
export { LINE_PUSH_KIND } from "../orders/notify.ts";
