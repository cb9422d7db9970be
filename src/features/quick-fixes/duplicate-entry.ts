/**
 * Ignition's `duplicate entry defined` (the second of two list entries with the same key): a
 * navigation to the other one. Keys as Ignition compares them (ignition-validation.md §1).
 */
import { isMap, isScalar, isSeq, type Node, type YAMLMap } from "yaml";
import type { Path } from "../../transpiler/index.ts";
import { positionAt } from "./text.ts";
import type { FixProvider } from "./types.ts";
import { nodeAt, parse, type ParsedDoc } from "./yaml-read.ts";

/** Lists that share one key space: storage's directories, files and links are all paths. */
const SHARED: Record<string, readonly string[]> = {
  files: ["directories", "files", "links"],
  directories: ["directories", "files", "links"],
  links: ["directories", "files", "links"],
  should_exist: ["should_exist", "should_not_exist"],
  should_not_exist: ["should_exist", "should_not_exist"],
};

/** The field that names an entry of each list (entries of other lists are plain strings). */
const KEY_FIELD: Record<string, string> = {
  files: "path",
  directories: "path",
  links: "path",
  disks: "device",
  filesystems: "device",
  luks: "name",
  raid: "name",
  units: "name",
  dropins: "name",
  users: "name",
  groups: "name",
  http_headers: "name",
  tang: "url",
  merge: "source",
  certificate_authorities: "source",
};

function scalarOf(map: YAMLMap, key: string): unknown {
  const p = map.items.find((it) => isScalar(it.key) && it.key.value === key);
  return isScalar(p?.value) ? p.value.value : undefined;
}

/** Ignition's key of an entry: a string item itself, a partition by number or label, else its naming field. */
function entryKey(list: string, item: unknown): string | undefined {
  if (isScalar(item)) return `=${String(item.value)}`;
  if (!isMap(item)) return undefined;
  if (list === "partitions") {
    const n = scalarOf(item, "number");
    if (n !== undefined && n !== null && Number(n) !== 0) return `number:${String(n)}`;
    const label = scalarOf(item, "label");
    return `label:${label === undefined || label === null ? "" : String(label)}`;
  }
  const field = KEY_FIELD[list];
  if (!field) return undefined;
  const v = scalarOf(item, field);
  return `=${v === undefined || v === null ? "" : String(v)}`;
}

/** The position of the other entry with the same key as the one at `path`, or null. */
export function otherEntry(doc: ParsedDoc, source: string, path: Path): { line: number; column: number } | null {
  const index = path[path.length - 1];
  const list = path[path.length - 2];
  if (typeof index !== "number" || typeof list !== "string") return null;
  const parent = path.slice(0, -2);
  const key = entryKey(list, nodeAt(doc, path));
  if (key === undefined) return null;
  for (const name of SHARED[list] ?? [list]) {
    const seq = nodeAt(doc, [...parent, name]);
    if (!isSeq(seq)) continue;
    const hit = (seq.items as Node[]).find((it, i) => !(name === list && i === index) && entryKey(list, it) === key);
    if (hit?.range) return positionAt(source, hit.range[0]);
  }
  return null;
}

export const duplicateEntry: FixProvider = {
  id: "duplicate-entry",
  diagnostic: "duplicate-entry",
  fixes({ source, target }) {
    const at = otherEntry(parse(source), source, target.path);
    return at ? [{ kind: "reveal", title: `Go to the other entry (line ${at.line})`, line: at.line, column: at.column }] : [];
  },
};
