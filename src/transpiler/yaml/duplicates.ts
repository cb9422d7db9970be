/** yaml.v3's duplicate mapping key check (done by its decoder each time it decodes a mapping). */
import { quote as goQuote } from "../go/strconv.ts";
import type { YMap, YNode, YPair } from "./node.ts";

/** Cap on reported lines: k copies of a key give k(k-1)/2 lines in yaml.v3. */
const MAX_LINES = 1000;

/** yaml.v3 compares keys by node kind and `Value` (an alias's Value is its anchor name; collections have none). */
function keyIdentity(key: YNode): string {
  switch (key.kind) {
    case "scalar":
      return "s" + key.value;
    case "alias":
      return "a" + key.name;
    case "map":
      return "m";
    case "seq":
      return "q";
  }
}

function sameKey(a: YNode, b: YNode): boolean {
  if (a.kind !== b.kind) return false;
  if (a.kind === "scalar") return a.value === (b as typeof a).value;
  if (a.kind === "alias") return a.name === (b as typeof a).name;
  return true;
}

/** Allocation-free check for small mappings. */
function hasSmallDuplicate(map: YMap): boolean {
  const e = map.entries;
  for (let i = 0; i < e.length; i++) {
    for (let j = i + 1; j < e.length; j++) {
      if (sameKey((e[i] as YPair).key, (e[j] as YPair).key)) return true;
    }
  }
  return false;
}

function keyValue(key: YNode): string {
  return key.kind === "scalar" ? key.value : key.kind === "alias" ? key.name : "";
}

/**
 * yaml.v3's errors for one mapping, in its order (each key against every later equal key), e.g.
 * `line 3: mapping key "version" already defined at line 2`.
 */
export function duplicateKeyErrors(map: YMap, limit = MAX_LINES): string[] {
  if (map.entries.length < 2) return [];
  if (map.entries.length <= 16 && !hasSmallDuplicate(map)) return [];
  const groups = new Map<string, number[]>();
  let dup = false;
  map.entries.forEach((e, i) => {
    const id = keyIdentity(e.key);
    const g = groups.get(id);
    if (g) {
      g.push(i);
      dup = true;
    } else {
      groups.set(id, [i]);
    }
  });
  if (!dup) return [];
  const out: string[] = [];
  const seen = new Map<string, number>();
  for (const e of map.entries) {
    const id = keyIdentity(e.key);
    const g = groups.get(id) as number[];
    const k = seen.get(id) ?? 0;
    seen.set(id, k + 1);
    for (let j = k + 1; j < g.length; j++) {
      const later = map.entries[g[j] as number]?.key as YNode;
      out.push(`line ${later.line}: mapping key ${goQuote(keyValue(e.key))} already defined at line ${e.key.line}`);
      if (out.length >= limit) return out;
    }
  }
  return out;
}

/**
 * Duplicate-key lines for every mapping reachable from `root` without following aliases, in
 * document order; like yaml.v3's decoder, a mapping with duplicates is not descended into.
 */
export function collectDuplicateKeyErrors(root: YNode, limit = MAX_LINES): string[] {
  const out: string[] = [];
  const stack: YNode[] = [root];
  while (stack.length > 0 && out.length < limit) {
    const node = stack.pop() as YNode;
    if (node.kind === "map") {
      const errs = duplicateKeyErrors(node, limit - out.length);
      if (errs.length > 0) {
        out.push(...errs);
        continue;
      }
      for (let i = node.entries.length - 1; i >= 0; i--) {
        const e = node.entries[i];
        if (e) stack.push(e.value, e.key);
      }
    } else if (node.kind === "seq") {
      for (let i = node.items.length - 1; i >= 0; i--) stack.push(node.items[i] as YNode);
    }
  }
  return out;
}

/** The message yaml.v3 returns for a list of decode errors. */
export function unmarshalErrorsMessage(lines: readonly string[]): string {
  return "yaml: unmarshal errors:\n  " + lines.join("\n  ");
}
