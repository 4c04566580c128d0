import type { AddressInfo } from "node:net";
import { createTestDatabase, type TestDatabase } from "@coop/db/testing";
import { simpleParser } from "mailparser";
import { SMTPServer, type SMTPServerError } from "smtp-server";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { enqueueEmail, type EmailMessage } from "../enqueue.ts";
import { type OutboxJob, processOutboxBatch } from "../worker.ts";
import { getDevMailboxMessage, listDevMailbox } from "./dev-mailbox.ts";
import { DEFAULT_MAIL_FROM } from "./env.ts";
import { createEmailHandler, messageIdFor } from "./handler.ts";
import { createMailer, senderDomain } from "./mailer.ts";
import { renderEmail } from "./render.ts";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => {
  await t?.destroy();
});
beforeEach(async () => {
  await t.db.updateTable("outbox").set({ processed_at: new Date() }).where("processed_at", "is", null).execute();
});

const MESSAGE: EmailMessage = {
  to: "somsri@example.test",
  template: "verify_email",
  locale: "th",
  params: { name: "สมศรี <ใจดี>", coop: "สหกรณ์การเกษตรเมืองนครราชสีมา จำกัด", link: "https://korat.localhost:3000/verify?token=t0k&x=1" },
};

async function enqueue(message: EmailMessage): Promise<{ id: number; createdAt: Date }> {
  await t.db.transaction().execute((trx) => enqueueEmail(trx, message));
  const row = await t.db.selectFrom("outbox").select(["id", "created_at"]).orderBy("id", "desc").limit(1).executeTakeFirstOrThrow();
  return { id: Number(row.id), createdAt: new Date(row.created_at) };
}

interface Received {
  from: string | false;
  to: string[];
  user: unknown;
  raw: Buffer;
}

