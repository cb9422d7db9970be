/** Validation of inline child configs under `ignition.config` (merge/replace `inline`). */
import type { Path } from "../types.ts";
import type { VariantSpec } from "../spec/variants.ts";
import type { StageEntry } from "../variants/hooks.ts";

/**
 * Upstream parses the inline JSON as an Ignition config of the output's version and validates it.
 * We check JSON syntax and the version; full validation of the child is done by the caller's
 * Ignition validator when available.
 */
export function validateInlineConfig(inline: string, at: Path, vs: VariantSpec, out: StageEntry[]): void {
  let parsed: unknown;
  try {
    parsed = JSON.parse(inline);
  } catch (e) {
    out.push({ severity: "error", path: [], message: goJsonError(inline, e), space: "yaml" });
    out.push({ severity: "error", path: [...at, "inline"], message: "config is not valid", space: "yaml" });
    return;
  }
  const version = (parsed as { ignition?: { version?: unknown } } | null)?.ignition?.version;
  if (typeof version === "string" && /^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/.test(version) && version !== vs.ignition) {
    out.push({
      severity: "warning",
      path: [...at, "version"],
      message: "skipping validation for the merge/replace ignition config due to an unkown version",
      space: "yaml",
    });
  }
}

/** Approximates Go encoding/json's syntax error text for common cases. */
function goJsonError(text: string, e: unknown): string {
  const msg = e instanceof Error ? e.message : String(e);
  const m = /position (\d+)/.exec(msg);
  if (m) {
    const pos = Number(m[1]);
    const ch = text[pos];
    if (ch !== undefined) return `invalid character '${ch}' looking for beginning of value`;
  }
  return "unexpected end of JSON input";
}
