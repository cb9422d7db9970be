/** The files directory: the escape rule (lexical, with Go's path.Join and path.Clean), and upstream's error texts. */
import type { FilesProvider, FileStat } from "../types.ts";
import { pathClean, pathJoin } from "../go/path.ts";


export const NO_FILES_DIR =
  "local file paths are relative to a files directory that must be specified with -d/--files-dir";
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

/** Reads a local file, with upstream's error texts (`open files/x: no such file or directory`). */
export function readLocal(files: FilesProvider, rel: string, display: string): { ok: true; data: Uint8Array } | { ok: false; message: string } {
  const r = files.read(rel);
  if (r.ok) return r;
  switch (r.error) {
    case "not-found":
      return { ok: false, message: `open ${display}: no such file or directory` };
    case "is-directory":
      return { ok: false, message: `read ${display}: is a directory` };
    case "permission-denied":
      return { ok: false, message: `open ${display}: permission denied` };
    default:
      return { ok: false, message: r.message ?? `open ${display}: input/output error` };
  }
}

/** lstat with upstream's error text for a missing node. */
export function statLocal(files: FilesProvider, rel: string, display: string): { ok: true; stat: FileStat } | { ok: false; message: string } {
  const s = files.lstat(rel);
  return s ? { ok: true, stat: s } : { ok: false, message: `stat ${display}: no such file or directory` };
}
