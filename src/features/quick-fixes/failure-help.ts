/**
 * Where a failure line points, and what to do about it, where upstream's text says neither: a
 * tab in the indentation (the tab itself, not the token after it) and an unknown variant or
 * version (its line, with the versions Butane has). Kindling's help, shown beside upstream's text.
 */
import type { Problem } from "../../store/problems.ts";
import { BAD_SEMVER, NO_TRANSLATOR, supportedVersionsText, variants, versionsOf } from "./spec-versions.ts";
import { tabFromMessage } from "./tab-position.ts";

export interface FailureHelp {
  line: number;
  column: number;
  hint: string;
}

export const TAB_HINT = "YAML does not allow tabs for indentation: indent with spaces. The tab is marked in the editor.";

/** The 1-based line and rune column of a top-level key's value (`version: 9.9.9` → the 9). */
function topLevelValue(source: string, key: string): { line: number; column: number } | null {
  const lines = source.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const m = new RegExp(`^(["']?${key}["']?[ \\t]*:[ \\t]*)(\\S?)`).exec(lines[i] ?? "");
    if (m) return { line: i + 1, column: [...(m[1] ?? "")].length + 1 };
  }
  return null;
}

/** Help for a failure line, or null when Kindling has none. */
export function failureHelp(source: string, failure: string): FailureHelp | null {
  const tab = tabFromMessage(source, failure);
  if (tab) return { ...tab, hint: TAB_HINT };
  const m = NO_TRANSLATOR.exec(failure);
  if (m || BAD_SEMVER.test(failure)) {
    const variant = m?.[1] ?? /^variant[ \t]*:[ \t]*["']?([^"'\s#]*)/m.exec(source)?.[1] ?? "";
    if (versionsOf(variant).length === 0) {
      const at = topLevelValue(source, "variant");
      return at ? { ...at, hint: `Unknown variant. Supported variants: ${variants().join(", ")}.` } : null;
    }
    const at = topLevelValue(source, "version");
    const list = supportedVersionsText(variant);
    return at && list ? { ...at, hint: list } : null;
  }
  return null;
}

/** `rows` with the failure line placed and explained where Kindling can. */
export function withFailureHelp(rows: readonly Problem[], source: string): Problem[] {
  return rows.map((r) => {
    if (!r.failure) return r;
    const help = failureHelp(source, r.message);
    return help ? { ...r, line: help.line, column: help.column, hint: help.hint } : r;
  });
}
