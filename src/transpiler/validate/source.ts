/**
 * Source validation: Butane's own rules on the decoded config, in YAML paths. The walk follows
 * the spec's struct order; each struct's rules run before its fields are visited, so entries
 * come out in upstream's order.
 */
import { intNumber } from "../ignition/access.ts";
import type { Path } from "../types.ts";
import type { BObject, BValue } from "../decode.ts";
import { structOf, type SpecDesc, type TypeDesc } from "../spec/kit.ts";
import type { VariantSpec } from "../spec/variants.ts";
import type { StageEntry } from "../variants/hooks.ts";
import { DECIMAL_MODE, looksDecimal } from "./mode.ts";
import { templateOf } from "../translate/quadlets.ts";
import { validateInlineConfig } from "./inline-config.ts";

type Rule = (v: BObject, at: Path, vs: VariantSpec, out: StageEntry[]) => void;

const err = (out: StageEntry[], path: Path, message: string) => out.push({ severity: "error", path, message, space: "yaml" });
const warn = (out: StageEntry[], path: Path, message: string) => out.push({ severity: "warning", path, message, space: "yaml" });

export const TOO_MANY_SOURCES = "only one of the following can be set: inline, local, source";
export const TOO_MANY_SYSTEMD = "only one of the following can be set: contents, contents_local";
const QUADLET_EXTS = [".container", ".volume", ".network", ".kube", ".image", ".build", ".pod", ".artifact"];

const resourceRule: Rule = (r, at, vs, out) => {
  let field = "";
  let n = 0;
  for (const k of ["local", "inline", "source"]) {
    if (r[k] !== undefined) {
      n++;
      field = k;
    }
  }
  if (n > 1) {
    err(out, [...at, field], TOO_MANY_SOURCES);
    return;
  }
  if (field === "inline" && at[0] === "ignition" && at[1] === "config") {
    validateInlineConfig(r.inline as string, at, vs, out);
  }
};

const contentsRule: Rule = (u, at, _vs, out) => {
  if (u.contents_local !== undefined && u.contents !== undefined) err(out, [...at, "contents_local"], TOO_MANY_SYSTEMD);
};

/** Rules per struct type name. Variant-specific types get theirs from the variant hooks. */
const rules: Record<string, Rule> = {
  Resource: resourceRule,
  FileContents: (r, at, _vs, out) => {
    if (r.inline !== undefined && r.source !== undefined) err(out, [...at, "inline"], TOO_MANY_SOURCES);
  },
  File: (f, at, _vs, out) => {
    const mode = intNumber(f.mode);
    if (mode !== undefined && looksDecimal(mode, false)) warn(out, [...at, "mode"], DECIMAL_MODE);
  },
  Directory: (d, at, _vs, out) => {
    const mode = intNumber(d.mode);
    if (mode !== undefined && looksDecimal(mode, true)) warn(out, [...at, "mode"], DECIMAL_MODE);
  },
  Filesystem: (fs, at, vs, out) => {
    if (fs.with_mount_unit !== true) return;
    const format = fs.format as string | undefined;
    const path = fs.path as string | undefined;
    if (!vs.features.swapMountUnits) {
      if (!path) err(out, [...at, "path"], "path is required if with_mount_unit is true and format is not swap");
      if (!format) err(out, [...at, "format"], "format is required if with_mount_unit is true");
    } else if (!format) err(out, [...at, "format"], "format is required if with_mount_unit is true");
    else if (format !== "swap" && !path) err(out, [...at, "path"], "path is required if with_mount_unit is true and format is not swap");
  },
  Tree: (t, at, _vs, out) => {
    if (!t.local) err(out, at, "local is required");
  },
  Unit: contentsRule,
  Dropin: contentsRule,
  Quadlet: (q, at, _vs, out) => {
    const name = (q.name as string | undefined) ?? "";
    if (!QUADLET_EXTS.some((e) => name.endsWith(e)))
      err(
        out,
        [...at, "name"],
        "unsupported file extension for quadlet: must be one of .container, .volume, .network, .kube, .image, .build, .pod, or .artifact",
      );
    if (templateOf(name) !== undefined) {
      if (q.contents !== undefined) err(out, [...at, "contents"], "template instances cannot have contents or contents_local");
      if (q.contents_local !== undefined) err(out, [...at, "contents_local"], "template instances cannot have contents or contents_local");
    } else contentsRule(q, at, _vs, out);
  },
};

/** Source-validation entries for the base fields of `cfg`, in upstream's order. */
export function validateSource(cfg: BObject, vs: VariantSpec, extra: Record<string, Rule> = {}): StageEntry[] {
  const out: StageEntry[] = [];
  walk(vs.spec, vs.spec.root, cfg, [], vs, out, { ...rules, ...extra }, 0);
  return out;
}

function walk(spec: SpecDesc, name: string, v: BObject, at: Path, vs: VariantSpec, out: StageEntry[], all: Record<string, Rule>, depth: number): void {
  if (depth > 100) return;
  all[name]?.(v, at, vs, out);
  for (const f of structOf(spec, name).fields) {
    const child = v[f.key];
    if (child !== undefined) walkValue(spec, f.type, child, [...at, f.key], vs, out, all, depth + 1);
  }
}

function walkValue(spec: SpecDesc, t: TypeDesc, v: BValue, at: Path, vs: VariantSpec, out: StageEntry[], all: Record<string, Rule>, depth: number): void {
  if (t.kind === "ref" && typeof v === "object" && !Array.isArray(v)) walk(spec, t.name, v, at, vs, out, all, depth);
  else if (t.kind === "list" && Array.isArray(v)) v.forEach((item, i) => walkValue(spec, t.item, item, [...at, i], vs, out, all, depth + 1));
}

export type { Rule as SourceRule };
