/** A project as a zip (where the File System Access API is missing): the folder layout of layout.ts. */
import { unzipSync, zipSync, type Zippable } from "fflate";
import type { FolderEntry } from "./layout.ts";

/** The files of a zip; a single folder holding everything (a zipped folder) is the root. */
export function readZip(bytes: Uint8Array): FolderEntry[] {
  const files = unzipSync(bytes);
  const entries = Object.entries(files)
    .filter(([path]) => !path.endsWith("/") && !path.startsWith("__MACOSX/"))
    .map(([path, data]) => ({ path, data }));
  const firsts = new Set(entries.map((e) => (e.path.includes("/") ? e.path.slice(0, e.path.indexOf("/")) : "")));
  const [only] = firsts;
  if (firsts.size === 1 && only !== "" && only !== "snippets") return entries.map((e) => ({ ...e, path: e.path.slice(only!.length + 1) }));
  return entries;
}

/** A zip of `entries` (paths as given). */
export function writeZip(entries: readonly FolderEntry[]): Uint8Array {
  const tree: Zippable = {};
  for (const e of entries) tree[e.path] = e.data;
  return zipSync(tree);
}
