/**
 * Where yaml.v3's tab errors point: its message names a line at or above the tab (the start of
 * the block it was reading), never the tab. A text scan, cheap enough for every result.
 */

/** yaml.v3's messages for a tab where indentation is read. */
export const TAB_MESSAGE = /yaml: line (\d+): (found character that cannot start any token|found a tab character)/;

/**
 * Line and rune column of the first tab in the indentation of the message's line, or of a line
 * below it for the "found a tab character" messages; null when the failure is not about a tab.
 */
export function tabFromMessage(source: string, failure: string): { line: number; column: number } | null {
  const m = TAB_MESSAGE.exec(failure);
  if (!m) return null;
  const lines = source.split("\n");
  const anyBelow = m[2] === "found a tab character";
  for (let i = Number(m[1]) - 1; i < lines.length; i++) {
    const lead = /^[ \t]*/.exec(lines[i] ?? "")?.[0] ?? "";
    const tab = lead.indexOf("\t");
    if (tab >= 0) return { line: i + 1, column: tab + 1 };
    if (!anyBelow) break;
  }
  return null;
}
