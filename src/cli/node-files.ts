/**
 * A FilesProvider over a real directory (the CLI's --files-dir), jailed to that directory.
 *
 * Unlike upstream, a symlink inside the directory may not lead out of it. Every operation opens
 * what it touches first and then checks where the opened handle really is (Linux names it in
 * /proc/self/fd), so nothing can be swapped between the check and the use: a file is read through
 * the descriptor that was checked, and a directory's entries are listed and lstat'ed through the
 * checked descriptor of that directory. Without /proc (macOS, Windows) the real path is resolved
 * before use instead, which a concurrent swap could race.
 */
import { closeSync, constants, existsSync, fstatSync, lstatSync, openSync, readdirSync, readFileSync, readlinkSync, realpathSync } from "node:fs";
import { join, sep } from "node:path";
import type { FileFailure, FileReadResult, FilesProvider, FileStat } from "../transpiler/index.ts";

/** Go's texts for the errno values a files directory can produce (syscall's error table on Linux). */
const GO_ERRNO_TEXT: Readonly<Record<string, string>> = {
  ELOOP: "too many levels of symbolic links",
  EINVAL: "invalid argument",
  ENAMETOOLONG: "file name too long",
  EIO: "input/output error",
  EPERM: "operation not permitted",
  EMFILE: "too many open files",
  ENFILE: "too many open files in system",
  ENXIO: "no such device or address",
  ENODEV: "no such device",
  EBUSY: "device or resource busy",
  EOVERFLOW: "value too large for defined data type",
  EAGAIN: "resource temporarily unavailable",
  ENOMEM: "cannot allocate memory",
  EFBIG: "file too large",
  ESTALE: "stale NFS file handle",
};

/** Maps a Node fs exception to a failure with Go's wording; never exposes Node's text or paths. */
export function failureOf(e: unknown): FileFailure {
  const code = (e as NodeJS.ErrnoException | undefined)?.code ?? "";
  switch (code) {
    case "ENOENT":
      return { ok: false, error: "not-found" };
    case "ENOTDIR":
      return { ok: false, error: "not-directory" };
    case "EISDIR":
      return { ok: false, error: "is-directory" };
    case "EACCES":
      return { ok: false, error: "permission-denied" };
    default:
      return { ok: false, error: "other", reason: GO_ERRNO_TEXT[code] ?? "input/output error" };
  }
}

const ESCAPE: FileFailure = { ok: false, error: "escape" };
const hasProcFd = process.platform === "linux" && existsSync("/proc/self/fd");
const fdPath = (fd: number) => `/proc/self/fd/${fd}`;

export function nodeFilesProvider(root: string): FilesProvider {
  const abs = (rel: string) => (rel === "" ? root : join(root, rel));
  let realRoot: string | undefined;
  const inside = (real: string): boolean => {
    realRoot ??= realpathSync(root);
    return real === realRoot || real.startsWith(realRoot.endsWith(sep) ? realRoot : realRoot + sep);
  };

  /** Opens `rel` and runs `act` on the descriptor once it is known to be inside the root. */
  function withChecked<T>(rel: string, flags: number, act: (fd: number) => T): T | FileFailure {
    let fd: number | undefined;
    try {
      if (!hasProcFd && !inside(realpathSync(abs(rel)))) return ESCAPE;
      fd = openSync(abs(rel), flags);
      if (hasProcFd && !inside(readlinkSync(fdPath(fd)))) return ESCAPE;
      return act(fd);
    } catch (e) {
      return failureOf(e);
    } finally {
      if (fd !== undefined) closeSync(fd);
    }
  }

  /** Where the entry `rel` can be reached without trusting anything above it: through its checked parent. */
  function viaParent<T>(rel: string, act: (entryPath: string) => T): T | FileFailure {
    if (rel === "") {
      try {
        return act(root);
      } catch (e) {
        return failureOf(e);
      }
    }
    const slash = rel.lastIndexOf("/");
    const parent = slash < 0 ? "" : rel.slice(0, slash);
    const name = rel.slice(slash + 1);
    return withChecked(parent, constants.O_RDONLY | constants.O_DIRECTORY, (fd) =>
      act(hasProcFd ? `${fdPath(fd)}/${name}` : join(realpathSync(abs(parent)), name)),
    );
  }

  return {
    root,
    read(rel: string): FileReadResult {
      // O_NONBLOCK: a FIFO in the directory reads as empty instead of hanging the run.
      return withChecked(rel, constants.O_RDONLY | constants.O_NONBLOCK, (fd) => {
        if (fstatSync(fd).isDirectory()) return { ok: false, error: "is-directory" } as const;
        return { ok: true, data: new Uint8Array(readFileSync(fd)) } as const;
      });
    },
    lstat(rel: string) {
      return viaParent(rel, (p) => {
        const s = lstatSync(p);
        const mode = s.mode & 0o7777;
        const stat: FileStat = s.isSymbolicLink()
          ? { kind: "symlink", mode, target: readlinkSync(p) }
          : { kind: s.isDirectory() ? "directory" : s.isFile() ? "file" : "other", mode };
        return { ok: true, stat } as const;
      });
    },
    readdir(rel: string) {
      return withChecked(
        rel,
        constants.O_RDONLY | constants.O_DIRECTORY,
        (fd) => ({ ok: true, names: readdirSync(hasProcFd ? fdPath(fd) : realpathSync(abs(rel))) }) as const,
      );
    },
  };
}
