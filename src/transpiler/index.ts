/**
 * Public API of the Kindling transpiler: Butane YAML in, Ignition (or MachineConfig) out, with
 * upstream Butane's diagnostics. Pure: no DOM, no Node APIs; file access comes in via options.
 */
export type { Finding, LintOptions } from "./lint/finding.ts";
export type { UserDataSize } from "./lint/size-meter.ts";
export { TARGETS, findTarget, targetAccepts, newestAcceptedVersion, type TargetRow } from "./lint/targets.ts";
export { PLATFORMS, findPlatform, type PlatformRow } from "./lint/platforms.ts";
export { tryMoveToVersion, withVersion, type MoveResult } from "./lint/target-guard.ts";
export { buildPointerConfig, remoteContentsYaml, remoteUrlProblem } from "./lint/pointer-config.ts";
export { embeddedFiles, measureUserData } from "./lint/size-meter.ts";

export type { Diagnostic, DiagnosticCode, FilesProvider, Path, PathElem, Severity, FileStat, FileReadResult, FileFailure } from "./types.ts";
export { formatPath } from "./types.ts";

export type { OutputOrigin, TranspileOptions, TranspileResult } from "./options.ts";
export { transpile } from "./pipeline.ts";
export { clearMemos } from "./util/memo.ts";
export { listSpecs, type SpecInfo } from "./versions.ts";
export { renderReport, type RenderOptions } from "./report/render.ts";
export { butaneSchema, ignitionSchema } from "./spec/json-schema.ts";
export { generatedFiles } from "./spec/generate.ts";
