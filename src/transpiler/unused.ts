/**
 * The unused-key pass: walks the decoded config alongside the YAML tree (aliases are leaves
 * there) and warns about every key that names no field, and about struct values whose YAML
 * node is not a mapping (upstream's "context tree does not match content tree").
 */
import type { Path } from "./types.ts";
import type { YNode } from "./yaml/node.ts";
import type { BObject, BValue } from "./decode.ts";
import { isGoPointer, structOf, type SpecDesc, type TypeDesc } from "./spec/kit.ts";
import { formatPath } from "./types.ts";

export interface UnusedEntry {
  path: Path;
  message: string;
  /** Position of the key token (unused keys) or of the node (mismatches). */
  line: number;
  column: number;
}

/** Unused-key and context-mismatch warnings in upstream's traversal order. */
export function findUnusedKeys(root: YNode | null, value: BObject, spec: SpecDesc): UnusedEntry[] {
  const out: UnusedEntry[] = [];
  if (root) walkStruct(spec, spec.root, value, root, [], out, 0);
  return out;
}

function mismatch(path: Path, node: YNode, out: UnusedEntry[]): void {
  const p = formatPath(path);
  out.push({
    path,
    message: `context tree does not match content tree at ${p}. Line and column reporting may be inconsistent. Unused keys may not be reported`,
    line: node.line,
    column: node.column,
  });
}

function walkStruct(spec: SpecDesc, name: string, value: BObject, node: YNode, path: Path, out: UnusedEntry[], depth: number): void {
  if (depth > 200) return;
  if (node.kind !== "map") {
    mismatch(path, node, out);
    return;
  }
  const desc = structOf(spec, name);
  for (const { key } of node.entries) {
    if (key.kind !== "scalar") continue;
    if (!desc.fields.some((f) => f.key === key.value)) {
      out.push({ path: [...path, key.value], message: `unused key ${key.value}`, line: key.line, column: key.column });
    }
  }
  for (const f of desc.fields) {
    const v = value[f.key];
    if (v === undefined) {
      // A struct field given as an explicit null still has a (scalar) node upstream complains about;
      // a nil pointer to a struct (v0_3's clevis, custom) is not walked at all.
      if (f.type.kind === "ref" && !isGoPointer(f)) {
        const child = childOf(node, f.key);
        if (child && child.kind !== "map") mismatch([...path, f.key], child, out);
      }
      continue;
    }
    const child = childOf(node, f.key);
    if (!child) continue;
    walkValue(spec, f.type, v, child, [...path, f.key], out, depth + 1);
  }
}

function walkValue(spec: SpecDesc, type: TypeDesc, v: BValue, node: YNode, path: Path, out: UnusedEntry[], depth: number): void {
  if (type.kind === "ref") {
    if (typeof v === "object" && !Array.isArray(v)) walkStruct(spec, type.name, v, node, path, out, depth);
  } else if (type.kind === "list" && Array.isArray(v)) {
    if (node.kind !== "seq") return;
    v.forEach((item, i) => {
      const child = node.items[i];
      if (child) walkValue(spec, type.item, item, child, [...path, i], out, depth + 1);
    });
  }
}

function childOf(node: YNode, key: string): YNode | undefined {
  if (node.kind !== "map") return undefined;
  for (const e of node.entries) if (e.key.kind === "scalar" && e.key.value === key) return e.value;
  return undefined;
}
