import { defineConfig } from "vitest/config";

// Unit tests of pure helpers; the components are exercised by the browser journeys.
export default defineConfig({
  test: { include: ["src/**/*.test.ts", "src/**/*.test.tsx"] },
});
