/**
 * Typed decoding of the YAML tree into a Butane config value, as Go's yaml.v3 decodes into
 * Butane's structs: YAML 1.1 booleans, octal/hex ints, any scalar into strings, null items
 * dropped from lists, aliases expanded, merge keys applied, and every type error collected
 * with yaml.v3's message.
 */
import type { YMap, YNode, YScalar } from "./yaml/node.ts";
import { goTypeName, structOf, type SpecDesc, type TypeDesc } from "./spec/kit.ts";
import { duplicateKeyErrors } from "./yaml/duplicates.ts";
import { resolve } from "./yaml/resolve.ts";

/** A decoded Butane value: plain objects (only keys that were set), arrays, strings, numbers, booleans. */
export type BValue = string | number | boolean | BValue[] | BObject;
export interface BObject {
  [key: string]: BValue | undefined;
}

const BOOL_WORDS: Record<string, boolean> = {
  y: true, Y: true, yes: true, Yes: true, YES: true, on: true, On: true, ON: true,
  true: true, True: true, TRUE: true,
  n: false, N: false, no: false, No: false, NO: false, off: false, Off: false, OFF: false,
  false: false, False: false, FALSE: false,
};

/** Follows aliases to the node they name. */
export function deref(node: YNode): YNode {
  let n = node;
  for (let i = 0; n.kind === "alias" && i < 1000; i++) n = n.target;
  return n;
}

export function isNull(node: YNode): boolean {
  const n = deref(node);
  return n.kind === "scalar" && n.tag === "!!null";
}

function tagOf(n: YNode): string {
  if (n.kind === "scalar") return n.tag;
  if (n.kind === "map") return "!!map";
  if (n.kind === "seq") return "!!seq";
  return "!!str";
}

export interface DecodeResult {
  value: BObject;
  /** yaml.v3 type errors, each `line N: cannot unmarshal …`. */
  errors: string[];
}

/** Decodes `root` (a mapping, or null for an empty document) into the spec's root struct. */
export function decodeConfig(root: YNode | null, spec: SpecDesc): DecodeResult {
  const dec = new Decoder(spec);
  const value = root ? dec.struct(root, spec.root) : {};
  return { value: value ?? {}, errors: dec.errors };
}

class Decoder {
  readonly errors: string[] = [];
  private depth = 0;
  private readonly spec: SpecDesc;
  constructor(spec: SpecDesc) {
    this.spec = spec;
  }

  private fail(node: YNode, type: TypeDesc): undefined {
    const n = deref(node);
    let what = tagOf(n);
    if (n.kind === "scalar") {
      const v = n.value.length > 10 ? n.value.slice(0, 7) + "..." : n.value;
      what += " `" + v + "`";
    }
    this.errors.push(`line ${n.line}: cannot unmarshal ${what} into ${goTypeName(this.spec, type)}`);
    return undefined;
  }

  value(node: YNode, type: TypeDesc): BValue | undefined {
    const n = deref(node);
    if (n.kind === "scalar" && n.tag === "!!null") return undefined;
    if (++this.depth > 200) {
      this.depth--;
      return undefined;
    }
    try {
      switch (type.kind) {
        case "string":
          return n.kind === "scalar" ? n.value : this.fail(n, type);
        case "int":
          return n.kind === "scalar" ? this.int(n, type) : this.fail(n, type);
        case "bool":
          return n.kind === "scalar" ? this.bool(n, type) : this.fail(n, type);
        case "list": {
          if (n.kind !== "seq") return this.fail(n, type);
          const out: BValue[] = [];
          for (const item of n.items) {
            if (isNull(item)) continue;
            const v = this.value(item, type.item);
            if (v !== undefined) out.push(v);
          }
          return out;
        }
        case "map": {
          if (n.kind !== "map") return this.fail(n, type);
          if (this.hasDuplicates(n)) return undefined;
          const out: BObject = {};
          for (const { key, value } of n.entries) {
            const k = deref(key);
            if (k.kind !== "scalar") continue;
            const v = this.value(value, type.value);
            out[k.value] = v ?? "";
          }
          return out;
        }
        case "ref":
          return this.struct(n, type.name);
      }
    } finally {
      this.depth--;
    }
  }

