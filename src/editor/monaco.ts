/**
 * Monaco + monaco-yaml setup, done once when the first editor loads. Only src/editor/ imports
 * monaco-editor and monaco-yaml, so all of Monaco stays in lazy chunks.
 */
import * as monaco from "monaco-editor";
import { configureMonacoYaml, type JSONSchema } from "monaco-yaml";
import EditorWorker from "monaco-editor/esm/vs/editor/editor.worker.js?worker";
import JsonWorker from "monaco-editor/esm/vs/language/json/json.worker.js?worker";
import YamlWorker from "monaco-yaml/yaml.worker.js?worker";
import { docsPagePath, fieldAnchor } from "../transpiler/spec/doc-links.ts";
import type { SchemaTarget } from "./schema-target.ts";
import { snippetFits } from "./snippet-context.ts";

export { monaco };

window.MonacoEnvironment = {
  getWorker(_moduleId: string, label: string) {
    switch (label) {
      case "yaml":
        return new YamlWorker();
      case "json":
        return new JsonWorker();
      case "editorWorkerService":
        return new EditorWorker();
      default:
        throw new Error(`Unknown Monaco worker label: ${label}`);
    }
  },
};

/** The Butane document's model URI. */
export const SOURCE_URI = monaco.Uri.parse("file:///config.bu");

/**
 * `m`, except that the completion providers registered through it drop schema snippets where they
 * do not fit (snippet-context.ts); monaco-yaml registers its provider through the object it gets.
 */
function withSnippetFilter(m: typeof monaco): typeof monaco {
  const register: typeof monaco.languages.registerCompletionItemProvider = (selector, provider) =>
    m.languages.registerCompletionItemProvider(selector, {
      ...provider,
      async provideCompletionItems(model, position, context, token) {
        const list = await provider.provideCompletionItems(model, position, context, token);
        if (!list) return list;
        const line = model.getLineContent(position.lineNumber);
        const [before, after] = [line.slice(0, position.column - 1), line.slice(position.column - 1)];
        const label = (item: monaco.languages.CompletionItem) => (typeof item.label === "string" ? item.label : item.label.label);
        return { ...list, suggestions: list.suggestions.filter((item) => snippetFits(label(item), before, after)) };
      },
    });
  return { ...m, languages: { ...m.languages, registerCompletionItemProvider: register } };
}

// The transpiler owns diagnostics (upstream's exact messages, for every problem a schema could
// find: unknown keys, wrong types, enums, required fields, exclusive keys). Schema validation would
// only repeat them, and read scalars as YAML 1.1 or 1.2 where Butane's yaml.v3 mixes both (`yes` is
// a string in a string field, a bool in a bool field), so it stays off; monaco-yaml adds
// completion, snippets and hover from the schema of the config's variant/version.
const yaml = configureMonacoYaml(withSnippetFilter(monaco), {
  enableSchemaRequest: false,
  validate: false,
  completion: true,
  hover: true,
  // Hovering a key whose value is a mapping shows the field's docs, not the mapping as YAML.
  hoverAnchor: false,
  // The schema's URI is not a page anyone can open; the docs link is added below instead.
  hoverSchemaSource: false,
  // Like Butane's yaml.v3 for what completion and hover look at: 0644 is an octal mode.
  yamlVersion: "1.1",
  schemas: [],
});

// Generated JSON Schemas (schemas/butane/<variant>-<version>.json), each its own lazy chunk.
const schemaModules = import.meta.glob<JSONSchema>("/schemas/butane/*.json", { import: "default" });
let schemaKey: string | null = null;

interface SchemaNode {
  markdownDescription?: string;
  properties?: Record<string, SchemaNode>;
  definitions?: Record<string, SchemaNode>;
}

/**
 * `schema` with a link after each field's description to that field on the reference page the
 * app serves for `variant`/`version` (same origin; the pages come from `npm run gen`).
 */
export function withDocsLinks(schema: JSONSchema, variant: string, version: string, base: string): JSONSchema {
  const copy = structuredClone(schema) as SchemaNode;
  const page = new URL(docsPagePath(variant, version), base).href;
  const link = (owner: string | null, props: Record<string, SchemaNode> | undefined): void => {
    for (const [key, p] of Object.entries(props ?? {})) {
      if (p.markdownDescription === undefined) continue;
      const href = `${page}#${encodeURIComponent(fieldAnchor(owner, key))}`;
      p.markdownDescription += `\n\n[${variant} ${version} reference](${href})`;
    }
  };
  link(null, copy.properties);
  for (const [name, def] of Object.entries(copy.definitions ?? {})) link(name, def.properties);
  return copy as JSONSchema;
}

