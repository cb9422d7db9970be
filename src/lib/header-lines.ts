/**
 * Rewrites the top-level `variant:` and `version:` lines of a Butane config as text (no parsing):
 * the rest of the document, comments included, stays byte for byte.
 */

const lineRe = (key: string) => new RegExp(`^${key}[ \\t]*:[^\\n#]*?([ \\t]+#[^\\n]*)?$`, "m");

function setKey(source: string, key: string, value: string, after: RegExp | null): string {
  const re = lineRe(key);
  const m = re.exec(source);
  if (m) return source.slice(0, m.index) + `${key}: ${value}${m[1] ?? ""}` + source.slice(m.index + m[0].length);
  // Missing: insert after the anchor line if there is one, else at the top (after comments and `---`).
  const anchor = after?.exec(source);
  const lead = /^(?:(?:#[^\n]*|---[ \t]*|[ \t]*)\n)*/.exec(source);
  const at = Math.min(anchor ? anchor.index + anchor[0].length + 1 : (lead?.[0].length ?? 0), source.length);
  const prefix = at > 0 && source[at - 1] !== "\n" ? "\n" : "";
  return source.slice(0, at) + prefix + `${key}: ${value}\n` + source.slice(at);
}

/** `source` with `variant: <variant>` and `version: <version>` set. */
export function setVariantVersion(source: string, variant: string, version: string): string {
  const withVariant = setKey(source, "variant", variant, null);
  return setKey(withVariant, "version", version, lineRe("variant"));
}
