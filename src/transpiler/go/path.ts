/**
 * Go's `path` (golang/go `src/path/path.go`): slash-separated, purely lexical. On the
 * slash-separated paths the transpiler sees, `path/filepath`'s `Join` and `Clean` are the same.
 */

/** Go `path.Clean`: shortest equivalent path by lexical processing. */
export function pathClean(p: string): string {
  if (p === "") return ".";
  const rooted = p.startsWith("/");
  const parts = p.split("/");
  const out: string[] = [];
  for (const part of parts) {
    if (part === "" || part === ".") continue;
    if (part === "..") {
      if (out.length > 0 && out[out.length - 1] !== "..") out.pop();
      else if (!rooted) out.push("..");
      continue;
    }
    out.push(part);
  }
  const joined = out.join("/");
  if (rooted) return "/" + joined;
  return joined === "" ? "." : joined;
}

/** Go `path.IsAbs`. */
export function pathIsAbs(p: string): boolean {
  return p.startsWith("/");
}

/** Go `path.Join`: joins the non-empty elements with `/` and cleans the result. */
export function pathJoin(...elems: string[]): string {
  const nonEmpty = elems.filter((e) => e !== "");
  if (nonEmpty.length === 0) return "";
  return pathClean(nonEmpty.join("/"));
}

/** Go `path.Ext`: the suffix from the final dot of the last element, or `""`. */
export function pathExt(p: string): string {
  for (let i = p.length - 1; i >= 0 && p[i] !== "/"; i--) {
    if (p[i] === ".") return p.slice(i);
  }
  return "";
}
