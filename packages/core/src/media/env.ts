import { booleanFlag, EnvError, parseEnv } from "@coop/config";
import { z } from "zod";

const schema = z.object({
  /** S3-compatible endpoint, e.g. http://127.0.0.1:9000 for MinIO; unset for AWS S3 itself. */
  S3_ENDPOINT: z.url({ protocol: /^https?$/, message: "must be an http(s) URL such as https://s3.example.com" }).optional(),
  S3_REGION: z.string().min(1).optional(),
  S3_BUCKET: z
    .string()
    .regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, "must be an S3 bucket name (3–63 lower-case letters, digits, dots, hyphens)")
    .optional(),
  S3_ACCESS_KEY_ID: z.string().min(1).optional(),
  S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  /** Address buckets by path (http://host/bucket/key), as MinIO and most self-hosted stores need. */
  S3_FORCE_PATH_STYLE: booleanFlag.optional(),
});

/** The variables that switch S3 storage on; all of them or none. */
const REQUIRED_FOR_S3 = ["S3_REGION", "S3_BUCKET", "S3_ACCESS_KEY_ID", "S3_SECRET_ACCESS_KEY"] as const;

export interface S3Config {
  endpoint: string | undefined;
  region: string;
  bucket: string;
  accessKeyId: string;
  secretAccessKey: string;
  forcePathStyle: boolean;
}

/** Where uploaded images are kept: local disk under DATA_DIR (embedded mode) or an S3-compatible bucket. */
export type MediaEnv = { storage: { kind: "local" } | ({ kind: "s3" } & S3Config) };

/**
 * Reads the media storage settings. With no S3_* variable set, images go to local disk; with
 * any of them set, S3_REGION, S3_BUCKET, S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY must all be
 * set (S3_ENDPOINT and S3_FORCE_PATH_STYLE are optional). Throws EnvError naming each problem.
 */
export function readMediaEnv(source: Record<string, string | undefined> = process.env): MediaEnv {
  const env = parseEnv(schema, source);
  const given = (Object.keys(schema.shape) as Array<keyof typeof env>).filter((name) => env[name] !== undefined);
  if (given.length === 0) return { storage: { kind: "local" } };
  const { S3_REGION: region, S3_BUCKET: bucket, S3_ACCESS_KEY_ID: accessKeyId, S3_SECRET_ACCESS_KEY: secretAccessKey } = env;
  if (!region || !bucket || !accessKeyId || !secretAccessKey) {
    const missing = REQUIRED_FOR_S3.filter((name) => env[name] === undefined);
    throw new EnvError(
      missing.map(
        (name) =>
          `${name} is missing: S3 storage is configured only partly (${given.join(", ")} set). ` +
          `Set ${REQUIRED_FOR_S3.join(", ")} together, or none of the S3_* variables to keep uploads on local disk.`,
      ),
    );
  }
  return {
    storage: {
      kind: "s3",
      endpoint: env.S3_ENDPOINT,
      region,
      bucket,
      accessKeyId,
      secretAccessKey,
      forcePathStyle: env.S3_FORCE_PATH_STYLE ?? false,
    },
  };
}
