/**
 * The `kindling` package's library entry: Butane YAML (or a typed config object) in, Ignition out,
 * with upstream Butane's diagnostics. Pure like the transpiler: no DOM, no Node APIs.
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
} from "../transpiler/index.ts";
export { toButaneYaml, transpileObject, type AnyButaneConfig, type ButaneConfig, type ButaneConfigs, type ButaneVariant, type ButaneVersion } from "./typed.ts";
