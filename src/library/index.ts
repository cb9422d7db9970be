/**
 * The `kindling` package's library entry: Butane YAML (or a typed config object) in, Ignition out,
 * with upstream Butane's diagnostics; and projects (compose): a main config with snippets merged
 * as Ignition merges child configs, per-host values from a hosts table, self-contained bundles.
 * Pure like the transpiler: no DOM, no Node APIs (local files come in through a `FilesProvider`).
 */
export {
  transpile,
  listSpecs,
  renderReport,
  formatPath,
  type TranspileOptions,
  type TranspileResult,
  type SpecInfo,
  type RenderOptions,
  type Diagnostic,
  type Finding,
  type LintOptions,
  type FilesProvider,
  type FileStat,
  type FileReadResult,
  type FileFailure,
  type Path,
  type PathElem,
  type Severity,
  type UserDataSize,
  type OutputOrigin,
} from "../transpiler/index.ts";
/**
 * Compose (`kindling build` / `kindling bundle` as a library; details in src/compose/index.ts):
 *
 * - `compose(main, snippets, options)`: transpiles every file (openshift as with --raw) and merges
 *   each snippet's Ignition over the result so far; `output` is the merged Ignition as Butane prints
 *   it, `reports[i]` each file's own report, `findings` Kindling's (`compose-conflict`, and with
 *   `lint: { target, platform }` each file's own findings and the merged output's user-data size).
 * - `parseHosts(text, fileName)`: a hosts table (CSV for `*.csv`, else YAML) → `Host[]`.
 * - `substitute(text, host, fileName)`: `${NAME}` / `${NAME:-default}` / `$${` in one file's text.
 * - `buildHost(project, host, options)` / `buildHosts(project, hosts, options)`: substitute, then
 *   compose, per host (files with the same text are transpiled once).
 * - `bundle(source, files, { strict })`: the Butane text with every files-directory reference
 *   inlined, comments kept, checked to transpile to the same output without a files directory.
 */
export {
  compose,
  parseHosts,
  parseHostsCsv,
  parseHostsYaml,
  substitute,
  hasPlaceholders,
  buildHost,
  buildHosts,
  bundle,
  type ComposeFile,
  type ComposeFinding,
  type ComposeOptions,
  type ComposeResult,
  type EntryOrigin,
  type FileReport,
  type FileResult,
  type ComposeProblem,
  type Host,
  type HostsParse,
  type HostBuild,
  type Project,
  type BundleOptions,
  type BundleProblem,
  type BundleResult,
} from "../compose/index.ts";
export { toButaneYaml, transpileObject, type AnyButaneConfig, type ButaneConfig, type ButaneConfigs, type ButaneVariant, type ButaneVersion } from "./typed.ts";
