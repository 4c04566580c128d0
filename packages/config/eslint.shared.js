// Shared ESLint flat config: every package's eslint.config.js re-exports this.
import js from "@eslint/js";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";

export default tseslint.config(
  {
    ignores: ["**/build/**", "**/dist/**", "**/.react-router/**", "**/node_modules/**", "**/coverage/**"],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    plugins: { "react-hooks": reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-imports": "error",
      // Environment variables are read and validated in one module per package (env.ts).
      "no-restricted-properties": [
        "error",
        { object: "process", property: "env", message: "Read configuration through the package's validated env module (env.ts)." },
      ],
      "no-console": ["error", { allow: ["warn", "error", "info"] }],
    },
  },
  {
    files: ["**/env.ts", "**/*.test.ts", "**/*.test.tsx", "**/*.e2e.ts", "**/e2e/**", "**/testing.ts", "**/vitest.*.ts", "**/bench/**", "**/cli/**", "**/scripts/**"],
    rules: { "no-restricted-properties": "off", "no-console": "off" },
  },
);
