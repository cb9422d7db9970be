/**
 * Provenance of generated Ignition nodes: every output object/array remembers the Butane YAML
 * path it came from, and so does every leaf (by key or index, on its parent). Provenance
 * travels with the objects through sugar merges and reordering; the translation set (output
 * JSON path → YAML path) is read off the final tree.
 */
import type { Path } from "../types.ts";

interface Origin {
  self?: Path;
  keys: Map<string, Path>;
}

export type Obj = Record<string, unknown>;

export class Provenance {
  private readonly origins = new WeakMap<object, Origin>();

  private get(o: object): Origin {
    let r = this.origins.get(o);
    if (!r) {
      r = { keys: new Map() };
      this.origins.set(o, r);
    }
    return r;
  }

  /** Records that container `o` came from `from`. Returns `o`. */
  mark<T extends object>(o: T, from: Path): T {
    this.get(o).self = from;
    return o;
  }

  /** Records that `o[key]` came from `from`. */
  markKey(o: object, key: string | number, from: Path): void {
    this.get(o).keys.set(String(key), from);
  }

  /** Sets `o[key] = value` and records where it came from (containers are marked too unless already). */
  set(o: Obj, key: string, value: unknown, from: Path): void {
    o[key] = value;
    this.markKey(o, key, from);
    if (value !== null && typeof value === "object" && !this.origins.get(value)?.self) this.mark(value, from);
  }

  selfOf(o: object): Path | undefined {
    return this.origins.get(o)?.self;
  }

  keyOf(o: object, key: string | number): Path | undefined {
    return this.origins.get(o)?.keys.get(String(key));
  }

  /** Copies provenance of `src[srcKey]` to `dst[dstKey]`. */
  copyKey(src: object, srcKey: string | number, dst: object, dstKey: string | number): void {
    const p = this.keyOf(src, srcKey);
    if (p) this.markKey(dst, dstKey, p);
  }

  /** The translation set: output JSON path (joined with \u0000) → YAML path. */
  translationSet(root: Obj, prefix: Path = []): Map<string, Path> {
    const out = new Map<string, Path>();
    const walk = (node: unknown, path: Path, depth: number) => {
      if (node === null || typeof node !== "object" || depth > 100) return;
      const self = this.selfOf(node);
      if (self) out.set(pathKey(path), self);
      const entries: [string | number, unknown][] = Array.isArray(node) ? node.map((v, i) => [i, v] as [number, unknown]) : Object.entries(node as Obj);
      for (const [k, v] of entries) {
        const child = [...path, k];
        const from = this.keyOf(node, k);
        if (from) out.set(pathKey(child), from);
        walk(v, child, depth + 1);
      }
    };
    walk(root, prefix, 0);
    return out;
  }
}

export function pathKey(p: Path): string {
  return p.map(String).join("\u0000");
}
