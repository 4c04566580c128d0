/**
 * Reads every tRPC procedure of the app router and its zod input schema (through zod's JSON
 * Schema export), for the tests that must cover procedures added later without listing them:
 * the fuzzer (invalid inputs built from each schema) and the page-size bound check.
 */
import { appRouter } from "@coop/trpc";
import { z } from "zod";

/** The subset of JSON Schema that zod emits for our inputs. */
export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMaximum?: number;
  minItems?: number;
  default?: unknown;
}

export interface ProcedureInfo {
  /** Dotted path, as in the URL: `checkout.place`. */
  name: string;
  type: "query" | "mutation" | "subscription";
  /** The input as a client sends it (before transforms); null for procedures without input. */
  input: JsonSchema | null;
}

type RawProcedure = { _def: { type: ProcedureInfo["type"]; inputs: z.ZodType[] } };

/** Every procedure of the app router, new routers included. */
export function listProcedures(): ProcedureInfo[] {
  const procedures = appRouter._def.procedures as unknown as Record<string, RawProcedure>;
  return Object.entries(procedures).map(([name, p]) => {
    // Several `.input()` calls are merged by tRPC; ours use one, an intersection covers both cases.
    const schema = p._def.inputs.length === 0 ? null : p._def.inputs.length === 1 ? p._def.inputs[0]! : z.intersection(p._def.inputs[0]!, p._def.inputs[1]!);
    return { name, type: p._def.type, input: schema ? (z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as JsonSchema) : null };
  });
}

/** The schema without its optional/nullable wrappers (`anyOf [X, null]` → X). */
function unwrap(schema: JsonSchema): JsonSchema {
  const options = schema.anyOf ?? schema.oneOf;
  if (options) {
    const concrete = options.filter((o) => o.type !== "null");
    if (concrete.length > 0) return unwrap(concrete[0]!);
  }
  if (schema.allOf?.length) return unwrap(schema.allOf[0]!);
  return schema;
}

function typeOf(schema: JsonSchema): string {
  const s = unwrap(schema);
  if (s.const !== undefined) return typeof s.const;
  if (s.enum) return "enum";
  const type = Array.isArray(s.type) ? s.type.find((t) => t !== "null") : s.type;
  return type ?? (s.properties ? "object" : "unknown");
}

/** A plausible value of the schema's shape (not necessarily valid: patterns are ignored). */
export function sampleOf(schema: JsonSchema, depth = 0): unknown {
  const s = unwrap(schema);
  if (s.const !== undefined) return s.const;
  if (s.enum) return s.enum[0];
  switch (typeOf(s)) {
    case "string":
      if (s.format === "uuid") return "00000000-0000-0000-0000-000000000000";
      if (s.format === "email") return "fuzz@example.test";
      if (s.format === "date") return "2026-01-01";
      if (s.format === "date-time") return "2026-01-01T00:00:00Z";
      return "x".repeat(Math.max(1, s.minLength ?? 1));
    case "integer":
    case "number":
      return s.minimum ?? 1;
    case "boolean":
      return false;
    case "array":
      return depth > 6 || !s.items ? [] : Array.from({ length: Math.max(1, s.minItems ?? 1) }, () => sampleOf(s.items!, depth + 1));
    case "object":
      return depth > 6 ? {} : Object.fromEntries(Object.entries(s.properties ?? {}).map(([k, v]) => [k, sampleOf(v, depth + 1)]));
    default:
      return null;
  }
}

interface Leaf {
  path: string[];
  schema: JsonSchema;
  required: boolean;
}

function leavesOf(schema: JsonSchema, path: string[] = [], required = true, out: Leaf[] = []): Leaf[] {
  const s = unwrap(schema);
  if (typeOf(s) === "object" && s.properties && path.length < 4) {
    for (const [key, value] of Object.entries(s.properties)) leavesOf(value, [...path, key], s.required?.includes(key) ?? false, out);
  } else if (path.length > 0) {
    out.push({ path, schema: s, required });
  }
  return out;
}

function withValue(base: unknown, path: string[], value: unknown): unknown {
  const copy = structuredClone(base) as Record<string, unknown>;
  let node = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string, unknown>;
  if (value === REMOVE) delete node[path.at(-1)!];
  else node[path.at(-1)!] = value;
  return copy;
}

