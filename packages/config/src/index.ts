export { EnvError, parseEnv, postgresUrl, booleanFlag } from "./env.ts";
