/** "Did you mean …?": the known names nearest to a misspelled one. */

/** Damerau–Levenshtein distance (optimal string alignment): a swap of two letters counts as one edit. */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  const m = a.length;
  const n = b.length;
  if (m === 0) return n;
  if (n === 0) return m;
  let prev2 = new Array<number>(n + 1).fill(0);
  let prev = Array.from({ length: n + 1 }, (_, j) => j);
  let cur = new Array<number>(n + 1).fill(0);
  for (let i = 1; i <= m; i++) {
    cur[0] = i;
    for (let j = 1; j <= n; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, prev2[j - 2]! + 1);
      cur[j] = d;
    }
    [prev2, prev, cur] = [prev, cur, prev2];
  }
  return prev[n]!;
}

/**
 * Up to `max` names from `known` close to `name`, best first: a case-only difference first, then by
 * edit distance (at most a third of the name's length, at least 1, at most 3), then alphabetically.
 */
export function suggest(name: string, known: Iterable<string>, max = 3): string[] {
  const lower = name.toLowerCase();
  const limit = Math.min(3, Math.max(1, Math.floor(name.length / 3)));
  const scored: { k: string; d: number }[] = [];
  for (const k of known) {
    if (k === name) continue;
    const kl = k.toLowerCase();
    if (kl === lower) {
      scored.push({ k, d: -1 });
      continue;
    }
    if (Math.abs(k.length - name.length) > limit) continue;
    const d = editDistance(lower, kl);
    if (d <= limit) scored.push({ k, d });
  }
  scored.sort((x, y) => x.d - y.d || (x.k < y.k ? -1 : x.k > y.k ? 1 : 0));
  return scored.slice(0, max).map((s) => s.k);
}
