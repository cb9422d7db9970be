/**
 * Upstream Butane's stderr report text: vcontext's one-line entries (`--raw-errors`) or Butane's
 * pretty, source-annotated form (internal/report). Colors are never emitted.
 */
import type { Diagnostic } from "../types.ts";
import { formatPath } from "../types.ts";
import { isSpace } from "../go/unicode.ts";
import { byteLength, runeLen } from "../go/utf8.ts";

export interface RenderOptions {
  /** `--raw-errors`: one line per entry. */
  raw: boolean;
  /** The Butane source the markers point into. */
  source: string;
  /** Display name of the input: the path as given on the command line, or `<stdin>`. */
  filename: string;
}

function hasMarker(d: Diagnostic): d is Diagnostic & { line: number; column: number } {
  return d.line !== undefined && d.column !== undefined;
}

/** vcontext `Entry.String()`: `KIND at PATH, line L col C: MESSAGE` and its no-path/no-marker variants. */
export function formatEntryRaw(d: Diagnostic): string {
  const path = d.path.length > 0 ? formatPath(d.path) : "";
  const marker = hasMarker(d) ? `line ${d.line} col ${d.column}` : "";
  let at = "";
  if (marker && path) at = ` at ${path}, ${marker}`;
  else if (marker) at = ` at ${marker}`;
  else if (path) at = ` at ${path}`;
  return `${d.severity}${at}: ${d.message}`;
}

/**
 * Number of carets: bytes from byte offset `start` of `line` up to the next Go whitespace rune.
 * An offset inside a multi-byte character skips its continuation bytes (never whitespace).
 */
function caretCount(line: string, start: number): number {
  let offset = 0;
  for (const ch of line) {
    const cp = ch.codePointAt(0)!;
    if (offset >= start && isSpace(cp)) return offset - start;
    offset += runeLen(cp);
  }
  return offset - start;
}

function formatEntryPretty(d: Diagnostic, filename: string, lines: readonly string[]): string {
  if (!hasMarker(d)) return formatEntryRaw(d) + "\n";
  const { line, column: col } = d;
  const text = lines[line - 1];
  if (line < 1 || text === undefined || col < 1 || col > byteLength(text)) return formatEntryRaw(d) + "\n";

  const path = d.path.length > 0 ? `[${formatPath(d.path)}]` : "";
  let out = `${d.severity}${path}:\n`;
  out += `  --> ${filename}:${line}:${col}\n`;
  const first = Math.max(1, line - 2);
  const last = Math.min(lines.length, line + 2);
  const gutter = String(last).length;
  const blank = " ".repeat(gutter);
  out += ` ${blank} |\n`;
  for (let n = first; n <= last; n++) {
    const content = lines[n - 1] ?? "";
    out += ` ${String(n).padStart(gutter, " ")} | ${content}\n`;
    if (n === line) {
      const carets = "^".repeat(caretCount(content, col - 1));
      out += ` ${blank} | ${" ".repeat(col - 1)}${carets} ${d.message}\n`;
    }
  }
  out += ` ${blank} |\n`;
  return out;
}

/** Upstream's stderr report text for the entries (may be ""), before any fatal line. */
export function renderReport(diagnostics: readonly Diagnostic[], opts: RenderOptions): string {
  if (opts.raw) return diagnostics.map((d) => formatEntryRaw(d) + "\n").join("");
  const lines = opts.source.split("\n");
  return diagnostics.map((d) => formatEntryPretty(d, opts.filename, lines)).join("\n");
}
