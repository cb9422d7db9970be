/**
 * Types shared by the Ignition validation modules.
 *
 * An Ignition config is handled as the plain JSON-like object it serializes to (camelCase keys).
 * Go semantics are encoded by key presence: an absent key (or `null`) is a nil pointer, an empty
 * slice or an empty omitempty string; a present key is a set value, even when it is `""`, `false`
 * or `0`.
 */

/** Ignition spec versions Butane can emit. */
export type IgnitionVersion =
  | "3.0.0"
  | "3.1.0"
  | "3.2.0"
  | "3.3.0"
  | "3.4.0"
  | "3.5.0"
  | "3.6.0"
  | "3.7.0-experimental";

/** A JSON object of an Ignition config (any level); values are JSON values. */
export type IgnObject = { [key: string]: unknown };

/** A generated Ignition config, as it will be serialized to JSON. */
export type IgnitionConfig = IgnObject;

/** One element of an Ignition JSON path: a camelCase key or a list index. */
export type IgnPathElem = string | number;

/** A validation report entry, with its path in Ignition (camelCase JSON) key space. */
export interface IgnEntry {
  severity: "error" | "warning";
  path: IgnPathElem[];
  message: string;
}

/** Every Ignition version, oldest first. */
export const IGNITION_VERSIONS: readonly IgnitionVersion[] = [
  "3.0.0",
  "3.1.0",
  "3.2.0",
  "3.3.0",
  "3.4.0",
  "3.5.0",
  "3.6.0",
  "3.7.0-experimental",
];

/** The minor number of a 3.x spec version (0 for 3.0.0 … 7 for 3.7.0-experimental). */
export function specMinor(version: IgnitionVersion): number {
  const minor = Number(version.split(".")[1]);
  return Number.isInteger(minor) ? minor : 0;
}
