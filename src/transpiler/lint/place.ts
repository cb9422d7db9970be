/** Where a finding about part of a string value goes: the exact span when it maps, else the value's start. */
import type { Finding } from "./finding.ts";
import type { Path } from "../types.ts";
import type { Locate, SourcePos } from "./scalar-position.ts";

export type Placement = Pick<Finding, "path" | "line" | "column" | "endLine" | "endColumn">;

/** `length` code points from `line`:`column` of the value, located with `locate`. */
export function placeIn(path: Path, locate: Locate, fallback: SourcePos | null, line: number, column: number, length: number): Placement {
  const start = locate(line, column);
  if (start) {
    const end = locate(line, column + length);
    return { path, line: start.line, column: start.column, ...(end && end.line === start.line ? { endLine: end.line, endColumn: end.column } : {}) };
  }
  return placeAt(path, fallback);
}

/** The start of a node (or nothing when it has no position). */
export function placeAt(path: Path, at: SourcePos | null): Placement {
  return at ? { path, line: at.line, column: at.column } : { path };
}
