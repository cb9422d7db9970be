/** A Web Storage in memory for the autosave tests, with a quota (characters of values) like a browser's. */
import type { StorageLike } from "./drafts.ts";

export class MemoryStorage implements StorageLike {
  map = new Map<string, string>();
  quota = Infinity;
  /** Characters written, per key. */
  written = new Map<string, number>();
  get length() {
    return this.map.size;
  }
  key(i: number) {
    return [...this.map.keys()][i] ?? null;
  }
  getItem(k: string) {
    return this.map.get(k) ?? null;
  }
  setItem(k: string, v: string) {
    const used = [...this.map].reduce((n, [key, val]) => n + (key === k ? 0 : val.length), 0);
    if (used + v.length > this.quota) throw new DOMException("full", "QuotaExceededError");
    this.map.set(k, v);
    this.written.set(k, (this.written.get(k) ?? 0) + v.length);
  }
  removeItem(k: string) {
    this.map.delete(k);
  }
}

/** Characters stored (what the quota counts). */
export const used = (local: MemoryStorage) => [...local.map.values()].reduce((n, v) => n + v.length, 0);