  struct(node: YNode, name: string): BObject | undefined {
    const n = deref(node);
    if (n.kind === "scalar" && n.tag === "!!null") return undefined;
    if (n.kind !== "map") return this.fail(n, { kind: "ref", name });
    if (this.hasDuplicates(n)) return undefined;
    const desc = structOf(this.spec, name);
    const out: BObject = {};
    const explicit = new Set<string>();
    for (const { key, value } of n.entries) {
      const k = deref(key);
      if (k.kind !== "scalar" || isMergeKey(k)) continue;
      const f = desc.fields.find((x) => x.key === k.value);
      if (!f) continue;
      explicit.add(f.key);
      const v = this.value(value, f.type);
      if (v === undefined) delete out[f.key];
      else out[f.key] = v;
    }
    for (const src of mergeSources(n)) {
      for (const { key, value } of src.entries) {
        const k = deref(key);
        if (k.kind !== "scalar" || isMergeKey(k) || explicit.has(k.value)) continue;
        const f = desc.fields.find((x) => x.key === k.value);
        if (!f) continue;
        explicit.add(f.key);
        const v = this.value(value, f.type);
        if (v !== undefined) out[f.key] = v;
      }
    }
    return out;
  }

  /** yaml.v3 checks every mapping it decodes for duplicate keys and skips one that has them. */
  private hasDuplicates(n: YMap): boolean {
    const dups = duplicateKeyErrors(n);
    this.errors.push(...dups);
    return dups.length > 0;
  }

  /** yaml.v3 into a Go int: ints in int64 range, and floats truncated (as Go converts them). */
  private int(n: YScalar, type: TypeDesc): number | undefined {
    const r = resolve(n.tag, n.value);
    if (r.ok && typeof r.value === "bigint" && r.value >= -(2n ** 63n) && r.value < 2n ** 63n) return Number(r.value);
    if (r.ok && r.tag === "!!float" && typeof r.value === "number" && Number.isFinite(r.value) && Math.abs(r.value) <= 2 ** 63)
      return Math.trunc(r.value);
    return this.fail(n, type);
  }

  private bool(n: YScalar, type: TypeDesc): boolean | undefined {
    if (n.tag === "!!bool" || (n.style === "plain" && n.tag === "!!str")) {
      const b = BOOL_WORDS[n.value];
      if (b !== undefined) return b;
    }
    return this.fail(n, type);
  }
}

export function isMergeKey(k: YScalar): boolean {
  return k.value === "<<" && k.style === "plain" && (k.tag === "!!merge" || k.tag === "!!str");
}

/** The mappings a `<<` key merges into `n`, in priority order. */
function mergeSources(n: YMap): YMap[] {
  const out: YMap[] = [];
  for (const { key, value } of n.entries) {
    const k = deref(key);
    if (k.kind !== "scalar" || !isMergeKey(k)) continue;
    const v = deref(value);
    if (v.kind === "map") out.push(v);
    else if (v.kind === "seq") for (const item of v.items) {
      const m = deref(item);
      if (m.kind === "map") out.push(m);
    }
  }
  return out;
}

/** The dispatch decode: `variant` and `version` as strings, or a yaml.v3 error text. */
export function decodeDispatch(root: YNode | null): { variant: string; version: string } | { error: string } {
  if (!root) return { variant: "", version: "" };
  const n = deref(root);
  if (n.kind === "scalar" && n.tag === "!!null") return { variant: "", version: "" };
  const errors: string[] = [];
  const failAt = (x: YNode, into: string) => {
    const d = deref(x);
    let what = tagOf(d);
    if (d.kind === "scalar") what += " `" + (d.value.length > 10 ? d.value.slice(0, 7) + "..." : d.value) + "`";
    errors.push(`line ${d.line}: cannot unmarshal ${what} into ${into}`);
  };
  if (n.kind !== "map") {
    failAt(n, "config.commonFields");
    return { error: "yaml: unmarshal errors:\n  " + errors.join("\n  ") };
  }
  const out = { variant: "", version: "" };
  const take = (m: YMap, explicitOnly: Set<string>) => {
    for (const { key, value } of m.entries) {
      const k = deref(key);
      if (k.kind !== "scalar" || (k.value !== "variant" && k.value !== "version") || explicitOnly.has(k.value)) continue;
      explicitOnly.add(k.value);
      const v = deref(value);
      if (v.kind === "scalar") out[k.value] = v.tag === "!!null" ? "" : v.value;
      else failAt(v, "string");
    }
  };
  const seen = new Set<string>();
  take(n, seen);
  for (const src of mergeSources(n)) take(src, seen);
  if (errors.length) return { error: "yaml: unmarshal errors:\n  " + errors.join("\n  ") };
  return out;
}
