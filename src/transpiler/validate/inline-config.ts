/** Validation of inline child configs under `ignition.config` (merge/replace `inline`), as upstream does it. */
import type { Path } from "../types.ts";
import type { VariantSpec } from "../spec/variants.ts";
import type { StageEntry } from "../variants/hooks.ts";
import { syntaxError, unmarshal } from "../go/json.ts";
import { parseSemver, semverEqual } from "../go/semver.ts";
import { validateIgnitionChild } from "../ignition/validate.ts";

/**
 * Parses the child as an Ignition config of the output's version. A syntax error gives Go's
 * message and `config is not valid`; a parseable but different version is skipped with a
 * warning; otherwise the child is fully validated, its entries keeping the child's own paths.
 */
export function validateInlineConfig(inline: string, at: Path, vs: VariantSpec, out: StageEntry[]): void {
  const syntax = syntaxError(inline);
  if (syntax) {
    out.push({ severity: "error", path: [], message: syntax, space: "yaml" });
    out.push({ severity: "error", path: [...at, "inline"], message: "config is not valid", space: "yaml" });
    return;
  }
  const child = unmarshal(inline);
  if (child === null || typeof child !== "object" || Array.isArray(child)) return;
  const ign = (child as { ignition?: unknown }).ignition;
  const version = ign && typeof ign === "object" ? (ign as { version?: unknown }).version : undefined;
  // Ignition's own check: a version go-semver parses but that is not this spec's is "unknown".
  const parsed = typeof version === "string" ? parseSemver(version) : null;
  const own = parseSemver(vs.ignition);
  if (parsed !== null && own !== null && !semverEqual(parsed, own)) {
    out.push({
      severity: "warning",
      path: [...at, "version"],
      message: "skipping validation for the merge/replace ignition config due to an unkown version",
      space: "yaml",
    });
    return;
  }
  for (const e of validateIgnitionChild(child as Record<string, unknown>, vs.ignition)) {
    out.push({ severity: e.severity, path: e.path, message: e.message, space: "yaml" });
  }
}
