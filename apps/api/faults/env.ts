import { parseEnv } from "@coop/config";
import { z } from "zod";

/** Where the fault scripts find PostgreSQL (as `postgres`, like .ci/run) and the port of their own throwaway cluster. */
export const faultsEnv = parseEnv(
  z.object({
    FAULTS_PGHOST: z.string().default("127.0.0.1"),
    FAULTS_PGPORT: z.coerce.number().int().min(1).max(65_535).default(5432),
    /** Port of the database-restart scenario's throwaway cluster; a free one when unset. */
    FAULTS_CLUSTER_PORT: z.coerce.number().int().min(1).max(65_535).optional(),
  }),
);
