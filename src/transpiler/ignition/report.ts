/** Collects validation entries in emission order, and carries the spec version being checked. */
import type { IgnEntry, IgnPathElem } from "./types.ts";
import type { IgnitionFeatures } from "../spec/ignition.ts";

/** A path under construction (immutable; `at` returns an extended copy). */
export type IgnPath = readonly IgnPathElem[];

/** Extends a path. */
export function at(path: IgnPath, ...elems: IgnPathElem[]): IgnPath {
  return [...path, ...elems];
}

/** Accumulates entries; `null` messages are ignored (like `AddOnError(c, nil)`). */
export class Report {
  readonly entries: IgnEntry[] = [];
  /** What the spec version being checked has. */
  readonly has: Readonly<IgnitionFeatures>;

  constructor(has: Readonly<IgnitionFeatures>) {
    this.has = has;
  }

  /** Adds an error entry when `message` is non-null. */
  error(path: IgnPath, message: string | null): void {
    if (message !== null) this.entries.push({ severity: "error", path: [...path], message });
  }

  /** Adds a warning entry when `message` is non-null. */
  warn(path: IgnPath, message: string | null): void {
    if (message !== null) this.entries.push({ severity: "warning", path: [...path], message });
  }
}