const REMOVE = Symbol("remove");
/** JSON cannot carry these; the placeholders are replaced in the encoded text. */
const RAW: Record<string, string> = { "@@INFINITY@@": "1e999", "@@NEG_INFINITY@@": "-1e999" };
const HUGE = "ก".repeat(20_000);

/** One request body (JSON text; `""` sends no input) with a label for the failure message. */
export interface FuzzInput {
  label: string;
  json: string;
}

function encode(value: unknown): string {
  let json = value === undefined ? "" : JSON.stringify(value);
  for (const [placeholder, raw] of Object.entries(RAW)) json = json.replaceAll(`"${placeholder}"`, raw);
  return json;
}

function nested(depth: number): unknown {
  let value: unknown = "x";
  for (let i = 0; i < depth; i++) value = i % 2 ? [value] : { a: value };
  return value;
}

/** Inputs any procedure must refuse or shrug off, whatever its schema. */
export const GENERIC_GARBAGE: FuzzInput[] = (
  [
    ["no input", undefined],
    ["null", null],
    ["number", -1],
    ["string", "x"],
    ["array", [[[]]]],
    ["deep nesting", nested(400)],
    ["huge string", HUGE],
  ] as const
).map(([label, value]) => ({ label, json: encode(value) }));

/** Keys that pollute Object.prototype when a careless merge copies them. */
function polluted(sample: unknown): string {
  const body = typeof sample === "object" && sample !== null && !Array.isArray(sample) ? JSON.stringify(sample).slice(1, -1) : "";
  return `{"__proto__":{"fuzzPolluted":"yes"},"constructor":{"prototype":{"fuzzPolluted":"yes"}}${body ? `,${body}` : ""}}`;
}

/**
 * Invalid inputs derived from a procedure's schema: each field (up to `maxFields`) missing when
 * required, of the wrong type, far too long or out of range; the whole input deeply nested and
 * with prototype-polluting keys; plus the generic garbage.
 */
export function invalidInputs(schema: JsonSchema | null, maxFields = 10): FuzzInput[] {
  const inputs = [...GENERIC_GARBAGE];
  if (!schema) return inputs;
  const sample = sampleOf(schema);
  inputs.push({ label: "prototype pollution", json: polluted(sample) });
  if (typeOf(schema) !== "object") return inputs;
  inputs.push({ label: "wrong key types", json: encode({ __fuzz: nested(50), [HUGE.slice(0, 500)]: 1 }) });
  for (const leaf of leavesOf(schema).slice(0, maxFields)) {
    const at = leaf.path.join(".");
    const variant = (label: string, value: unknown) => inputs.push({ label: `${at}: ${label}`, json: encode(withValue(sample, leaf.path, value)) });
    if (leaf.required) variant("missing", REMOVE);
    switch (typeOf(leaf.schema)) {
      case "string":
      case "enum":
        variant("number instead of text", 12345);
        variant("huge text", HUGE);
        variant("object instead of text", { $ne: null });
        break;
      case "integer":
      case "number":
        variant("text instead of number", "12x");
        variant("negative", -1);
        variant("NaN", "NaN");
        variant("infinity", "@@INFINITY@@");
        variant("beyond the maximum", (leaf.schema.maximum ?? 1e15) * 10 + 1);
        variant("fraction", 1.5);
        break;
      case "boolean":
        variant("text instead of boolean", "yes");
        break;
      case "array":
        variant("object instead of list", { 0: "x" });
        variant("10 000 items", Array.from({ length: 10_000 }, () => sampleOf(leaf.schema.items ?? {})));
        break;
      default:
        variant("wrong type", [nested(20)]);
    }
  }
  return inputs;
}

/** Field names that choose how many rows one call returns. */
export const PAGE_SIZE_FIELDS = /^(limit|pageSize|perPage|take|first|size|count|max)$/i;

/** Every page-size field of a procedure's input, with the largest value it accepts (Infinity if unbounded). */
export function pageSizeFields(schema: JsonSchema | null): { field: string; max: number }[] {
  if (!schema) return [];
  return leavesOf(schema)
    .filter((leaf) => PAGE_SIZE_FIELDS.test(leaf.path.at(-1)!) && ["integer", "number"].includes(typeOf(leaf.schema)))
    .map((leaf) => ({
      field: leaf.path.join("."),
      max: leaf.schema.maximum ?? (leaf.schema.exclusiveMaximum !== undefined ? leaf.schema.exclusiveMaximum - 1 : Number.POSITIVE_INFINITY),
    }));
}
