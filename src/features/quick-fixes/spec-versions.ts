/** The variant/versions Butane knows, for fixes that move a config to another version. */
import { setVariantVersion } from "../../lib/header-lines.ts";
import { listSpecs, type SpecInfo } from "../../transpiler/versions.ts";
import { editBetween } from "./text.ts";
import type { TextEdit } from "./types.ts";

const specs = listSpecs();

/** Upstream's failures for a variant/version it has no translator for, and for a version that is not semver. */
export const NO_TRANSLATOR = /No translator exists for variant (.*) with version (.*)$/;
export const BAD_SEMVER = /error parsing version; must be a valid semver$/;

/** Every version of `variant`, oldest first (experimental ones last, as the registry lists them). */
export function versionsOf(variant: string): SpecInfo[] {
  return specs.filter((s) => s.variant === variant);
}

export const variants = (): string[] => [...new Set(specs.map((s) => s.variant))];

/** `1.5.0-experimental` → [1, 5, 0]; loose input (`1.5`, `v1.5.0`) is read as far as it goes. */
export function versionParts(version: string): number[] {
  const core = version.replace(/^v/i, "").split(/[-+]/)[0] ?? "";
  return core.split(".").map((p) => (/^\d+$/.test(p) ? Number(p) : NaN));
}

/** The edit that sets the config's `version:` (and `variant:`) lines, or null when `variant:` is not a block key at the top. */
export function switchVersionEdit(source: string, variant: string, version: string): TextEdit | null {
  if (!/^variant[ \t]*:/m.test(source)) return null;
  const next = setVariantVersion(source, variant, version);
  return next === source ? null : editBetween(source, next);
}

/** "Supported fcos versions: 1.0.0, …, 1.7.0 (experimental: 1.8.0-experimental)." */
export function supportedVersionsText(variant: string): string | null {
  const all = versionsOf(variant);
  if (all.length === 0) return null;
  const stable = all.filter((s) => !s.experimental).map((s) => s.version);
  const exp = all.filter((s) => s.experimental).map((s) => s.version);
  return `Supported ${variant} versions: ${stable.join(", ")}${exp.length > 0 ? ` (experimental: ${exp.join(", ")})` : ""}.`;
}
