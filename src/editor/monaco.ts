/**
 * Monaco + monaco-yaml setup, done once when the first editor loads. Only src/editor/ imports
 * monaco-editor and monaco-yaml, so all of Monaco stays in lazy chunks.
 */
import * as monaco from "monaco-editor";
import { configureMonacoYaml, type JSONSchema } from "monaco-yaml";
import EditorWorker from "monaco-editor/esm/vs/editor/editor.worker.js?worker";
import JsonWorker from "monaco-editor/esm/vs/language/json/json.worker.js?worker";
import YamlWorker from "monaco-yaml/yaml.worker.js?worker";

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

// The transpiler owns diagnostics (upstream's exact messages); monaco-yaml only adds completion and
// hover from a schema, when the build has one for the config's variant/version.
const yaml = configureMonacoYaml(monaco, {
  enableSchemaRequest: false,
  validate: false,
  completion: true,
  hover: true,
  schemas: [],
});

// Generated JSON Schemas (schemas/butane/<variant>-<version>.json), each its own lazy chunk.
const schemaModules = import.meta.glob<JSONSchema>("/schemas/butane/*.json", { import: "default" });
let schemaKey = "";

/** Points completion/hover at the schema for `variant`/`version` (no-op when none exists). */
export async function selectSchema(variant: string, version: string): Promise<void> {
  const key = `/schemas/butane/${variant}-${version}.json`;
  if (key === schemaKey) return;
  schemaKey = key;
  const load = schemaModules[key];
  const schema = load ? await load() : null;
  if (schemaKey !== key) return;
  await yaml.update({
    ...yaml.getOptions(),
    schemas: schema ? [{ uri: `https://kindling.invalid/butane/${variant}-${version}.json`, fileMatch: ["**/*.bu"], schema }] : [],
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

/** Options shared by the source editor and the output view. */
export const baseOptions: monaco.editor.IStandaloneEditorConstructionOptions = {
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
