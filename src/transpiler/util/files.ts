/** The files directory: the escape rule (lexical, with Go's path.Join and path.Clean), and upstream's error texts. */
import type { FileFailure, FilesProvider, FileStat } from "../types.ts";
import { pathClean, pathJoin } from "../go/path.ts";

export const NO_FILES_DIR = "local file paths are relative to a files directory that must be specified with -d/--files-dir";
export const TRAVERSES = "local file path traverses outside the files directory";

export type Resolved = { ok: true; rel: string; display: string } | { ok: false; message: string };

/** Resolves `local` inside the files directory, refusing paths that leave it. */
export function resolveLocal(files: FilesProvider | undefined, local: string): Resolved {
  if (!files) return { ok: false, message: NO_FILES_DIR };
  const root = pathClean(files.root === "" ? "." : files.root);
  const display = pathJoin(files.root, local);
  const target = pathClean(display);
  let rel: string;
  if (target === root) rel = "";
  else if (root === ".") {
    if (target === ".." || target.startsWith("../") || target.startsWith("/")) return { ok: false, message: TRAVERSES };
    rel = target;
  } else if (target.startsWith(root === "/" ? "/" : root + "/")) rel = target.slice(root === "/" ? 1 : root.length + 1);
  else return { ok: false, message: TRAVERSES };
  return { ok: true, rel, display };
}

/** Go's text for a failed operation on `display`, e.g. `open files/x: no such file or directory`. */
export function failureText(op: "open" | "lstat" | "stat", display: string, f: FileFailure): string {
  switch (f.error) {
    case "escape":
      return TRAVERSES;
    case "is-directory":
      // Go opens a directory fine; the read fails.
      return `read ${display}: is a directory`;
    case "not-found":
      return `${op} ${display}: no such file or directory`;
    case "not-directory":
      return `${op} ${display}: not a directory`;
    case "permission-denied":
      return `${op} ${display}: permission denied`;
    default:
      return `${op} ${display}: ${f.reason ?? "input/output error"}`;
  }
}

/** Reads a local file, with upstream's error texts. */
export function readLocal(files: FilesProvider, rel: string, display: string): { ok: true; data: Uint8Array } | { ok: false; message: string } {
  const r = files.read(rel);
  return r.ok ? r : { ok: false, message: failureText("open", display, r) };
}

/** Stats the root of a tree: `stat`, as upstream names it. */
export function statLocal(files: FilesProvider, rel: string, display: string): { ok: true; stat: FileStat } | { ok: false; message: string } {
  const s = files.lstat(rel);
  return s.ok ? s : { ok: false, message: failureText("stat", display, s) };
}
