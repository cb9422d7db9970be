/** Butane's message when it cannot open an input file: `failed to open X: open X: <reason>`. */
export function openFailure(path: string, e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  const reason =
    err.code === "ENOENT" ? "no such file or directory" : err.code === "EISDIR" ? "is a directory" : err.code === "EACCES" ? "permission denied" : err.message;
  return `failed to open ${path}: open ${path}: ${reason}\n`;
}