/**
 * Points completion, snippets and hover at the schema for `target`; null (or a variant/version
 * without a schema) turns them off, so nothing from another version is offered.
 */
export async function selectSchema(target: SchemaTarget | null): Promise<void> {
  const key = target ? `/schemas/butane/${target.variant}-${target.version}.json` : "";
  if (key === schemaKey) return;
  schemaKey = key;
  const load = schemaModules[key];
  const schema = target && load ? withDocsLinks(await load(), target.variant, target.version, document.baseURI) : null;
  if (schemaKey !== key) return;
  await yaml.update({
    schemas: schema && target ? [{ uri: `https://kindling.invalid/butane/${target.variant}-${target.version}.json`, fileMatch: [String(SOURCE_URI)], schema }] : [],
  });
}

// Monaco themes that sit on the app's own light/dark palettes (src/app/theme.css).
monaco.editor.defineTheme("kindling-light", {
  base: "vs",
  inherit: true,
  rules: [],
  colors: { "editor.background": "#ffffff", "editorGutter.background": "#fbfbfc" },
});
monaco.editor.defineTheme("kindling-dark", {
  base: "vs-dark",
  inherit: true,
  rules: [],
  colors: { "editor.background": "#17191d", "editorGutter.background": "#17191d" },
});
const dark = window.matchMedia("(prefers-color-scheme: dark)");
const applyTheme = () => monaco.editor.setTheme(dark.matches ? "kindling-dark" : "kindling-light");
dark.addEventListener("change", applyTheme);
applyTheme();

// The output view shows JSON: colours and bracket matching (main thread) are all it needs. The
// JSON language service (validation, symbols, folding, colours) would re-read the whole output
// in its worker after every keystroke and send the results back for nothing.
monaco.languages.json.jsonDefaults.setModeConfiguration({
  tokens: true,
  documentFormattingEdits: false,
  documentRangeFormattingEdits: false,
  completionItems: false,
  hovers: false,
  documentSymbols: false,
  colors: false,
  foldingRanges: false,
  diagnostics: false,
  selectionRanges: false,
});

/**
 * `model` without bracket pair colorization. Colorization, bracket matching and bracket guides all
 * build Monaco's bracket-pair tree of the whole document, which costs seconds and a second or so
 * per keystroke for text that is mostly brackets (a megabyte of `{`, a huge flow sequence, a big
 * JSON output): these stay off (baseOptions too), so that tree is never built. Call it before the
 * model is shown: once built, the tree is kept up to date on every edit.
 */
export function withoutBracketPairs(model: monaco.editor.ITextModel): monaco.editor.ITextModel {
  const off = () => {
    if (model.getOptions().bracketPairColorizationOptions.enabled) {
      model.updateOptions({ bracketColorizationOptions: { enabled: false, independentColorPoolPerBracketType: false } });
    }
  };
  off();
  // Monaco's model service resets every model's options from the editor settings when those
  // change (an editor's updateOptions), and turned colorization back on for the output's model.
  model.onDidChangeOptions(off);
  return model;
}

/** Options shared by the source editor and the output view. */
export const baseOptions: monaco.editor.IStandaloneEditorConstructionOptions = {
  // Input through a textarea: the EditContext input (Monaco's default in Chromium) hands the
  // browser the whole text of the cursor's lines on every keystroke and selection change, which
  // takes hundreds of milliseconds per key on a line of a megabyte; the textarea gets a few
  // hundred characters around the cursor.
  editContext: false,
  // See withoutBracketPairs (the standalone editor copies these options into the settings its
  // model service applies to every model).
  bracketPairColorization: { enabled: false },
  matchBrackets: "never",
  guides: { bracketPairs: false, bracketPairsHorizontal: false, highlightActiveBracketPair: false },
  automaticLayout: true,
  // No minimap, so no section headers for it (they are computed in a worker on every change).
  minimap: { enabled: false, showRegionSectionHeaders: false, showMarkSectionHeaders: false },
  // Folding and sticky scroll from indentation, computed on the main thread as lines change, in
  // place of asking the YAML/JSON worker for folding ranges and the symbols of the whole
  // document after every keystroke (npm run bench:ui). Both formats nest by indentation.
  foldingStrategy: "indentation",
  stickyScroll: { defaultModel: "indentationModel" },
  // Code actions would be asked for at every cursor move; the YAML worker offers none we use.
  lightbulb: { enabled: monaco.editor.ShowLightbulbIconMode.Off },
  fontSize: 13,
  lineHeight: 20,
  scrollBeyondLastLine: false,
  fixedOverflowWidgets: true,
  dropIntoEditor: { enabled: false },
  renderLineHighlightOnlyWhenFocus: true,
  padding: { top: 6 },
};
