import { parseEnv } from "@coop/config";
import { z } from "zod";

export const DEFAULT_MAIL_FROM = "เครือข่ายสหกรณ์ <no-reply@localhost>";

function isSmtpUrl(value: string): boolean {
  if (!/^smtps?:\/\//i.test(value)) return false;
  try {
    return new URL(value).hostname !== "";
  } catch {
    return false;
  }
}

/** `Name <local@domain>` or a bare `local@domain`. */
const ADDRESS = /^(?:[^<>]*<[^\s<>@]+@[^\s<>@]+>|[^\s<>@]+@[^\s<>@]+)$/;

const schema = z.object({
  /**
   * Unset: e-mail is kept in the database and shown at /_dev/mail on the network site.
   * Set: sent through this SMTP server (smtps:// for TLS from the start, smtp:// upgrades with STARTTLS).
   */
  SMTP_URL: z
    .string()
    .refine(
      isSmtpUrl,
      "must be an smtp:// or smtps:// URL such as smtp://user:password@mail.example.com:587 (percent-encode special characters in the password)",
    )
    .optional(),
  /** The sender of every e-mail. */
  MAIL_FROM: z
    .string()
    .trim()
    .refine((v) => ADDRESS.test(v), 'must be an e-mail address such as "เครือข่ายสหกรณ์ <no-reply@sahakorn.example>"')
    .default(DEFAULT_MAIL_FROM),
});

export type MailEnv = z.infer<typeof schema>;

/** Reads and validates the mail settings; throws EnvError naming each bad variable. */
export function readMailEnv(source: Record<string, string | undefined> = process.env): MailEnv {
  return parseEnv(schema, source);
}
