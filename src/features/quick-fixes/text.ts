/** Text helpers of the quick fixes: positions, applying edits, and an edit from two texts. */
import { runeToUtf16Column } from "../../editor/markers.ts";
import { changedSpan } from "../../lib/changed-span.ts";
import type { TextEdit } from "./types.ts";

/** `source` with `edits` applied (edits refer to the original text and must not overlap). */
export function applyEdits(source: string, edits: readonly TextEdit[]): string {
  let out = source;
  for (const e of [...edits].sort((a, b) => b.start - a.start)) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return out;
}

/** The one edit that turns `before` into `after` (their differing middle). */
export function editBetween(before: string, after: string): TextEdit {
  const { start, oldEnd, newEnd } = changedSpan(before, after);
  return { start, end: oldEnd, text: after.slice(start, newEnd) };
}

/** UTF-16 offset of 1-based `line` and rune `column` (clamped to the line). */
export function offsetAt(source: string, line: number, column = 1): number {
  let start = 0;
  for (let l = 1; l < line; l++) {
    const nl = source.indexOf("\n", start);
    if (nl < 0) return source.length;
    start = nl + 1;
  }
  const end = source.indexOf("\n", start);
  return start + runeToUtf16Column(source.slice(start, end < 0 ? source.length : end), column) - 1;
}

/** 1-based line and rune column of a UTF-16 offset. */
export function positionAt(source: string, offset: number): { line: number; column: number } {
  const before = source.slice(0, offset);
  const lineStart = before.lastIndexOf("\n") + 1;
  const line = before.split("\n").length;
  return { line, column: [...before.slice(lineStart)].length + 1 };
}
