/** `path: etc/motd` → `/etc/motd`, `device: sdb` → `/dev/sdb` (upstream's "path not absolute"). */
import { setEdit } from "../../lib/yaml-edit/yaml-edit.ts";
import type { FixProvider } from "./types.ts";
import { valueAt } from "./yaml-read.ts";

/** An absolute, fully simplified path: no `.`/`..`/empty segments, no trailing slash. */
export function absolutePath(relative: string): string {
  const parts: string[] = [];
  for (const seg of relative.split("/")) {
    if (seg === "" || seg === ".") continue;
    if (seg === "..") parts.pop();
    else parts.push(seg);
  }
  return "/" + parts.join("/");
}

export const relativePath: FixProvider = {
  id: "absolute-path",
  diagnostic: "path-relative",
  fixes({ source, target }) {
    const value = valueAt(source, target.path);
    if (typeof value !== "string" || value.trim() === "") return [];
    // A device named without /dev/ (`sdb`, `disk/by-label/x`) lives under /dev.
    const isDevice = target.path[target.path.length - 1] === "device";
    const fixed = absolutePath(isDevice && !/^\.?\/?dev\//.test(value) ? `dev/${value}` : value);
    if (fixed === "/") return [];
    const edit = setEdit(source, target.path, fixed);
    return edit ? [{ kind: "edit", title: `Make the path absolute: ${fixed}`, edits: [edit], preferred: true }] : [];
  },
};
