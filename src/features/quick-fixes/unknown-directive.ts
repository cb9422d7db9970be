/**
 * Kindling's systemd/Quadlet findings for an unknown directive (`systemd-unknown-directive`,
 * `quadlet-unknown-key`, with `data.suggestions`): replace the name with a suggestion.
 */
import { offsetAt } from "./text.ts";
import type { FixContext, FixProvider, QuickFix } from "./types.ts";

function replaceName(ctx: FixContext): QuickFix[] {
  const f = ctx.target.finding;
  const suggestions = f?.data?.suggestions;
  if (!f || !Array.isArray(suggestions) || f.line === undefined || f.column === undefined) return [];
  const start = offsetAt(ctx.source, f.line, f.column);
  const lineEnd = ctx.source.indexOf("\n", start);
  const end = f.endColumn !== undefined ? offsetAt(ctx.source, f.endLine ?? f.line, f.endColumn) : lineEnd < 0 ? ctx.source.length : lineEnd;
  // The marked text may be the whole `Name=value`: only the name before `=` changes.
  const marked = ctx.source.slice(start, end);
  const word = /^\s*([^=\s]*)/.exec(marked)?.[1];
  if (!word) return [];
  const from = start + marked.indexOf(word);
  return suggestions.slice(0, 3).map((s: string, i: number) => ({
    kind: "edit" as const,
    title: `Did you mean ${s}?`,
    edits: [{ start: from, end: from + word.length, text: s }],
    preferred: i === 0,
  }));
}

export const unknownDirective: FixProvider = { id: "systemd-directive", code: "systemd-unknown-directive", fixes: replaceName };
export const unknownQuadletKey: FixProvider = { id: "quadlet-key", code: "quadlet-unknown-key", fixes: replaceName };
