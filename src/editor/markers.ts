/**
 * Pure helpers that turn transpiler positions into editor ranges. Upstream columns count Unicode
 * code points (runes); Monaco columns count UTF-16 code units.
 */
import type { Severity } from "../transpiler/index.ts";

/** 1-based UTF-16 column for a 1-based code point column on `lineText` (clamped to the line end + 1). */
export function runeToUtf16Column(lineText: string, runeColumn: number): number {
  // A whole config can be one line of a megabyte with a squiggle every few bytes: no string
  // iterator, and no counting at all before a column with no surrogate pair in front of it.
  const before = runeColumn > 1 ? Math.min(Math.ceil(runeColumn - 1), lineText.length) : 0;
  if (!SURROGATE.test(lineText.slice(0, before))) return before + 1;
  let i = 0;
  const n = lineText.length;
  for (let runes = 1; runes < runeColumn && i < n; runes++) {
    const c = lineText.charCodeAt(i);
    i += c >= 0xd800 && c <= 0xdbff && i + 1 < n && (lineText.charCodeAt(i + 1) & 0xfc00) === 0xdc00 ? 2 : 1;
  }
  return i + 1;
}

/** 1-based code point column for a 1-based UTF-16 column (the inverse, for the cursor readout). */
export function utf16ToRuneColumn(lineText: string, utf16Column: number): number {
  const prefix = lineText.slice(0, utf16Column - 1);
  // Called on every cursor move, on lines of up to a megabyte: count without making an array.
  if (!SURROGATE.test(prefix)) return prefix.length + 1;
  let runes = 0;
  for (let i = 0; i < prefix.length; i++) {
    const c = prefix.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < prefix.length && (prefix.charCodeAt(i + 1) & 0xfc00) === 0xdc00) i++;
    runes++;
  }
  return runes + 1;
}

const SURROGATE = /[\ud800-\udfff]/;

export interface MarkerSpec {
  severity: Severity;
  message: string;
  line: number;
  startColumn: number;
  endColumn: number;
}

/**
 * The range to underline: from the column to the next whitespace (as upstream's carets), or the
 * whole line when there is no column.
 */
export function markerRange(lineText: string, runeColumn: number | undefined): { startColumn: number; endColumn: number } {
  if (runeColumn === undefined) {
    const first = lineText.search(/\S/);
    return { startColumn: first === -1 ? 1 : first + 1, endColumn: Math.max(lineText.length + 1, 2) };
  }
  const start = runeToUtf16Column(lineText, runeColumn);
  const rest = lineText.slice(start - 1);
  const len = rest.search(/\s/);
  const end = start + (len === -1 ? rest.length : len);
  return { startColumn: start, endColumn: end > start ? end : start + 1 };
}

/**
 * The range of a row with an explicit end on the same line (Kindling's findings mark exactly the
 * key or word they are about); without one, {@link markerRange}.
 */
export function spanRange(lineText: string, runeColumn: number | undefined, runeEndColumn: number | undefined): { startColumn: number; endColumn: number } {
  if (runeColumn === undefined || runeEndColumn === undefined || runeEndColumn <= runeColumn) return markerRange(lineText, runeColumn);
  return { startColumn: runeToUtf16Column(lineText, runeColumn), endColumn: runeToUtf16Column(lineText, runeEndColumn) };
}
