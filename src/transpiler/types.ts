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
}

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

/** Read access to the user's local files (the CLI's --files-dir, the studio's Files panel). */
export interface FilesProvider {
  /**
   * Human-readable name of the files directory as the user gave it (e.g. "files" or "/abs/dir").
   * Used to build upstream's error texts (`open files/missing: no such file or directory`).
   */
  readonly root: string;
  /** Reads a file by a path relative to the root ("/"-separated, already cleaned, never escaping). */
  read(relPath: string): FileReadResult;
  /** Describes a node (without following a final symlink). */
  lstat(relPath: string): FileStat | null;
  /** Lists a directory's entry names (unsorted is fine). Null when it is not a readable directory. */
  readdir(relPath: string): string[] | null;
}

export type FileReadResult =
  | { ok: true; data: Uint8Array }
  | { ok: false; error: "not-found" | "is-directory" | "permission-denied" | "other"; message?: string };

export interface FileStat {
  kind: "file" | "directory" | "symlink" | "other";
  /** POSIX permission bits (e.g. 0o755); files only. */
  mode: number;
  /** Symlink text, for symlinks. */
  target?: string;
}
