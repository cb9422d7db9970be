/** Reading a config's YAML by path for the fixes (the `yaml` package, as the edit layer reads it). */
import { isAlias, isMap, isNode, isScalar, isSeq, type Document, type Node, type Pair } from "yaml";
import { parseForEdit } from "../../lib/yaml-edit/yaml-edit.ts";
import type { Path, PathElem } from "../../transpiler/index.ts";

export type ParsedDoc = Document.Parsed;

export function parse(source: string): ParsedDoc {
  return parseForEdit(source);
}

/** Where the anchor `name` is defined (its path in the document), or null. */
function anchorPath(doc: ParsedDoc, name: string): Path | null {
  const walk = (node: unknown, path: PathElem[]): Path | null => {
    if (!isNode(node)) return null;
    if (node.anchor === name) return path;
    if (isMap(node)) {
      for (const p of node.items as Pair[]) {
        const k = isScalar(p.key) ? p.key.value : undefined;
        if (typeof k !== "string" && typeof k !== "number") continue;
        const hit = walk(p.value, [...path, String(k)]);
        if (hit) return hit;
      }
    } else if (isSeq(node)) {
      for (let i = 0; i < node.items.length; i++) {
        const hit = walk(node.items[i], [...path, i]);
        if (hit) return hit;
      }
    }
    return null;
  };
  return walk(doc.contents, []);
}

/**
 * The document path that holds the value at config path `path`: the same path, unless the way
 * goes through an alias (`contents: *c`) or a merge key (`<<: *unit`), then the anchored node's.
 * Null when there is no such value.
 */
export function sourcePath(doc: ParsedDoc, path: Path): { path: Path; node: Node } | null {
  let node: unknown = doc.contents;
  let at: Path = [];
  const deref = () => {
    for (let guard = 0; isAlias(node) && guard < 100; guard++) {
      const target = anchorPath(doc, node.source);
      if (!target) return false;
      at = target;
      node = nodeAt(doc, target);
    }
    return true;
  };
  for (const k of path) {
    if (!deref()) return null;
    if (isMap(node)) {
      const items = node.items as Pair[];
      const pair = items.find((p) => (isScalar(p.key) ? p.key.value : p.key) === k);
      if (pair) {
        node = pair.value;
        at = [...at, k];
        continue;
      }
      // yaml.v3 merges `<<: *anchor` (and `<<: [*a, *b]`) into the mapping.
      const merge = items.find((p) => isScalar(p.key) && p.key.value === "<<");
      const sources = isSeq(merge?.value) ? merge.value.items : merge ? [merge.value] : [];
      const found = sources
        .map((s) => (isAlias(s) ? anchorPath(doc, s.source) : null))
        .map((p) => (p ? sourcePath(doc, [...p, k]) : null))
        .find((x) => x);
      if (!found) return null;
      ({ path: at, node } = found);
    } else if (isSeq(node) && typeof k === "number" && k < node.items.length) {
      node = node.items[k];
      at = [...at, k];
    } else return null;
  }
  if (!deref() || !isNode(node)) return null;
  return { path: at, node };
}

/** The node at document path `path` (map keys by scalar value, list items by index), or null. */
export function nodeAt(doc: ParsedDoc, path: Path): Node | null {
  let node: unknown = doc.contents;
  for (const k of path) {
    if (isMap(node)) {
      const pair = (node.items as Pair[]).find((p) => (isScalar(p.key) ? p.key.value : p.key) === k);
      if (!pair) return null;
      node = pair.value;
    } else if (isSeq(node) && typeof k === "number") {
      node = node.items[k];
    } else return null;
  }
  return (node as Node | null | undefined) ?? null;
}

/** The plain value at config path `path` (through aliases and merge keys), or undefined. */
export function valueAt(source: string, path: Path): unknown {
  const doc = parse(source);
  const at = sourcePath(doc, path);
  return at ? (at.node.toJS(doc) as unknown) : undefined;
}
