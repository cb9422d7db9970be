import js from "@eslint/js";
import tseslint from "typescript-eslint";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import { fileURLToPath } from "node:url";
import importX, { createNodeResolver } from "eslint-plugin-import-x";

const root = fileURLToPath(new URL(".", import.meta.url));
/** Absolute globs below the repository (no-restricted-paths matches exceptions as given). */
const at = (...globs) => globs.map((g) => root + g);

/**
 * Which parts of src/ may import which. `target`: the importing files; `from`: what they may not
 * import; `except`: what they may import all the same. src/boundaries.test.ts breaks each rule once.
 * The pure core's tests may read fixtures from elsewhere (templates, share links), so they are
 * left out of `pureZones`.
 */
const pureZones = [
  {
    target: at("src/transpiler/**"),
    from: at("src/**"),
    except: at("src/transpiler/**"),
    message: "The transpiler imports nothing outside src/transpiler/ (the worker, the CLI and the tests run the same code).",
  },
  {
    target: at("src/import/**"),
    from: at("src/**"),
    except: at("src/import/**", "src/transpiler/**"),
    message: "The importer imports only itself and the transpiler.",
  },
  {
    target: at("src/library/**"),
    from: at("src/**"),
    except: at("src/library/**", "src/import/**", "src/transpiler/**", "src/compose/**"),
    message: "The library imports only itself, the importer, the transpiler and compose.",
  },
  {
    target: at("src/compose/**"),
    from: at("src/**"),
    except: at("src/compose/**", "src/transpiler/**", "src/lib/yaml-edit/**"),
    message: "Compose imports only itself, the transpiler and the YAML edits (the worker and the CLI run the same code).",
  },
];
const appZones = [
  {
    // Views reach a worker through its main-thread client, never the code that runs in the worker.
    target: at("src/app/**", "src/editor/**", "src/features/**/*.tsx"),
    from: at("src/worker/**", "src/**/*.worker.ts"),
    except: at("src/worker/{client,early-start,protocol}.ts"),
    message: "Views talk to a worker through its client (src/worker/client.ts, src/features/*/*-client.ts), not the worker's own modules.",
  },
  {
    target: at("src/store/**"),
    from: at("src/**/*.tsx", "src/app/**", "src/editor/**"),
    message: "The store never imports views (src/app, src/editor, *.tsx).",
  },
];

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
    files: ["src/transpiler/**/*.ts", "src/import/**/*.ts", "src/library/**/*.ts", "src/compose/**/*.ts"],
    ignores: ["**/*.test.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["node:*", "fs", "path", "os", "child_process", "zlib"], message: "The transpiler and the importer are pure: inject host capabilities." },
            { group: ["react", "react-dom", "zustand", "monaco-editor", "monaco-yaml"], message: "The transpiler and the importer have no UI dependencies." },
          ],
        },
      ],
      "no-restricted-globals": ["error", "window", "document", "fetch", "process", "console"],
    },
  },
  {
    // Which parts of src/ may import which (scripts/boundaries.mjs), and no import cycles. Paths are
    // resolved, so a rule holds at any folder depth; `import type` is checked too, except by no-cycle.
    files: ["src/**/*.{ts,tsx}"],
    plugins: { "import-x": importX },
    settings: {
      "import-x/resolver-next": [createNodeResolver()],
      "import-x/extensions": [".ts", ".tsx"],
      "import-x/parsers": { "@typescript-eslint/parser": [".ts", ".tsx"] },
    },
    rules: {
      "import-x/no-restricted-paths": ["error", { basePath: root, zones: appZones }],
      "import-x/no-cycle": "error",
    },
  },
  {
    files: ["src/transpiler/**/*.ts", "src/import/**/*.ts", "src/library/**/*.ts", "src/compose/**/*.ts"],
    ignores: ["**/*.test.ts"],
    rules: { "import-x/no-restricted-paths": ["error", { basePath: root, zones: pureZones }] },
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
