/** Line/column markers: walks the YAML tree along a path as far as it goes (upstream's context tree). */
import type { Path } from "./types.ts";
import type { YNode } from "./yaml/node.ts";

export interface Marker {
  line: number;
  column: number;
}

/** The marker of the deepest YAML node reachable along `path` (aliases are leaves). */
export function markerFor(root: YNode | null, path: Path): Marker | undefined {
  const node = walkPath(root, path)?.node;
  return node ? { line: node.line, column: node.column } : undefined;
}

/** Walks `path` from `root` as far as it goes; `depth` is the number of steps taken. */
export function walkPath(root: YNode | null, path: Path): { node: YNode; depth: number } | undefined {
  if (!root) return undefined;
  let node: YNode = root;
  let depth = 0;
  for (const elem of path) {
    let next: YNode | undefined;
    if (node.kind === "map") {
      for (const e of node.entries) {
        if (e.key.kind === "scalar" && e.key.value === String(elem)) {
          next = e.value;
          break;
        }
      }
    } else if (node.kind === "seq" && typeof elem === "number") {
      next = node.items[elem];
    }
    if (!next) break;
    node = next;
    depth++;
  }
  return { node, depth };
}
