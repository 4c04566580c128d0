/**
 * OpenTelemetry tracing, on only when OTEL_EXPORTER_OTLP_ENDPOINT is set: main.ts imports this
 * module dynamically then, so a server without it loads none of the SDK.
 *
 * Spans: one server span per HTTP request (instrumentation-http), renamed to the route label and
 * given the site and request id by the app's request middleware (`annotateRequest`); one span per
 * PostgreSQL query and connection (instrumentation-pg) when DATABASE_URL is set. The embedded
 * PGlite is not a network client, so embedded mode has request spans only.
 *
 * Why no loader hook: our code is ESM (tsx) and `pg`/`node:http` are loaded by static imports
 * before main() runs, so require-in-the-middle never sees them being loaded. Both patch objects
 * that everyone shares (`pg.Client.prototype`, `http.Server.prototype`), so requiring the modules
 * once more right after the instrumentations are registered patches them in place, and the ESM
 * importers see the patched prototypes (tracing.test.ts checks that pg and http spans arrive).
 */
import { createRequire } from "node:module";
import type { IncomingMessage } from "node:http";
import { type Attributes, context, propagation, trace } from "@opentelemetry/api";
import { OTLPTraceExporter } from "@opentelemetry/exporter-trace-otlp-http";
import { registerInstrumentations } from "@opentelemetry/instrumentation";
import { HttpInstrumentation } from "@opentelemetry/instrumentation-http";
import { PgInstrumentation } from "@opentelemetry/instrumentation-pg";
import { resourceFromAttributes } from "@opentelemetry/resources";
import { BatchSpanProcessor, NodeTracerProvider, type Span, type SpanExporter, type SpanProcessor } from "@opentelemetry/sdk-trace-node";
import { ATTR_SERVICE_NAME, ATTR_SERVICE_VERSION } from "@opentelemetry/semantic-conventions";

export const SERVICE_NAME = "sahakorn-network";

/** Probes and scrapes: frequent, never interesting, and would drown the real traffic. */
const UNTRACED_PATHS = new Set(["/healthz", "/readyz", "/metrics", "/_tls/ask"]);

/**
 * Attributes the HTTP instrumentation records that may carry personal data or secrets: full URLs
 * and paths (order-tracking and reset links carry tokens, query strings carry search terms),
 * client addresses and user agents. The route label set by the app says what was asked instead.
 */
const PERSONAL_ATTRIBUTES = [
  "http.url", "url.full", "http.target", "url.path", "url.query", "http.client_ip", "client.address",
  "net.peer.ip", "net.sock.peer.addr", "network.peer.address", "http.user_agent", "user_agent.original",
];

/** Overwrites personal attributes while the span can still change (just before it ends). */
class RedactPersonalData implements SpanProcessor {
  onStart(): void {}
  onEnding(span: Span): void {
    for (const key of PERSONAL_ATTRIBUTES) if (key in span.attributes) span.setAttribute(key, "[redacted]");
  }
  onEnd(): void {}
  forceFlush(): Promise<void> {
    return Promise.resolve();
  }
  shutdown(): Promise<void> {
    return Promise.resolve();
  }
}

export interface RequestSpanFields {
  requestId: string;
  /** The co-op's slug, "network" or "unknown" — never a person. */
  site: string;
  method: string;
  /** routeLabel(): procedure names and fixed paths only. */
  route: string;
  status: number;
}

export interface Tracing {
  /** Names the current request's span after its route and adds the site, request id and status. */
  annotateRequest(fields: RequestSpanFields): void;
  /** Trace and span id of the current context, for the JSON log lines (empty outside a span). */
  logFields(): { traceId?: string; spanId?: string };
  /** Sends every finished span, then stops; call last on shutdown. */
  shutdown(): Promise<void>;
}

export interface TracingOptions {
  /** The collector's base URL (OTEL_EXPORTER_OTLP_ENDPOINT, validated in env.ts); spans go to <endpoint>/v1/traces as OTLP/HTTP JSON. */
  endpoint: string;
  /** Another exporter instead (tests). */
  exporter?: SpanExporter;
  serviceVersion?: string;
}

function packageVersion(): string {
  try {
    return (createRequire(import.meta.url)("../../package.json") as { version: string }).version;
  } catch {
    return "unknown";
  }
}

export function startTracing(options: TracingOptions): Tracing {
  const provider = new NodeTracerProvider({
    resource: resourceFromAttributes({
      [ATTR_SERVICE_NAME]: SERVICE_NAME,
      [ATTR_SERVICE_VERSION]: options.serviceVersion ?? packageVersion(),
    }),
    // Batches go out every few seconds in the background; a request never waits for the collector.
    spanProcessors: [new RedactPersonalData(), new BatchSpanProcessor(options.exporter ?? new OTLPTraceExporter({ url: `${options.endpoint.replace(/\/+$/, "")}/v1/traces` }))],
  });
  provider.register();
  const unregister = registerInstrumentations({
    tracerProvider: provider,
    instrumentations: [
      new HttpInstrumentation({
        ignoreIncomingRequestHook: (request: IncomingMessage) => UNTRACED_PATHS.has((request.url ?? "").split("?")[0]!),
      }),
      // Statements are recorded with their $n placeholders only; values (names, phones) are not.
      // Only inside a request's trace: the outbox polls every 2 s and start-up syncs reference data,
      // and each of those would otherwise be a trace of its own, all day long.
      new PgInstrumentation({ enhancedDatabaseReporting: false, requireParentSpan: true }),
    ],
  });
  // See the module comment: patch the already-loaded modules in place.
  const require = createRequire(import.meta.url);
  for (const name of ["http", "https", "pg"]) {
    try {
      require(name);
    } catch {
      // pg is absent only where no PostgreSQL client is installed; nothing to patch then.
    }
  }

  return {
    annotateRequest(fields) {
      const span = trace.getActiveSpan();
      if (!span) return;
      span.updateName(`${fields.method} ${fields.route}`);
      const attributes: Attributes = {
        "http.route": fields.route,
        "http.response.status_code": fields.status,
        "coop.site": fields.site,
        "coop.request_id": fields.requestId,
      };
      span.setAttributes(attributes);
    },
    logFields() {
      const span = trace.getSpan(context.active());
      if (!span) return {};
      const { traceId, spanId } = span.spanContext();
      return { traceId, spanId };
    },
    async shutdown() {
      unregister();
      await provider.shutdown();
      // Leave the process as before startTracing (tests start it more than once in one worker).
      trace.disable();
      context.disable();
      propagation.disable();
    },
  };
}
