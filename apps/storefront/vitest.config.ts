import { defineConfig } from "vitest/config";

// Unit tests of pure helpers only: the React Router plugin is not needed (and not wanted) here.
export default defineConfig({
  test: { include: ["app/**/*.test.ts", "app/**/*.test.tsx"] },
});
