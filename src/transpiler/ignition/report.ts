/** Collects validation entries in emission order, and carries the spec version being checked. */
import type { IgnEntry, IgnPathElem } from "./types.ts";

/** A path under construction (immutable; `at` returns an extended copy). */
export type IgnPath = readonly IgnPathElem[];

/** Extends a path. */
export function at(path: IgnPath, ...elems: IgnPathElem[]): IgnPath {
  return [...path, ...elems];
}

/** Accumulates entries; `null` messages are ignored (like `AddOnError(c, nil)`). */
export class Report {
  readonly entries: IgnEntry[] = [];
  /** The spec's minor version (3.`minor`); 7 for 3.7.0-experimental. */
  readonly minor: number;

  constructor(minor: number) {
    this.minor = minor;
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
