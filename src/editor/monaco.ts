/**
 * Monaco + monaco-yaml setup, done once when the first editor loads. Only src/editor/ imports
 * monaco-editor and monaco-yaml, so all of Monaco stays in lazy chunks.
 *
 * Monaco's core API plus the editor features the studio uses (monaco-contributions.ts), the YAML
 * tokenizer and our own JSON one: not the full bundle, whose other languages, JSON language
 * service and worker, diff and inline-completion features only add to the download and start-up.
 */
import * as monaco from "monaco-editor/esm/vs/editor/editor.api.js";
import "./monaco-contributions.ts";
import "monaco-editor/esm/vs/basic-languages/yaml/yaml.contribution.js";
import { configureMonacoYaml, type JSONSchema } from "monaco-yaml";
import EditorWorker from "monaco-editor/esm/vs/editor/editor.worker.js?worker";
import YamlWorker from "monaco-yaml/yaml.worker.js?worker";
import { listSpecs } from "../transpiler/index.ts";
import { docsPagePath, fieldAnchor } from "../transpiler/spec/doc-links.ts";
import { registerJsonTokens } from "./json-tokens.ts";
import type { SchemaTarget } from "./schema-target.ts";
import { snippetFits } from "./snippet-context.ts";

export { monaco };

function newWorker(label: string): Worker {
  switch (label) {
    case "yaml":
      return new YamlWorker();
    case "editorWorkerService":
      return new EditorWorker();
    default:
      throw new Error(`Unknown Monaco worker label: ${label}`);
  }
}

window.MonacoEnvironment = { getWorker: (_moduleId: string, label: string) => newWorker(label) };

/**
 * `m`, except that editor.createWebWorker also takes the older options (a worker label and the
 * data to start it with) that monaco-yaml's worker manager passes. The full bundle adds that
 * itself; the core API alone wants the worker.
 */
function withLabelledWorkers(m: typeof monaco): typeof monaco {
  type Legacy = { label?: string; createData?: unknown; host?: unknown; keepIdleModels?: boolean };
  const create = m.editor.createWebWorker;
  const createWebWorker = (opts: monaco.editor.IInternalWebWorkerOptions | Legacy) => {
    if ("worker" in opts) return create(opts);
    const worker = newWorker(opts.label ?? "");
    // The worker's first message starts its request handler, the second is its creation data
    // (monaco-worker-manager's worker.js).
    worker.postMessage("ignore");
    worker.postMessage(opts.createData);
    return create({ worker, host: opts.host, keepIdleModels: opts.keepIdleModels ?? false });
  };
  return { ...m, editor: { ...m.editor, createWebWorker: createWebWorker as typeof m.editor.createWebWorker } };
}

registerJsonTokens(monaco);

/** The Butane document's model URI. */
export const SOURCE_URI = monaco.Uri.parse("file:///config.bu");
/**
 * The models of a project's files (source-models.ts): the schema of the active file's
 * variant/version applies to them too (only the file in the editor is asked for completion).
 */
const PROJECT_FILES = "file:///project/**";

/**
 * `m`, except that the completion providers registered through it drop schema snippets where they
 * do not fit (snippet-context.ts), and code action providers are not registered at all;
 * monaco-yaml registers its providers through the object it gets.
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
  // Kindling's own quick fixes (quick-fix-actions.ts) replace the YAML worker's code actions: it
  // would be asked on every cursor move for actions on diagnostics it never made (validate: false).
  const noCodeActions: typeof monaco.languages.registerCodeActionProvider = () => ({ dispose() {} });
  return { ...m, languages: { ...m.languages, registerCompletionItemProvider: register, registerCodeActionProvider: noCodeActions } };
}

// The transpiler owns diagnostics (upstream's exact messages, for every problem a schema could
// find: unknown keys, wrong types, enums, required fields, exclusive keys). Schema validation would
// only repeat them, and read scalars as YAML 1.1 or 1.2 where Butane's yaml.v3 mixes both (`yes` is
// a string in a string field, a bool in a bool field), so it stays off; monaco-yaml adds
// completion, snippets and hover from the schema of the config's variant/version.
const yaml = configureMonacoYaml(withSnippetFilter(withLabelledWorkers(monaco)), {
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

// The generated JSON Schemas, one per spec version: the studio serves them at
// schemas/butane/<variant>-<version>.json (vite.config.ts), so they are fetched from there rather
// than bundled a second time.
const specs = new Set(listSpecs().map((s) => `${s.variant}-${s.version}`));
let schemaKey: string | null = null;

async function fetchSchema(name: string): Promise<JSONSchema | null> {
  try {
    const res = await fetch(new URL(`schemas/butane/${name}.json`, document.baseURI));
    if (res.ok) return (await res.json()) as JSONSchema;
    console.warn(`Kindling: no schema for ${name} (HTTP ${res.status}); completion and hover are off.`);
  } catch (e) {
    console.warn(`Kindling: the schema for ${name} could not be loaded; completion and hover are off.`, e);
  }
  return null;
}

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
  const key = target && specs.has(`${target.variant}-${target.version}`) ? `${target.variant}-${target.version}` : "";
  if (key === schemaKey) return;
  schemaKey = key;
  const raw = target && key ? await fetchSchema(key) : null;
  const schema = target && raw ? withDocsLinks(raw, target.variant, target.version, document.baseURI) : null;
  if (schemaKey !== key) return;
  await yaml.update({
    schemas:
      schema && target
        ? [{ uri: `https://kindling.invalid/butane/${target.variant}-${target.version}.json`, fileMatch: [String(SOURCE_URI), PROJECT_FILES], schema }]
        : [],
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
  // hundred characters around the cursor. The source editor uses EditContext while its document
  // is small (edit-context-choice.ts); the output view is never typed into.
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
  // No code actions in the output view (the source editor turns its quick fixes on).
  lightbulb: { enabled: monaco.editor.ShowLightbulbIconMode.Off },
  fontSize: 13,
  lineHeight: 20,
  scrollBeyondLastLine: false,
  fixedOverflowWidgets: true,
  dropIntoEditor: { enabled: false },
  renderLineHighlightOnlyWhenFocus: true,
  padding: { top: 6 },
};
