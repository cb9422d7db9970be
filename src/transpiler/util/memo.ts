/**
 * Bounded memo tables for pure functions of a string. The studio transpiles on every keystroke and
 * most of a config is unchanged between two keystrokes, so encodings and parses of unchanged parts
 * are looked up instead of redone. Results are identical with or without a table; least recently
 * used entries are dropped once the total weight passes the bound.
 */

const tables = new Set<Memo<unknown>>();
/** Whether the transpile running now asked for memoization (`TranspileOptions.memoize`). */
let active = false;

/** Runs `run` with the memo tables in use (`on`) or bypassed. */
export function memoizing<T>(on: boolean, run: () => T): T {
  const before = active;
  active = on;
  try {
    return run();
  } finally {
    active = before;
  }
}

export class Memo<V> {
  private readonly entries = new Map<string, { value: V; weight: number }>();
  private held = 0;
  private readonly maxWeight: number;
  private readonly weigh: (key: string, value: V) => number;
  private readonly onDrop: ((value: V) => void) | undefined;
  /** Used even without `memoize` (short keys that repeat within one config). */
  private readonly always: boolean;

  constructor(maxWeight: number, weigh: (key: string, value: V) => number, options: { onDrop?: (value: V) => void; always?: boolean } = {}) {
    this.maxWeight = maxWeight;
    this.weigh = weigh;
    this.onDrop = options.onDrop;
    this.always = options.always === true;
    tables.add(this as Memo<unknown>);
  }

  get(key: string, make: (key: string) => V): V {
    // Looking a long text up costs hashing it: only worth it when the next call will ask again.
    if (!active && !this.always) return make(key);
    const hit = this.entries.get(key);
    if (hit) {
      // Move to the most recently used end.
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit.value;
    }
    const value = make(key);
    const weight = this.weigh(key, value);
    if (weight > this.maxWeight) return value;
    this.entries.set(key, { value, weight });
    this.held += weight;
    for (const [oldKey, old] of this.entries) {
      if (this.held <= this.maxWeight) break;
      this.entries.delete(oldKey);
      this.held -= old.weight;
      this.onDrop?.(old.value);
    }
    return value;
  }

  clear(): void {
    for (const { value } of this.entries.values()) this.onDrop?.(value);
    this.entries.clear();
    this.held = 0;
  }
}

/** Empties every memo table (benchmarks of first-time transpiles; tests). */
export function clearMemos(): void {
  for (const t of tables) t.clear();
}
