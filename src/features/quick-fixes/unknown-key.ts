/**
 * `unused key X`: did you mean a key that is valid at that position for the config's
 * variant/version (nearest by edit distance), or a key that only a newer version of the variant
 * has ("needs fcos ≥ 1.5.0", with a switch-version fix)?
 */
import { isMap, isNode, isScalar, visit } from "yaml";
import { deleteEdit, renameKeyEdit } from "../../lib/yaml-edit/yaml-edit.ts";
import { transpile } from "../../transpiler/pipeline.ts";
import { formatPath, type Path } from "../../transpiler/types.ts";
import { lookupSpec, type VariantSpec } from "../../transpiler/spec/variants.ts";
import { structAt } from "../forms/model/spec-walk.ts";
import { nearest } from "./edit-distance.ts";
import { switchVersionEdit, versionsOf } from "./spec-versions.ts";
import { applyEdits } from "./text.ts";
import type { FixContext, FixProvider, QuickFix, TextEdit } from "./types.ts";
import { nodeAt, parse } from "./yaml-read.ts";

/** Field keys of the struct at `path` in `spec`, or none when the path is not a struct there. */
export function keysAt(spec: VariantSpec, path: Path): string[] {
  const s = structAt(spec, path as (string | number)[]);
  return s ? s.fields.map((f) => f.key) : [];
}

/** Versions of the variant after `version` that have `key` at `parent`, oldest first, stable ones before experimental ones. */
export function versionsWithKey(variant: string, version: string, parent: Path, key: string): string[] {
  const all = versionsOf(variant);
  const later = all.slice(all.findIndex((s) => s.version === version) + 1).filter((s) => {
    const vs = lookupSpec(variant, s.version);
    return vs !== undefined && keysAt(vs, parent).includes(key);
  });
  return [...later.filter((s) => !s.experimental), ...later.filter((s) => s.experimental)].map((s) => s.version);
}

function errorsOf(text: string, options: FixContext["options"]): Set<string> {
  const r = transpile(text, options);
  const errors = new Set(r.diagnostics.filter((d) => d.severity === "error").map((d) => `${formatPath(d.path)} ${d.message}`));
  if (r.failure !== undefined && !r.diagnostics.some((d) => d.severity === "error")) errors.add(r.failure);
  return errors;
}

/** The config's own errors, kept for the next row of the same config (each asks for them). */
let baseline: { text: string; options: FixContext["options"]; errors: Set<string> } | null = null;

function baselineErrors(text: string, options: FixContext["options"]): Set<string> {
  if (baseline?.text !== text || baseline.options !== options) baseline = { text, options, errors: errorsOf(text, options) };
  return baseline.errors;
}

/**
 * The oldest newer version that has `key` and into which the config moves without a new error
 * (openshift 4.14 has `kernel_arguments` but rejects it there, for one), with its edit.
 */
function versionSwitch(ctx: FixContext, variant: string, version: string, parent: Path, key: string): { version: string; edit: TextEdit } | null {
  const { source, options } = ctx;
  let before: Set<string> | undefined;
  for (const v of versionsWithKey(variant, version, parent, key)) {
    const edit = switchVersionEdit(source, variant, v);
    if (!edit) return null;
    before ??= baselineErrors(source, options);
    const old = before;
    if ([...errorsOf(applyEdits(source, [edit]), options)].every((e) => old.has(e))) return { version: v, edit };
  }
  return null;
}

export const unknownKey: FixProvider = {
  id: "unknown-key",
  diagnostic: "unused-key",
  fixes(ctx) {
    const { source, target, spec, variant, version } = ctx;
    const key = target.path[target.path.length - 1];
    if (typeof key !== "string" || !spec) return [];
    const parent = target.path.slice(0, -1);
    const out: QuickFix[] = [];
    if (variant && version) {
      const to = versionSwitch(ctx, variant, version, parent, key);
      if (to) out.push({ kind: "edit", title: `${key} needs ${variant} ≥ ${to.version}: switch to version ${to.version}`, edits: [to.edit], preferred: true });
    }
    // Keys the mapping already has would become duplicates.
    const doc = parse(source);
    const map = nodeAt(doc, parent);
    const present = new Set(isMap(map) ? map.items.map((p) => (isScalar(p.key) ? String(p.key.value) : "")) : []);
    const suggestions = nearest(
      key,
      keysAt(spec, parent).filter((k) => !present.has(k)),
    );
    suggestions.forEach((s, i) => {
      const edit = renameKeyEdit(source, target.path as (string | number)[], s);
      if (edit) out.push({ kind: "edit", title: `Did you mean ${s}?`, edits: [edit], preferred: out.length === 0 && i === 0 });
    });
    // Butane ignores the key, so removing it changes nothing, except for `<<` (yaml.v3 merges it
    // although Butane calls it unused) and a key whose value holds anchors used elsewhere.
    const value = nodeAt(doc, target.path);
    let anchored = false;
    if (value) visit(value, { Node: (_k, n) => void (anchored ||= isNode(n) && n.anchor !== undefined) });
    const removal = key !== "<<" && !anchored ? deleteEdit(source, target.path as (string | number)[]) : null;
    if (removal) out.push({ kind: "edit", title: `Remove the unused key ${key}`, edits: [removal] });
    return out;
  },
};
