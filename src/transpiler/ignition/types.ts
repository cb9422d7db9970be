/**
 * Types shared by the Ignition validation modules.
 *
 * An Ignition config is handled as the plain JSON-like object it serializes to (camelCase keys).
 * Go semantics are encoded by key presence: an absent key (or `null`) is a nil pointer, an empty
 * slice or an empty omitempty string; a present key is a set value, even when it is `""`, `false`
 * or `0`.
 */

import type { IgnitionVersion } from "../spec/ignition.ts";

export type { IgnitionVersion };
export { IGNITION_VERSIONS, ignitionMinor as specMinor } from "../spec/ignition.ts";

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
