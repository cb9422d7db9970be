/**
 * Defensive readers for untrusted Ignition-shaped data. Every preview derives from `unknown`
 * (the transpiler's output, or garbage while the user types), so nothing here ever throws.
 */

export type Rec = Record<string, unknown>;

/** True for a plain non-array object. */
export function isRecord(v: unknown): v is Rec {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** `obj[key]` when obj is a record, else undefined. */
export function field(obj: unknown, key: string): unknown {
  if (!isRecord(obj)) return undefined;
  // Own properties only: a key like "constructor" must not reach Object.prototype.
  return Object.prototype.hasOwnProperty.call(obj, key) ? obj[key] : undefined;
}

/** A string field, or null when absent or not a string. */
export function str(obj: unknown, key: string): string | null {
  const v = field(obj, key);
  return typeof v === "string" ? v : null;
}

/** A non-empty string field, or null. */
export function nonEmptyStr(obj: unknown, key: string): string | null {
  const v = str(obj, key);
  return v !== null && v !== "" ? v : null;
}

/** A finite number field, or null. */
export function num(obj: unknown, key: string): number | null {
  const v = field(obj, key);
  return typeof v === "number" && Number.isFinite(v) ? v : null;
}

/** A non-negative integer field, or null. */
export function uint(obj: unknown, key: string): number | null {
  const v = num(obj, key);
  return v !== null && Number.isInteger(v) && v >= 0 ? v : null;
}

/** A boolean field, or null when absent or not a boolean. */
export function bool(obj: unknown, key: string): boolean | null {
  const v = field(obj, key);
  return typeof v === "boolean" ? v : null;
}

/** An array field, or an empty array. */
export function arr(obj: unknown, key: string): readonly unknown[] {
  const v = field(obj, key);
  return Array.isArray(v) ? v : [];
}

/** The records of an array field; non-record items are dropped. */
export function records(obj: unknown, key: string): Rec[] {
  return arr(obj, key).filter(isRecord);
}

/** The strings of an array field; other items are dropped. */
export function strings(obj: unknown, key: string): string[] {
  return arr(obj, key).filter((x): x is string => typeof x === "string");
}

/**
 * The Ignition config inside `config`: the object itself, or `spec.config` of an OpenShift
 * MachineConfig (what the transpiler returns for the openshift variant without `raw`).
 */
export function ignitionOf(config: unknown): Rec | null {
  if (!isRecord(config)) return null;
  if (field(config, "kind") === "MachineConfig") {
    const inner = field(field(config, "spec"), "config");
    return isRecord(inner) ? inner : null;
  }
  return config;
}

/**
 * Runs a derive function, returning `fallback` if it throws. Derivations are written not to
 * throw; this only guards against hostile objects (throwing getters, proxies) reaching the UI.
 */
export function safely<T>(fn: () => T, fallback: T): T {
  try {
    return fn();
  } catch {
    return fallback;
  }
}

/** `n` with thousands separators, locale-independent so tests are stable. */
export function groupDigits(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

/** A byte count for people: `512 B`, `1.5 KiB`, `2 MiB`. */
export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  const units = ["KiB", "MiB", "GiB", "TiB"];
  let v = n;
  let i = -1;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  const rounded = v >= 100 ? Math.round(v) : Math.round(v * 10) / 10;
  return `${rounded} ${units[i] ?? "B"}`;
}

/** A size in MiB for people: `127 MiB`, `8 GiB`, `1.5 TiB`. */
export function formatMiB(mib: number): string {
  if (mib < 1024) return `${groupDigits(mib)} MiB`;
  const gib = mib / 1024;
  if (gib < 1024) return `${Math.round(gib * 10) / 10} GiB`;
  return `${Math.round((gib / 1024) * 10) / 10} TiB`;
}
