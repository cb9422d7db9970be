/**
 * Where a position inside a YAML string value stands in the YAML text, so a finding about line 7
 * of a unit's `contents` marks that line of the config. Literal block scalars (`|`) and one-line
 * scalars map exactly; anything else (folded text, escapes, multi-line quoted strings) maps to the
 * scalar's own start, which is still the right node.
 */
import type { YNode } from "../yaml/node.ts";

export interface SourcePos {
  line: number;
  column: number;
}

/** Maps a 1-based line and column (code points) of the scalar's value to the YAML text, or null. */
export type Locate = (line: number, column: number) => SourcePos | null;

/** JS string index of the 1-based code-point column `col` of `s` (the length when past the end). */
function indexOfRune(s: string, col: number): number {
  let i = 0;
  let c = 1;
  for (const ch of s) {
    if (c >= col) return i;
    i += ch.length;
    c++;
  }
  return s.length;
}

const runeCount = (s: string): number => {
  let n = 0;
  for (const _ of s) n++;
  return n;
};

/** A locator for the value of `node` (a scalar) in `srcLines` (the config split on `\n`). */
export function scalarLocator(srcLines: readonly string[], node: YNode): Locate {
  if (node.kind !== "scalar") return () => null;
  const value = node.value;
  if (node.style === "literal") return literalLocator(srcLines, node.line, value);
  if (value.includes("\n") || node.style === "folded") return () => null;
  // One line: the value's text must stand right where the node starts (after a quote).
  const text = srcLines[node.line - 1] ?? "";
  const quote = node.style === "single" || node.style === "double" ? 1 : 0;
  const at = indexOfRune(text, node.column) + quote;
  if (text.slice(at, at + value.length) !== value) return () => null;
  return (line, column) => (line === 1 ? { line: node.line, column: node.column + quote + column - 1 } : null);
}

/** `|` scalars: content line k is the k-th line after the header, less the block's indentation. */
function literalLocator(srcLines: readonly string[], headerLine: number, value: string): Locate {
  const contentLines = value.split("\n");
  // The block's indentation: that of its first non-blank line.
  let indent = -1;
  for (let j = headerLine; j < srcLines.length; j++) {
    const l = srcLines[j] ?? "";
    if (l.trim() === "") continue;
    indent = /^ */.exec(l)?.[0].length ?? 0;
    break;
  }
  const map = new Map<number, number>(); // content line → source line (1-based)
  if (indent > 0) {
    for (let k = 0; k < contentLines.length; k++) {
      const src = srcLines[headerLine + k];
      if (src === undefined) break;
      const want = contentLines[k] ?? "";
      const body = src.endsWith("\r") ? src.slice(0, -1) : src;
      if (want === "" ? body.trim() !== "" : body.slice(indent) !== want || /\S/.test(body.slice(0, indent))) break;
      map.set(k + 1, headerLine + k + 1);
    }
  }
  return (line, column) => {
    const src = map.get(line);
    if (src === undefined) return null;
    const col = indent + column;
    // Stay on the line (an end column may point one past its last character).
    return { line: src, column: Math.min(col, runeCount(srcLines[src - 1] ?? "") + 1) };
  };
}
