/** Edit distance for did-you-mean suggestions (optimal string alignment: a swap of two letters costs 1). */

export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  const m = a.length;
  const n = b.length;
  let prev2: number[] = [];
  let prev: number[] = Array.from({ length: n + 1 }, (_, j) => j);
  for (let i = 1; i <= m; i++) {
    const cur: number[] = [i];
    for (let j = 1; j <= n; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, (prev2[j - 2] ?? 0) + 1);
      cur.push(d);
    }
    prev2 = prev;
    prev = cur;
  }
  return prev[n] ?? 0;
}

/** Keys compared without case and separators: `sshAuthorizedKeys` and `ssh_authorized_keys` are one. */
const loose = (s: string) => s.toLowerCase().replace(/[_-]/g, "");

/**
 * The candidates nearest to `word`, best first: same letters but for case/underscores (distance
 * 0), then by edit distance up to a bound that grows with the word's length.
 */
export function nearest(word: string, candidates: Iterable<string>, max = 3): string[] {
  const bound = word.length <= 3 ? 1 : word.length <= 6 ? 2 : 3;
  const scored: [string, number][] = [];
  for (const c of new Set(candidates)) {
    if (c === word) continue;
    const d = loose(c) === loose(word) ? 0 : Math.min(editDistance(word, c), editDistance(loose(word), loose(c)) + 0.5);
    if (d <= bound) scored.push([c, d]);
  }
  scored.sort((x, y) => x[1] - y[1] || (x[0] < y[0] ? -1 : 1));
  return scored.slice(0, max).map(([c]) => c);
}
