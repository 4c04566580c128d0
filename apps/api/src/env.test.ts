import { EnvError } from "@coop/config";
import { describe, expect, it } from "vitest";
import { readApiEnv } from "./env.ts";
import { publicOrigins } from "./origins.ts";

describe("server configuration", () => {
  it("defaults to the embedded database on port 3000 at localhost", () => {
    const env = readApiEnv({});
    expect(env).toMatchObject({ PORT: 3000, ROOT_DOMAIN: "localhost", DATABASE_URL: undefined, DATA_DIR: ".data" });
    expect(publicOrigins(env)).toEqual({ network: "http://localhost:3000", coopTemplate: "http://{slug}.localhost:3000" });
  });

  it("names every bad variable at once", () => {
    let error: unknown;
    try {
      readApiEnv({ PORT: "eighty", DATABASE_URL: "mysql://x", ROOT_DOMAIN: "Bad Domain", SEED_DEMO: "maybe" });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(EnvError);
    const message = (error as EnvError).message;
    for (const name of ["PORT", "DATABASE_URL", "ROOT_DOMAIN", "SEED_DEMO"]) expect(message).toContain(name);
  });

  it("takes an OTLP endpoint for tracing, and refuses a protocol the exporter does not speak", () => {
    expect(readApiEnv({}).OTEL_EXPORTER_OTLP_ENDPOINT).toBeUndefined();
    expect(readApiEnv({ OTEL_EXPORTER_OTLP_ENDPOINT: "http://otel-collector:4318", OTEL_EXPORTER_OTLP_PROTOCOL: "http/json" }).OTEL_EXPORTER_OTLP_ENDPOINT).toBe("http://otel-collector:4318");
    expect(() => readApiEnv({ OTEL_EXPORTER_OTLP_PROTOCOL: "grpc" })).toThrow(/OTEL_EXPORTER_OTLP_PROTOCOL.*http\/json/);
    expect(() => readApiEnv({ OTEL_EXPORTER_OTLP_ENDPOINT: "otel-collector:4318" })).toThrow(/OTEL_EXPORTER_OTLP_ENDPOINT/);
  });

  it("builds public links from PUBLIC_URL behind TLS", () => {
    const env = readApiEnv({ PUBLIC_URL: "https://sahakorn.example", ROOT_DOMAIN: "sahakorn.example" });
    expect(publicOrigins(env)).toEqual({ network: "https://sahakorn.example", coopTemplate: "https://{slug}.sahakorn.example" });
  });
});
