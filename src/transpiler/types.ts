/**
 * Shared data types of the transpiler. Everything here is plain, structured-clone-friendly
 * data so it can cross the Web Worker boundary unchanged.
 */

/** One step of a config path: a mapping key or a list index. */
export type PathElem = string | number;
/** A path into a config, e.g. `["storage", "files", 0, "path"]` (printed `$.storage.files.0.path`). */
export type Path = readonly PathElem[];

export const Severity = { Error: "error", Warning: "warning", Info: "info" } as const;
export type Severity = (typeof Severity)[keyof typeof Severity];

/** A report entry, as upstream Butane prints it (path is a Butane YAML path). */
export interface Diagnostic {
  severity: Severity;
  /** Butane YAML path; empty when upstream prints none. */
  path: Path;
  /** 1-based line of the marker, when there is one. */
  line?: number;
  /** 1-based, rune-based column of the marker, when there is one. */
  column?: number;
  message: string;
  /** Kindling-only extra guidance, never part of upstream's text. */
  hint?: string;
  /** Kindling-only stable code of this kind of diagnostic, where Kindling explains or fixes it. */
  code?: DiagnosticCode;
}

/** Stable codes of the upstream diagnostics Kindling explains or fixes (found by diagnostic-codes.ts). */
export type DiagnosticCode =
  | "mode-decimal"
  | "mode-special-bits"
  | "files-dir-missing"
  | "path-relative"
  | "path-unclean"
  | "unit-extension"
  | "only-one-of"
  | "root-too-small"
  | "duplicate-entry"
  | "boot-mirror-without-layout"
  | "openshift-metadata-missing"
  | "unused-key"
  | "unit-enabled-without-install";

/** An entry produced before line/column correlation: a path in Ignition JSON space or YAML space. */
export interface RawEntry {
  severity: Severity;
  path: Path;
  message: string;
}

/** Formats a path the way upstream does: `$.storage.files.0.path`. */
export function formatPath(path: Path): string {
  let s = "$";
  for (const p of path) s += "." + String(p);
  return s;
}

/**
 * Read access to the user's local files (the CLI's --files-dir, the studio's Files panel). Paths
 * are relative to the root, "/"-separated and already cleaned. A provider never reaches a node
 * outside its directory, whatever symlinks say (that is `escape`), and never throws.
 */
export interface FilesProvider {
  /**
   * Human-readable name of the files directory as the user gave it (e.g. "files" or "/abs/dir").
   * Used to build upstream's error texts (`open files/missing: no such file or directory`).
   */
  readonly root: string;
  /** Reads a file, following a final symlink (as Go's os.ReadFile does). */
  read(relPath: string): FileReadResult;
  /** Describes a node without following a final symlink (a symlink's text comes with it). */
  lstat(relPath: string): { ok: true; stat: FileStat } | FileFailure;
  /** Lists a directory's entry names (unsorted is fine). */
  readdir(relPath: string): { ok: true; names: string[] } | FileFailure;
}

/** Why a files-directory operation failed. */
export interface FileFailure {
  ok: false;
  /** `escape`: the path leads out of the files directory (through a symlink). */
  error: "not-found" | "is-directory" | "not-directory" | "permission-denied" | "escape" | "other";
  /** For `other`: the OS error as Go prints it, e.g. "too many levels of symbolic links". */
  reason?: string;
}

export type FileReadResult = { ok: true; data: Uint8Array } | FileFailure;

export interface FileStat {
  kind: "file" | "directory" | "symlink" | "other";
  /** POSIX permission bits (e.g. 0o755); files only. */
  mode: number;
  /** Symlink text, for symlinks. */
  target?: string;
}
