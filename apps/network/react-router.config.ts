import type { Config } from "@react-router/dev/config";

export default {
  // Server-rendered only through the all-in-one Hono server (apps/api), which passes the load context.
  ssr: true,
  appDirectory: "app",
} satisfies Config;
