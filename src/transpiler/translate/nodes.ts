/** Helpers for generated filesystem nodes (trees, quadlets): lookup by path and ordered construction. */
import type { Path } from "../types.ts";
import type { TranslateContext } from "./context.ts";
import type { Obj } from "./provenance.ts";
import { childList, childObject } from "./children.ts";

export type NodeKind = "files" | "directories" | "links";
export const EXISTS = "matching filesystem node has existing contents or different type";

/** Finds an output node by path among files, directories and links. */
export function findNode(out: Obj, path: string): { kind: NodeKind; node: Obj } | undefined {
  const storage = out.storage as Obj | undefined;
  if (!storage) return undefined;
  for (const kind of ["files", "directories", "links"] as const) {
    const node = ((storage[kind] ?? []) as Obj[]).find((n) => n.path === path);
    if (node) return { kind, node };
  }
  return undefined;
}

export type NodeIndex = Map<string, { kind: NodeKind; node: Obj }>;

/**
 * The output's nodes by path, first match winning as in `findNode`. Callers that add many nodes
 * (a tree of 100,000 entries) keep it up to date with `indexNode` instead of scanning each time.
 */
export function indexNodes(out: Obj): NodeIndex {
  const index: NodeIndex = new Map();
  const storage = out.storage as Obj | undefined;
  for (const kind of ["files", "directories", "links"] as const) for (const node of (storage?.[kind] ?? []) as Obj[]) indexNode(index, kind, node);
  return index;
}

export function indexNode(index: NodeIndex, kind: NodeKind, node: Obj): void {
  const path = node.path as string;
  if (!index.has(path)) index.set(path, { kind, node });
}

/** Appends a new node to `storage[kind]`, creating the lists as needed (all marked as from `at`). */
export function appendNode(ctx: TranslateContext, out: Obj, kind: NodeKind, node: Obj, at: Path): void {
  const storage = childObject(ctx, out, "storage", at);
  const list = childList(ctx, storage, kind, at);
  ctx.prov.markKey(list, list.length, at);
  ctx.prov.mark(node, at);
  list.push(node);
  reorderStorage(storage);
}

const STORAGE_ORDER = ["directories", "disks", "files", "filesystems", "links", "luks", "raid"];

function reorderStorage(storage: Obj): void {
  const keys = Object.keys(storage);
  const sorted = [...STORAGE_ORDER.filter((k) => keys.includes(k)), ...keys.filter((k) => !STORAGE_ORDER.includes(k))];
  if (sorted.every((k, i) => keys[i] === k)) return;
  const vals = sorted.map((k) => storage[k]);
  for (const k of keys) delete storage[k];
  sorted.forEach((k, i) => (storage[k] = vals[i]));
}

/** Builds a node object with keys in Ignition's order, setting each present value with provenance `at`. */
export function buildNode(ctx: TranslateContext, at: Path, fields: [string, unknown][]): Obj {
  const o: Obj = ctx.prov.mark({}, at);
  for (const [k, v] of fields) if (v !== undefined) ctx.prov.set(o, k, v, at);
  return o;
}
