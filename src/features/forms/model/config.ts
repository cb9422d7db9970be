/**
 * The form model: the config exactly as the YAML text says (read with the `yaml` package), edited
 * immutably by path and written back as minimal text edits. Keys the forms don't know stay in the
 * config object, so they are never dropped.
 */
import { readYaml, writeConfig, type EditPath } from "../../../lib/yaml-edit/yaml-edit.ts";

export type Config = Record<string, unknown>;
export type { EditPath };

export type Loaded = { ok: true; config: Config } | { ok: false; message: string };

let last: { text: string; loaded: Loaded } | null = null;

/**
 * Reads the form model from the YAML text (the root must be a mapping, or empty). The last
 * answer is cached: the view and the edit that follows read the same text. Treat it as immutable.
 */
export function loadConfig(text: string): Loaded {
  if (last?.text === text) return last.loaded;
  const loaded = readConfig(text);
  last = { text, loaded };
  return loaded;
}

function readConfig(text: string): Loaded {
  const r = readYaml(text);
  if (!r.ok) return { ok: false, message: r.message };
  if (r.value === null || r.value === undefined) return { ok: true, config: {} };
  if (typeof r.value !== "object" || Array.isArray(r.value)) return { ok: false, message: "The config is not a mapping of keys to values." };
  return { ok: true, config: r.value as Config };
}

/** The text for `next`: `text` with only the changed values edited (the same text when nothing changed). */
export function saveConfig(text: string, next: Config): string {
  return writeConfig(text, next);
}

export const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** The value at `path`, or undefined. */
export function getIn(v: unknown, path: EditPath): unknown {
  let cur = v;
  for (const k of path) {
    if (typeof k === "number") cur = Array.isArray(cur) ? (cur as unknown[])[k] : undefined;
    else cur = isRecord(cur) ? cur[k] : undefined;
    if (cur === undefined) return undefined;
  }
  return cur;
}

/**
 * A copy of `v` with `path` set to `value`; `undefined` removes the key or list item, and a list or
 * mapping left empty by a removal is removed too (no `users: []` leftovers).
 */
export function setIn<T>(v: T, path: EditPath, value: unknown): T {
  if (path.length === 0) return value as T;
  const [k, ...rest] = path;
  if (typeof k === "number") {
    const arr = Array.isArray(v) ? [...(v as unknown[])] : [];
    const child = rest.length === 0 ? value : setIn(arr[k], rest, value);
    if (child === undefined) arr.splice(k, 1);
    else arr[k] = child;
    return (arr.length === 0 && value === undefined ? undefined : arr) as T;
  }
  const obj: Record<string, unknown> = isRecord(v) ? { ...v } : {};
  const child = rest.length === 0 ? value : setIn(obj[k as string], rest, value);
  if (child === undefined) delete obj[k as string];
  else obj[k as string] = child;
  return (Object.keys(obj).length === 0 && value === undefined ? undefined : obj) as T;
}

/** Appends `item` to the list at `path`. */
export function appendIn<T>(v: T, path: EditPath, item: unknown): T {
  const cur = getIn(v, path);
  return setIn(v, path, [...(Array.isArray(cur) ? cur : []), item]);
}

/** A string list's items (non-strings dropped), for list fields. */
export function stringsAt(v: unknown, path: EditPath): string[] {
  const a = getIn(v, path);
  return Array.isArray(a) ? a.filter((x): x is string => typeof x === "string") : [];
}

/** Records of a list (for lists of structs); non-records become empty records so indexes stay aligned. */
export function recordsAt(v: unknown, path: EditPath): Record<string, unknown>[] {
  const a = getIn(v, path);
  return Array.isArray(a) ? a.map((x) => (isRecord(x) ? x : {})) : [];
}

/** `$.passwd.users.0.name`-style key of a path, as diagnostics print it. */
export const pathKey = (path: EditPath): string => ["$", ...path.map(String)].join(".");
