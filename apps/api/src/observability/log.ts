import { pino, type Logger } from "pino";

/**
 * The server's structured log: one JSON object per line on stdout. Request lines carry the
 * request id, the site (the co-op's slug or "network") and the signed-in user's id — never a
 * path (tracking and reset links carry secrets), a query string, an IP address, an e-mail or a
 * name; error objects are logged with their stack for operators.
 */
export function createLogger(
  options: { level?: string; destination?: NodeJS.WritableStream; /** Fields added to every line (the trace id when tracing is on). */ mixin?: () => object } = {},
): Logger {
  return pino(
    {
      level: options.level ?? "info",
      ...(options.mixin ? { mixin: options.mixin } : {}),
      base: { service: "sahakorn" },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      // Defence in depth: keys that would carry personal data or secrets are masked wherever they appear.
      redact: {
        paths: ["email", "*.email", "phone", "*.phone", "password", "*.password", "token", "*.token", "ip", "*.ip", "address", "*.address", "cookie", "*.cookie"],
        censor: "[redacted]",
      },
    },
    options.destination ?? process.stdout,
  );
}

export interface RequestLogFields {
  requestId: string;
  site: string;
  userId: string | null;
  method: string;
  route: string;
  status: number;
  ms: number;
}

/** One line per answered request (server errors at error level, client errors at warn). */
export function logRequest(logger: Logger, fields: RequestLogFields): void {
  const level = fields.status >= 500 ? "error" : fields.status >= 400 ? "warn" : "info";
  logger[level](fields, "request");
}
