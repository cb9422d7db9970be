/**
 * `No translator exists for variant X with version Y` (and an unparsable version): offers the
 * nearest versions Butane has for the variant, or the variant that has that version.
 */
import { nearest } from "./edit-distance.ts";
import { BAD_SEMVER, NO_TRANSLATOR, switchVersionEdit, variants, versionParts, versionsOf } from "./spec-versions.ts";
import type { FixContext, FixProvider, QuickFix } from "./types.ts";
import { valueAt } from "./yaml-read.ts";

/** How far apart two versions are, compared part by part (major first). */
function distance(a: number[], b: number[]): number {
  let d = 0;
  for (let i = 0; i < 3; i++) d = d * 1000 + Math.min(999, Math.abs((a[i] ?? 0) - (b[i] ?? 0) || 0));
  return d;
}

/**
 * Versions of `variant` to offer for `wanted`, best first: the newest stable one not after it
 * (or the oldest after it), then the nearest others.
 */
export function nearestVersions(variant: string, wanted: string): string[] {
  const all = versionsOf(variant);
  const w = versionParts(wanted).map((n) => (Number.isNaN(n) ? 0 : n));
  const cmp = (v: string) => {
    const p = versionParts(v);
    for (let i = 0; i < 3; i++) if ((p[i] ?? 0) !== (w[i] ?? 0)) return (p[i] ?? 0) - (w[i] ?? 0);
    return 0;
  };
  const stable = all.filter((s) => !s.experimental);
  const notAfter = stable.filter((s) => cmp(s.version) <= 0).pop();
  const first = notAfter ?? stable[0] ?? all[0];
  const rest = all.filter((s) => s !== first).sort((a, b) => distance(versionParts(a.version), w) - distance(versionParts(b.version), w));
  return [first, ...rest].flatMap((s) => (s ? [s.version] : [])).slice(0, 3);
}

function fix(ctx: FixContext, variant: string, version: string, preferred: boolean, title: string): QuickFix[] {
  const edit = switchVersionEdit(ctx.source, variant, version);
  return edit ? [{ kind: "edit", title, edits: [edit], preferred }] : [];
}

export const unknownVersion: FixProvider = {
  id: "unknown-version",
  message: new RegExp(`${NO_TRANSLATOR.source}|${BAD_SEMVER.source}`),
  fixes(ctx) {
    const m = NO_TRANSLATOR.exec(ctx.target.message);
    const variant = m?.[1] ?? (typeof valueAt(ctx.source, ["variant"]) === "string" ? String(valueAt(ctx.source, ["variant"])) : "");
    const version = m?.[2] ?? String(valueAt(ctx.source, ["version"]) ?? "");
    if (versionsOf(variant).length > 0) {
      const out = nearestVersions(variant, version).flatMap((v, i) => fix(ctx, variant, v, i === 0, `Use ${variant} ${v}`));
      // An OpenShift version under variant fcos, and the like.
      for (const other of variants()) {
        if (other !== variant && versionsOf(other).some((s) => s.version === version)) {
          out.push(...fix(ctx, other, version, false, `Use variant ${other} (${other} ${version})`));
        }
      }
      return out;
    }
    // An unknown variant: the nearest names (FCOS, fedora-coreos…), at that version or their newest stable one.
    const names = nearest(variant, variants());
    if (/^f(edora)?[-_ ]?core[-_ ]?os$/i.test(variant) && !names.includes("fcos")) names.unshift("fcos");
    return names.flatMap((v, i) => {
      const has = versionsOf(v).some((s) => s.version === version);
      const target = has ? version : (nearestVersions(v, version)[0] ?? "");
      return target ? fix(ctx, v, target, i === 0, `Use variant ${v} (${v} ${target})`) : [];
    });
  },
};
