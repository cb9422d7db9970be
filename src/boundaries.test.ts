/**
 * The import boundaries of eslint.config.js (import-x's no-restricted-paths and no-cycle): each
 * forbidden direction is tried once by adding one import to a real file's text, linted with the
 * repository's own configuration; the same file without the import passes.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { ESLint } from "eslint";
import { beforeAll, describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("..", import.meta.url));
const RULES = new Set(["import-x/no-restricted-paths", "import-x/no-cycle"]);

let eslint: ESLint;
beforeAll(() => {
  eslint = new ESLint({ cwd: root });
});

/** The boundary rules' messages for `file`'s text with `line` put in front. */
async function boundaryErrors(file: string, line: string): Promise<string[]> {
  const text = line + "\n" + readFileSync(root + file, "utf8");
  const [result] = await eslint.lintText(text, { filePath: root + file });
  return (result?.messages ?? []).filter((m) => m.ruleId !== null && RULES.has(m.ruleId)).map((m) => `${m.ruleId}: ${m.message}`);
}

const forbidden: [string, string, string, RegExp][] = [
  // The transpiler imports nothing outside itself, at any depth.
  ["transpiler (nested) → app", "src/transpiler/yaml/parse.ts", 'import { App } from "../../app/App.tsx";', /transpiler imports nothing outside/],
  ["transpiler → store", "src/transpiler/pipeline.ts", 'import { useStudioStore } from "../store/store.ts";', /transpiler imports nothing outside/],
  ["transpiler → import", "src/transpiler/spec/base.ts", 'import { emitButane } from "../../import/emit.ts";', /transpiler imports nothing outside/],
  ["transpiler → library", "src/transpiler/go/json.ts", 'import { transpileObject } from "../../library/index.ts";', /transpiler imports nothing outside/],
  ["transpiler → lib", "src/transpiler/translate/copy.ts", 'import { formatBytes } from "../../lib/format.ts";', /transpiler imports nothing outside/],
  ["import → features", "src/import/clc/index.ts", 'import { sniffConfig } from "../../features/import/sniff.ts";', /importer imports only/],
  ["library → store", "src/library/typed.ts", 'import { useStudioStore } from "../store/store.ts";', /library imports only/],
  // Views reach workers through clients only.
  [
    "view (app) → worker module",
    "src/app/App.tsx",
    'import { createFilesProvider } from "../worker/files-provider.ts";',
    /Views talk to a worker through its client/,
  ],
  ["view (feature .tsx) → worker entry", "src/features/forms/FormsView.tsx", 'import "./forms.worker.ts";', /Views talk to a worker through its client/],
  ["view (editor) → worker entry", "src/editor/OutputView.tsx", 'import "../worker/transpile.worker.ts";', /Views talk to a worker through its client/],
  // The store never imports views.
  ["store → .tsx view", "src/store/store.ts", 'import { FormsView } from "../features/forms/FormsView.tsx";', /store never imports views/],
  ["store → app", "src/store/effects.ts", 'import { bootstrap } from "../app/bootstrap.ts";', /store never imports views/],
  ["store → editor", "src/store/problems.ts", 'import { markerRange } from "../editor/markers.ts";', /store never imports views/],
  // No cycles: children.ts is imported (through nodes.ts, trees.ts) by base.ts.
  ["cycle", "src/transpiler/translate/children.ts", 'import { translateBase } from "./base.ts";', /cycle/i],
];

describe("import boundaries", () => {
  it.each(forbidden)("%s fails the lint", async (_name, file, line, message) => {
    const errors = await boundaryErrors(file, line);
    // (an import that goes where it must not often closes a cycle too)
    expect(errors).toContainEqual(expect.stringMatching(message));
  });

  it.each([...new Set(forbidden.map(([, file]) => file))])("%s as it is passes", async (file) => {
    expect(await boundaryErrors(file, "")).toEqual([]);
  });

  const allowed: [string, string, string][] = [
    ["a view uses the transpile client", "src/app/App.tsx", 'import { createTranspileClient } from "../worker/client.ts";'],
    ["a view uses a feature's worker client", "src/features/forms/FormsView.tsx", 'import { hashPassword } from "./forms-client.ts";'],
    ["the store uses the transpile client's types", "src/store/store.ts", 'import type { TranspileClient } from "../worker/client.ts";'],
    ["the importer uses the transpiler", "src/import/clc/index.ts", 'import { transpile } from "../../transpiler/index.ts";'],
  ];
  it.each(allowed)("%s", async (_name, file, line) => {
    expect(await boundaryErrors(file, line)).toEqual([]);
  });
});
