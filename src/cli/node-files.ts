/** A FilesProvider over a real directory (the CLI's --files-dir). Paths never leave the root. */
import { lstatSync, readFileSync, readdirSync, readlinkSync, realpathSync } from "node:fs";
import { join, sep } from "node:path";
import type { FileReadResult, FilesProvider, FileStat } from "../transpiler/index.ts";

export function nodeFilesProvider(root: string): FilesProvider {
  const abs = (rel: string) => (rel === "" ? root : join(root, rel));
  let realRoot: string | undefined;
  /** Unlike upstream, a symlink inside the directory may not lead out of it. */
  const inside = (path: string): boolean => {
    realRoot ??= realpathSync(root);
    const real = realpathSync(path);
    return real === realRoot || real.startsWith(realRoot.endsWith(sep) ? realRoot : realRoot + sep);
  };
  return {
    root,
    read(rel: string): FileReadResult {
      try {
        if (!inside(abs(rel))) return { ok: false, error: "other", message: "local file path traverses outside the files directory" };
        return { ok: true, data: new Uint8Array(readFileSync(abs(rel))) };
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        if (code === "ENOENT" || code === "ENOTDIR") return { ok: false, error: "not-found" };
        if (code === "EISDIR") return { ok: false, error: "is-directory" };
        if (code === "EACCES") return { ok: false, error: "permission-denied" };
        return { ok: false, error: "other", message: (e as Error).message };
      }
    },
    lstat(rel: string): FileStat | null {
      try {
        const s = lstatSync(abs(rel));
        if (s.isSymbolicLink()) return { kind: "symlink", mode: s.mode & 0o7777, target: readlinkSync(abs(rel)) };
        if (s.isDirectory()) return { kind: "directory", mode: s.mode & 0o7777 };
        if (s.isFile()) return { kind: "file", mode: s.mode & 0o7777 };
        return { kind: "other", mode: s.mode & 0o7777 };
      } catch {
        return null;
      }
    },
    readdir(rel: string): string[] | null {
      try {
        return readdirSync(abs(rel));
      } catch {
        return null;
      }
    },
  };
}
