/**
 * Tabs in indentation: YAML forbids them, and yaml.v3's message ("found character that cannot
 * start any token") neither names the tab nor points at it. Finds the offending tab, and offers
 * to indent the lines the parser rejects with spaces instead.
 */
import { transpile } from "../../transpiler/pipeline.ts";
import { parseYaml } from "../../transpiler/yaml/parse.ts";
import { TAB_MESSAGE } from "./tab-position.ts";
import { offsetAt } from "./text.ts";
import type { FixProvider, TextEdit } from "./types.ts";

/** Line and rune column of the tab the parser stopped at, or null when the error is not about a tab. */
export function offendingTab(source: string): { line: number; column: number } | null {
  const r = parseYaml(source, { duplicateKeys: "none" });
  if (r.ok || !TAB_MESSAGE.test(r.message) || r.line === undefined) return null;
  const lines = source.split("\n");
  const at = lines[r.line - 1];
  if (at !== undefined && r.column !== undefined && [...at][r.column - 1] === "\t") return { line: r.line, column: r.column };
  // Otherwise the first tab in the indentation of that line or one below it.
  for (let i = r.line - 1; i < lines.length; i++) {
    const lead = /^[ \t]*/.exec(lines[i] ?? "")?.[0] ?? "";
    const tab = lead.indexOf("\t");
    if (tab >= 0) return { line: i + 1, column: tab + 1 };
    if (!/found a tab character/.test(r.message)) break;
  }
  return null;
}

/** The indentation of a line with tabs expanded to stops every `width` columns. */
function expand(lead: string, width: number): string {
  let col = 0;
  for (const ch of lead) col = ch === "\t" ? (Math.floor(col / width) + 1) * width : col + 1;
  return " ".repeat(col);
}

/** The document's own indentation step: the smallest indentation of a space-indented line (2 when none). */
function indentStep(source: string): number {
  let step = Infinity;
  for (const m of source.matchAll(/^( +)\S/gm)) step = Math.min(step, m[1]?.length ?? Infinity);
  return Number.isFinite(step) && step <= 8 ? step : 2;
}

/**
 * Indents, line by line, each line the parser rejects for a tab with spaces (tab stops every
 * `width` columns) until it parses; lines the parser accepts (a tab inside a block of file
 * contents) stay as they are. Null when something other than a tab stops the parser.
 */
function untab(source: string, width: number): { text: string; edits: TextEdit[] } | null {
  let text = source;
  const lines = new Set<number>();
  for (let guard = 0; guard < 10_000; guard++) {
    const tab = offendingTab(text);
    if (!tab) break;
    if (lines.has(tab.line)) return null;
    lines.add(tab.line);
    const start = offsetAt(text, tab.line, 1);
    const lead = /^[ \t]*/.exec(text.slice(start))?.[0] ?? "";
    text = text.slice(0, start) + expand(lead, width) + text.slice(start + lead.length);
  }
  if (lines.size === 0 || !parseYaml(text, { duplicateKeys: "none" }).ok) return null;
  // One edit per changed line, against the original text.
  const edits = [...lines].map((line) => {
    const start = offsetAt(source, line, 1);
    const lead = /^[ \t]*/.exec(source.slice(start))?.[0] ?? "";
    const after = offsetAt(text, line, 1);
    const newLead = /^ */.exec(text.slice(after))?.[0] ?? "";
    return { start, end: start + lead.length, text: newLead };
  });
  return { text, edits };
}

/** How bad a candidate text is: a failure outweighs errors, which outweigh warnings. */
function badness(text: string): number {
  const r = transpile(text);
  if (r.failure !== undefined && r.output === null && !r.diagnostics.some((d) => d.severity === "error")) return 1e6;
  return r.diagnostics.reduce((n, d) => n + (d.severity === "error" ? 1000 : 1), 0);
}

export const tabsToSpaces: FixProvider = {
  id: "tabs",
  message: TAB_MESSAGE,
  fixes({ source }) {
    // The tab width the user's editor had is unknown: try the common ones and keep the config
    // that reads best (the document's own step first, so ties keep its style).
    const widths = [...new Set([indentStep(source), 2, 4, 8])];
    let best: { edits: TextEdit[]; score: number } | null = null;
    for (const w of widths) {
      const c = untab(source, w);
      if (!c) continue;
      const score = badness(c.text);
      if (!best || score < best.score) best = { edits: c.edits, score };
    }
    if (!best) return [];
    const n = best.edits.length;
    return [{ kind: "edit", title: `Indent with spaces instead of tabs (${n} ${n === 1 ? "line" : "lines"})`, edits: best.edits, preferred: true }];
  },
};
