/**
 * "The same machine": two Ignition configs compared the way the conformance corpus compares
 * outputs. Data URLs are decoded (gunzipped when `compression` is gzip) and compared as bytes, so
 * a different encoding or compression choice is equal; `compression` then no longer matters.
 * Unset values (`null`), empty lists and empty objects are the same as absent. Everything else —
 * keys, values, list order — must match.
 */
import { dataUrlBytes } from "./contents.ts";
import { isObj } from "./types.ts";

/** A canonical form of an Ignition config (or any part of one) for comparison. */
export function canonical(v: unknown): unknown {
  if (Array.isArray(v)) {
    const items = v.map(canonical);
    return items;
  }
  if (v instanceof Uint8Array) return v;
  if (isObj(v)) {
    const out: Record<string, unknown> = {};
    let data: Uint8Array | undefined;
    if (typeof v.source === "string" && /^data:/i.test(v.source)) {
      const bytes = dataUrlBytes(v.source, v.compression);
      if (bytes !== null) data = bytes;
    }
    for (const k of Object.keys(v).sort()) {
      const c = v[k];
      if (c === null || c === undefined) continue;
      if (data !== undefined && k === "source") {
        out.source = { data };
        continue;
      }
      if (data !== undefined && k === "compression" && (c === "" || c === "gzip")) continue;
      const n = canonical(c);
      if (Array.isArray(n) && n.length === 0) continue;
      if (isObj(n) && Object.keys(n).length === 0) continue;
      out[k] = n;
    }
    return out;
  }
  return v;
}

/** Whether two Ignition configs describe the same machine (see the module comment). */
export function sameConfig(a: unknown, b: unknown): boolean {
  return firstDifference(a, b) === null;
}

/** The path of the first difference between two configs (canonical forms), or null. */
export function firstDifference(a: unknown, b: unknown): string | null {
  return diff(canonical(a), canonical(b), "");
}

function diff(a: unknown, b: unknown, at: string): string | null {
  if (a instanceof Uint8Array || b instanceof Uint8Array) {
    if (!(a instanceof Uint8Array) || !(b instanceof Uint8Array) || a.length !== b.length) return at || "$";
    for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return at || "$";
    return null;
  }
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b)) return at || "$";
    if (a.length !== b.length) return `${at}.length`;
    for (let i = 0; i < a.length; i++) {
      const d = diff(a[i], b[i], `${at}[${i}]`);
      if (d) return d;
    }
    return null;
  }
  if (isObj(a) || isObj(b)) {
    if (!isObj(a) || !isObj(b)) return at || "$";
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const k of keys) {
      const d = diff(a[k], b[k], at ? `${at}.${k}` : k);
      if (d) return d;
    }
    return null;
  }
  return a === b ? null : at || "$";
}
