/**
 * yaml.v3's guard against alias bombs ("billion laughs"): its decoder counts every node it
 * decodes and every node it decodes through an alias, and fails with `yaml: document contains
 * excessive aliasing` once aliases account for too large a share (decode.go, allowedAliasRatio).
 *
 * The check here replays that count for a generic decode of the whole document (every key and
 * value, aliases expanded) in linear time, using memoised subtree sizes instead of expanding.
 * Butane's typed decode visits a subset of those nodes, so a bomb that upstream never decodes
 * (under a key Butane ignores) is refused here too; realistic configs are far from the limit.
 */
import type { YAlias, YNode } from "./node.ts";

/** yaml.v3's message (its decoder's `failf`). */
export const EXCESSIVE_ALIASING = "yaml: document contains excessive aliasing";

// decode.go: ~5 kB of dense object declarations with 10000% alias expansion …
const RATIO_RANGE_LOW = 400_000;
// … ~4.5 MB of dense object declarations with 10% alias expansion.
const RATIO_RANGE_HIGH = 4_000_000;

/** yaml.v3's `allowedAliasRatio`: the share of decodes that may come from aliases. */
export function allowedAliasRatio(decodeCount: number): number {
  if (decodeCount <= RATIO_RANGE_LOW) return 0.99;
  if (decodeCount >= RATIO_RANGE_HIGH) return 0.1;
  return 0.99 - (0.89 * (decodeCount - RATIO_RANGE_LOW)) / (RATIO_RANGE_HIGH - RATIO_RANGE_LOW);
}

/** yaml.v3's condition, checked after every decoded node. */
export function aliasingExceeded(decodeCount: number, aliasCount: number): boolean {
  return aliasCount > 100 && decodeCount > 1000 && aliasCount / decodeCount > allowedAliasRatio(decodeCount);
}

function children(n: YNode): YNode[] {
  if (n.kind === "map") return n.entries.flatMap((e) => [e.key, e.value]);
  if (n.kind === "seq") return n.items;
  return [];
}

/**
 * The first alias whose expansion makes a generic yaml.v3 decode of `root` fail with
 * `EXCESSIVE_ALIASING`, or undefined. Aliases to an ancestor count as one node (the decoder
 * reports those itself).
 */
export function findExcessiveAlias(root: YNode): YAlias | undefined {
  // Expanded size of every node, in post-order (an alias's target is always complete before the
  // alias unless it is an ancestor). Iterative: the tree may be thousands of levels deep.
  const size = new Map<YNode, number>();
  const stack: { node: YNode; next: number; kids: YNode[] }[] = [{ node: root, next: 0, kids: children(root) }];
  while (stack.length > 0) {
    const top = stack[stack.length - 1] as (typeof stack)[number];
    const kid = top.kids[top.next++];
    if (kid !== undefined) {
      stack.push({ node: kid, next: 0, kids: children(kid) });
      continue;
    }
    stack.pop();
    const n = top.node;
    let s = 1;
    if (n.kind === "alias") s += size.get(n.target) ?? 0;
    else for (const k of top.kids) s += size.get(k) ?? 1;
    size.set(n, s);
  }

  // The decode itself, in document order: the document node, then its content. Plain nodes only
  // lower the alias share, so checking after each alias's expansion finds the first failure.
  let decodes = 1;
  let aliased = 0;
  const walk: YNode[] = [root];
  while (walk.length > 0) {
    const n = walk.pop() as YNode;
    decodes++;
    if (n.kind === "alias") {
      const expanded = (size.get(n) ?? 1) - 1;
      decodes += expanded;
      aliased += expanded;
      if (aliasingExceeded(decodes, aliased)) return n;
      continue;
    }
    const kids = children(n);
    for (let i = kids.length - 1; i >= 0; i--) walk.push(kids[i] as YNode);
  }
  return undefined;
}
