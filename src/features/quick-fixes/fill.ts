/** Writing a filled-in value (a password hash, a pasted key) where a placeholder was. */
import { setEdit } from "../../lib/yaml-edit/yaml-edit.ts";
import type { FillTarget, FillWhat, TextEdit } from "./types.ts";

const PEM_LINE = /^-----(BEGIN|END) [A-Z0-9 ]*-----$/;

/** The text to write for `what`: keys trimmed; a private key's body without its BEGIN/END lines (they stay in the config). */
export function normalizeFill(what: FillWhat, value: string): string {
  const v = value.replace(/\r\n?/g, "\n").trim();
  if (what === "private-key")
    return v
      .split("\n")
      .filter((l) => !PEM_LINE.test(l.trim()))
      .join("\n");
  if (what === "ssh-key" || what === "password-hash") return v.replace(/\s*\n\s*/g, " ");
  return v;
}

/** The edits that write `value` at `target` (null when the config no longer has that place). */
export function fillEdits(source: string, target: FillTarget, what: FillWhat, value: string): TextEdit[] | null {
  const text = normalizeFill(what, value);
  if (target.kind === "value") {
    const e = setEdit(source, target.path as (string | number)[], text);
    return e ? [e] : null;
  }
  // The text changed since the fix was offered: the place is gone (or moved).
  if (source.slice(target.start, target.end) !== target.was) return null;
  return [{ start: target.start, end: target.end, text: text.split("\n").join("\n" + target.indent) }];
}
