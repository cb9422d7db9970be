import js from "@eslint/js";
import tseslint from "typescript-eslint";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";

export default tseslint.config(
  { ignores: ["dist", "dist-cli", "dist-types", "node_modules", "test-results", "playwright-report", "bench-results"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.{ts,tsx}"],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { "react-hooks": reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      "@typescript-eslint/consistent-type-imports": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    // The transpiler and the importer are pure: the worker, the CLI and the tests run the same code.
    files: ["src/transpiler/**/*.ts", "src/import/**/*.ts", "src/library/**/*.ts"],
    ignores: ["src/transpiler/**/*.test.ts", "src/import/**/*.test.ts", "src/library/**/*.test.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["node:*", "fs", "path", "os", "child_process", "zlib"], message: "The transpiler and the importer are pure: inject host capabilities." },
            { group: ["react", "react-dom", "zustand", "monaco-editor", "monaco-yaml"], message: "The transpiler and the importer have no UI dependencies." },
            { group: ["../app/*", "../features/*", "../store/*", "../editor/*", "../worker/*"], message: "transpiler/ and import/ import nothing else from src/ (import/ uses the transpiler)." },
          ],
        },
      ],
      "no-restricted-globals": ["error", "window", "document", "fetch", "process", "console"],
    },
  },
  {
    // Tests poke at loosely typed output objects (Ignition JSON); `any` keeps them readable.
    files: ["**/*.test.ts", "**/*.test.tsx"],
    rules: { "@typescript-eslint/no-explicit-any": "off" },
  },
  {
    files: ["src/cli/**/*.ts", "scripts/**/*.{ts,mjs,js}", "e2e/**/*.ts", "bench/**/*.ts", "*.config.ts", "*.config.js", "bin/*.js", "**/*.test.ts"],
    languageOptions: { globals: { ...globals.node } },
  },
);
