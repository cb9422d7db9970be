/**
 * A read-only in-memory files directory (the studio's `--files-dir`), built from the files the
 * Files panel sends to the worker. Directories are implied by the file paths.
 */
import type { FileReadResult, FileStat, FilesProvider } from "../transpiler/index.ts";
import type { WireFile } from "./protocol.ts";

/** Name shown in upstream's messages, e.g. `open files/x: no such file or directory`. */
export const FILES_ROOT = "files";

/** Normalises a relative path: no leading "./" or "/", no empty or "." segments. */
export function cleanRelPath(p: string): string {
  return p
    .split("/")
    .filter((s) => s !== "" && s !== ".")
    .join("/");
}

/** Builds a FilesProvider over `files`; later paths win over earlier duplicates. */
export function createFilesProvider(files: readonly WireFile[], root = FILES_ROOT): FilesProvider {
  const byPath = new Map<string, WireFile>();
  const dirs = new Map<string, Set<string>>([["", new Set()]]);
  for (const f of files) {
    const path = cleanRelPath(f.path);
    if (path === "") continue;
    byPath.set(path, f);
    const parts = path.split("/");
    for (let i = 0; i < parts.length; i++) {
      const parent = parts.slice(0, i).join("/");
      let children = dirs.get(parent);
      if (!children) dirs.set(parent, (children = new Set()));
      children.add(parts[i] ?? "");
      if (i < parts.length - 1) {
        const dir = parts.slice(0, i + 1).join("/");
        if (!dirs.has(dir)) dirs.set(dir, new Set());
      }
    }
  }
  return {
    root,
    read(relPath: string): FileReadResult {
      const p = cleanRelPath(relPath);
      const f = byPath.get(p);
      if (f) return { ok: true, data: f.data };
      if (dirs.has(p)) return { ok: false, error: "is-directory" };
      return { ok: false, error: "not-found" };
    },
    lstat(relPath: string) {
      const p = cleanRelPath(relPath);
      const f = byPath.get(p);
      if (f) return { ok: true, stat: { kind: "file", mode: f.mode } satisfies FileStat } as const;
      if (dirs.has(p)) return { ok: true, stat: { kind: "directory", mode: 0o755 } satisfies FileStat } as const;
      return { ok: false, error: "not-found" } as const;
    },
    readdir(relPath: string) {
      const p = cleanRelPath(relPath);
      const children = dirs.get(p);
      if (children) return { ok: true, names: [...children] } as const;
      return { ok: false, error: byPath.has(p) ? "not-directory" : "not-found" } as const;
    },
  };
}
