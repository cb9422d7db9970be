/**
 * Typed reads from the loose Ignition JSON object. Absent keys and `null` both mean "nil"
 * (Go zero value); a present key is a set value.
 */
import type { IgnObject } from "./types.ts";

/** Whether a value is a JSON object (not an array, not null). */
export function isObject(v: unknown): v is IgnObject {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** The object under `key`, or an empty object when absent (a Go zero-value struct). */
export function objAt(o: IgnObject | undefined, key: string): IgnObject {
  const v = o?.[key];
  return isObject(v) ? v : {};
}

/** The object under `key`, or undefined when absent (a nil pointer to a struct). */
export function optObjAt(o: IgnObject | undefined, key: string): IgnObject | undefined {
  const v = o?.[key];
  return isObject(v) ? v : undefined;
}

/** The list under `key`, or an empty list when absent. */
export function listAt(o: IgnObject | undefined, key: string): unknown[] {
  const v = o?.[key];
  return Array.isArray(v) ? v : [];
}

/** The list under `key` with non-object elements replaced by empty objects. */
export function objListAt(o: IgnObject | undefined, key: string): IgnObject[] {
  return listAt(o, key).map((v) => (isObject(v) ? v : {}));
}

/** The string under `key`, or undefined when absent (nil `*string`). */
export function strAt(o: IgnObject | undefined, key: string): string | undefined {
  const v = o?.[key];
  return typeof v === "string" ? v : undefined;
}

/** The string under `key`, or `""` when absent (a plain Go `string`). */
export function plainStrAt(o: IgnObject | undefined, key: string): string {
  return strAt(o, key) ?? "";
}

/** The boolean under `key`, or undefined when absent (nil `*bool`). */
export function boolAt(o: IgnObject | undefined, key: string): boolean | undefined {
  const v = o?.[key];
  return typeof v === "boolean" ? v : undefined;
}

/** A Go int as a number (a decoded int beyond ±2^53 is a bigint), or undefined when it is no int. */
export function intNumber(v: unknown): number | undefined {
  if (typeof v === "number") return v;
  return typeof v === "bigint" ? Number(v) : undefined;
}

/** The number under `key`, or undefined when absent (nil `*int`). */
export function intAt(o: IgnObject | undefined, key: string): number | undefined {
  return intNumber(o?.[key]);
}

/** Go `util.IsTrue`: set and true. */
export function isTrue(b: boolean | undefined): boolean {
  return b === true;
}

/** Go `util.IsFalse`: set and false. */
export function isFalse(b: boolean | undefined): boolean {
  return b === false;
}

/** Go `util.NilOrEmpty` for `*string`. */
export function nilOrEmpty(s: string | undefined): boolean {
  return s === undefined || s === "";
}

/** Go `util.NotEmpty` for `*string`. */
export function notEmpty(s: string | undefined): s is string {
  return s !== undefined && s !== "";
}

/** Turns a list element into the string Go would see for a `[]string`-like field. */
export function listItemString(v: unknown): string {
  if (typeof v === "string") return v;
  if (v === null || v === undefined) return "";
  return String(v);
}