/** A real SMTP server on a random loopback port, as a mail relay would be. */
async function startSmtpServer() {
  const received: Received[] = [];
  const server = new SMTPServer({
    disabledCommands: ["STARTTLS"],
    allowInsecureAuth: true,
    logger: false,
    onAuth(auth, _session, callback) {
      if (auth.username === "mailer" && auth.password === "s3cret/pass") callback(null, { user: auth.username });
      else callback(new Error("Invalid username or password"));
    },
    onRcptTo(address, _session, callback) {
      if (address.address.startsWith("nobody@")) {
        const error: SMTPServerError = new Error("No such user here");
        error.responseCode = 550;
        callback(error);
      } else callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        received.push({
          from: session.envelope.mailFrom && session.envelope.mailFrom.address,
          to: session.envelope.rcptTo.map((r) => r.address),
          user: session.user,
          raw: Buffer.concat(chunks),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.server.address() as AddressInfo).port;
  return {
    received,
    url: `smtp://mailer:${encodeURIComponent("s3cret/pass")}@127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(resolve)),
  };
}

describe("sending through SMTP", () => {
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  beforeAll(async () => {
    smtp = await startSmtpServer();
  });
  afterAll(async () => {
    await smtp?.close();
  });

  it("delivers the exact rendered message, with a Message-ID stable per outbox row", async () => {
    const from = "Sahakorn Network <no-reply@sahakorn.example>";
    const mailer = createMailer({ SMTP_URL: smtp.url, MAIL_FROM: from }, t.db);
    expect(mailer.mode).toBe("smtp");
    try {
      const row = await enqueue(MESSAGE);
      const result = await processOutboxBatch(t.db, { email: createEmailHandler(mailer) });
      expect(result).toEqual({ claimed: 1, succeeded: 1, failed: 0 });

      expect(smtp.received).toHaveLength(1);
      const got = smtp.received[0]!;
      expect(got).toMatchObject({ from: "no-reply@sahakorn.example", to: ["somsri@example.test"], user: "mailer" });
      const parsed = await simpleParser(got.raw);
      const expected = renderEmail(MESSAGE);
      expect(parsed.subject).toBe(expected.subject);
      expect(parsed.text).toBe(expected.text);
      expect(parsed.html).toBe(expected.html);
      expect(parsed.from?.value).toEqual([{ address: "no-reply@sahakorn.example", name: "Sahakorn Network" }]);
      expect(parsed.messageId).toBe(messageIdFor(row, from));
      expect(parsed.messageId).toBe(`<outbox.${row.id}.${row.createdAt.getTime().toString(36)}@sahakorn.example>`);
      expect((await t.db.selectFrom("outbox").select("processed_at").where("id", "=", row.id).executeTakeFirstOrThrow()).processed_at).not.toBeNull();
    } finally {
      await mailer.close();
    }
  });

  it("leaves a rejected message in the outbox with the server's answer, to be retried", async () => {
    const mailer = createMailer({ SMTP_URL: smtp.url, MAIL_FROM: DEFAULT_MAIL_FROM }, t.db);
    const before = smtp.received.length;
    try {
      const row = await enqueue({ ...MESSAGE, to: "nobody@example.test" });
      const failures: OutboxJob[] = [];
      const result = await processOutboxBatch(t.db, { email: createEmailHandler(mailer) }, { onFailure: (job) => failures.push(job) });
      expect(result).toEqual({ claimed: 1, succeeded: 0, failed: 1 });
      expect(failures.map((j) => j.id)).toEqual([row.id]);
      const after = await t.db.selectFrom("outbox").selectAll().where("id", "=", row.id).executeTakeFirstOrThrow();
      expect(after).toMatchObject({ attempts: 1, processed_at: null });
      expect(after.last_error).toContain("No such user here");
      expect(smtp.received).toHaveLength(before);
    } finally {
      await mailer.close();
    }
  });

  it("fails an attempt when the credentials are wrong", async () => {
    const mailer = createMailer({ SMTP_URL: smtp.url.replace("mailer:", "intruder:"), MAIL_FROM: DEFAULT_MAIL_FROM }, t.db);
    try {
      await expect(mailer.send({ to: "a@example.test", subject: "s", text: "t", html: "<p>t</p>" })).rejects.toThrow(/Invalid username or password/);
    } finally {
      await mailer.close();
    }
  });
});

describe("the dev mailbox (no SMTP_URL)", () => {
  it("stores each outbox e-mail once for the operator, newest first", async () => {
    const mailer = createMailer({ MAIL_FROM: DEFAULT_MAIL_FROM }, t.db);
    expect(mailer.mode).toBe("dev-mailbox");
    const handler = createEmailHandler(mailer);

    const first = await enqueue(MESSAGE);
    const second = await enqueue({ ...MESSAGE, to: "somchai@example.test", template: "reset_password", locale: "en", params: { name: "Somchai", link: "https://localhost:3000/reset?t=1" } });
    expect(await processOutboxBatch(t.db, { email: handler })).toEqual({ claimed: 2, succeeded: 2, failed: 0 });

    // A row delivered again (the worker died before marking it) is not stored twice.
    const job: OutboxJob = { id: first.id, kind: "email", payload: MESSAGE, forTenantId: null, attempts: 0, createdAt: first.createdAt };
    await handler(job);

    const list = await listDevMailbox(t.db);
    const ours = list.filter((m) => m.outboxId === first.id || m.outboxId === second.id);
    expect(ours.map((m) => m.outboxId)).toEqual([second.id, first.id]);
    expect(ours[0]).toMatchObject({ to: "somchai@example.test", subject: "Reset your password | Sahakorn Network" });

    const stored = await getDevMailboxMessage(t.db, ours[1]!.id);
    expect(stored).toMatchObject({ to: MESSAGE.to, ...renderEmail(MESSAGE), outboxId: first.id });
    expect(stored?.createdAt).toBeInstanceOf(Date);
    expect(await getDevMailboxMessage(t.db, 987_654_321)).toBeNull();
    expect(await getDevMailboxMessage(t.db, Number.NaN)).toBeNull();
  });

  it("fails an attempt whose payload is not a valid e-mail", async () => {
    const handler = createEmailHandler(createMailer({ MAIL_FROM: DEFAULT_MAIL_FROM }, t.db));
    const job: OutboxJob = { id: 1, kind: "email", payload: { to: "x", template: "nope" }, forTenantId: null, attempts: 0, createdAt: new Date() };
    await expect(handler(job)).rejects.toThrow();
  });
});

describe("senderDomain", () => {
  it("takes the domain of the sender address", () => {
    expect(senderDomain(DEFAULT_MAIL_FROM)).toBe("localhost");
    expect(senderDomain("no-reply@Sahakorn.Example")).toBe("sahakorn.example");
  });
});
