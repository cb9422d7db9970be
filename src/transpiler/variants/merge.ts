/**
 * Ignition's config merge (`MergeStructTranscribe`) on our plain Ignition objects, used to lay
 * generated sugar (mount units, boot_device storage, grub files) *under* the user's translated
 * config:
 *   - objects merge key by key; a key the child has wins, otherwise the parent's is kept;
 *   - keyed lists: parent items first (merged with the child item of the same key when it sits
 *     in the same list, dropped when it sits in a sibling list sharing the key space), then the
 *     child items whose key the parent list lacks;
 *   - "ignore duplicates" lists (file append, filesystem/luks/raid options) are concatenated.
 * Provenance follows the value: each result node keeps the origin of the side it came from,
 * preferring the child where both contributed (as Butane's MergeTranslatedConfigs does).
 * Result keys are in Ignition's key order.
 */
import type { Obj, Provenance } from "../translate/provenance.ts";
import { IGNITION_VERSIONS, ignitionSpec, type IgnitionVersion, type MergeKey } from "../spec/ignition.ts";
import { isGoPointer, isScalar } from "../spec/kit.ts";

export type KeyKind = MergeKey | "string";

export type FieldRule = { obj: string } | { list: KeyKind; item?: string; ignoreDups?: true; handle?: string };

interface TypeRule {
  order: readonly string[];
  fields: Readonly<Record<string, FieldRule>>;
  /**
   * Non-pointer scalar fields (Go `string`, not `*string`): when zero, Ignition's merge transcript
   * skips them, so their translation is lost.
   */
  nonPtr: ReadonlySet<string>;
}

type TypeRules = Readonly<Record<string, TypeRule>>;

const rulesCache = new Map<IgnitionVersion, TypeRules>();

/** Ignition `version`'s object types, derived from its spec: key order and how nested values merge. */
function typesOf(version: IgnitionVersion): TypeRules {
  const cached = rulesCache.get(version);
  if (cached) return cached;
  const spec = ignitionSpec(version);
  const out: Record<string, TypeRule> = {};
  for (const [name, t] of Object.entries(spec.types)) {
    const fields: Record<string, FieldRule> = {};
    const nonPtr = new Set<string>();
    for (const f of t.fields) {
      const item = f.type.kind === "list" ? f.type.item : undefined;
      if (item) {
        const target = item.kind === "ref" ? spec.types[item.name] : undefined;
        const key = item.kind === "ref" ? target?.mergeKey : "string";
        if (key === undefined) throw new Error(`Ignition ${version}: no merge key for the items of ${name}.${f.key}`);
        const rule: FieldRule & { list: KeyKind } = { list: key };
        if (item.kind === "ref") rule.item = item.name;
        if (f.ignoreDuplicates) rule.ignoreDups = true;
        if (f.keySpace !== undefined) rule.handle = f.keySpace;
        fields[f.key] = rule;
      } else if (f.type.kind === "ref") fields[f.key] = { obj: f.type.name };
      else if (isScalar(f.type) && !isGoPointer(f)) nonPtr.add(f.key);
    }
    out[name] = { order: t.fields.map((f) => f.key), fields, nonPtr };
  }
  rulesCache.set(version, out);
  return out;
}

const LATEST = IGNITION_VERSIONS[IGNITION_VERSIONS.length - 1]!;

/** The Ignition key order of object type `type` in `version` (for building objects in the right order). */
export function keyOrder(type: string, version: IgnitionVersion = LATEST): readonly string[] {
  return typesOf(version)[type]?.order ?? [];
}

/**
 * How field `key` of Ignition object type `type` merges: `{ obj }` a nested object of that type,
 * `{ list }` a list (keyed unless `ignoreDups`; `handle` names a key space shared by sibling
 * lists), undefined for a scalar (the child's value wins).
 */
export function fieldRule(type: string, key: string, version: IgnitionVersion = LATEST): FieldRule | undefined {
  return typesOf(version)[type]?.fields[key];
}

/** Ignition's merge key of a list item (`Key()`), for a list of `kind`. */
export function mergeKey(kind: KeyKind, item: unknown): string {
  return itemKey(kind, item);
}

/** Returns `o` with its keys rearranged into the Ignition order of `type` (same object). */
export function reorderKeys(o: Obj, type: string, version: IgnitionVersion = LATEST): Obj {
  const order = keyOrder(type, version);
  const keys = Object.keys(o);
  const sorted = [...order.filter((k) => keys.includes(k)), ...keys.filter((k) => !order.includes(k))];
  if (sorted.every((k, i) => keys[i] === k)) return o;
  const vals = sorted.map((k) => o[k]);
  for (const k of keys) delete o[k];
  sorted.forEach((k, i) => (o[k] = vals[i]));
  return o;
}

function isObj(v: unknown): v is Obj {
  return v !== null && typeof v === "object" && !Array.isArray(v);
}

function str(v: unknown): string {
  return typeof v === "string" ? v : v === undefined || v === null ? "" : String(v);
}

/** Ignition's `Key()` of a list item. */
function itemKey(kind: KeyKind, item: unknown): string {
  if (kind === "string") return str(item);
  if (!isObj(item)) return "";
  switch (kind) {
    case "partition": {
      const n = item.number;
      if ((typeof n === "number" || typeof n === "bigint") && Number(n) !== 0) return `number:${n}`;
      if (item.label !== undefined) return `label:${str(item.label)}`;
      return "";
    }
    default:
      return str(item[kind]);
  }
}

/**
 * Merges `child` over `parent` (both whole Ignition configs of spec `version`). Neither input
 * is modified; the result shares no containers with them.
 */
export function mergeConfigs(prov: Provenance, parent: Obj, child: Obj, version: IgnitionVersion = LATEST): Obj {
  // Merging nothing over a config that is itself a merge result changes nothing: its zero scalars
  // and empty containers already lost their provenance, and nothing else holds it.
  if (Object.keys(parent).length === 0 && mergeResults.has(child)) return child;
  const out = new Merger(prov, typesOf(version)).object("Config", parent, child);
  mergeResults.add(out);
  return out;
}

/** Configs `mergeConfigs` returned (not yet handed to anything that could change them). */
const mergeResults = new WeakSet<Obj>();

interface ChildEntry {
  field: string;
  index: number;
  item: unknown;
}

type ListRule = { list: KeyKind; item?: string; ignoreDups?: true; handle?: string };

function isZero(v: unknown): boolean {
  return v === "" || v === 0 || v === false;
}

class Merger {
  private readonly prov: Provenance;
  private readonly types: TypeRules;
  constructor(prov: Provenance, types: TypeRules) {
    this.prov = prov;
    this.types = types;
  }

  private nonPtr(type: string | undefined, key: string): boolean {
    return (type !== undefined && this.types[type]?.nonPtr.has(key)) ?? false;
  }

  /**
   * A copy of a subtree taken whole from one side, keeping the provenance Ignition's transcript
   * keeps: zero non-pointer scalars lose theirs, and so do containers with nothing kept inside.
   */
  private transcribe(v: unknown, type: string | undefined, rule?: ListRule): { value: unknown; kept: boolean } {
    const { prov } = this;
    if (Array.isArray(v)) {
      const out: unknown[] = [];
      let kept = false;
      v.forEach((item, i) => {
        const r = rule?.item ? this.transcribe(item, rule.item) : { value: item, kept: !isZero(item) };
        const from = prov.keyOf(v, i);
        if (r.kept && from) prov.markKey(out, i, from);
        kept ||= r.kept;
        out.push(r.value);
      });
      const self = prov.selfOf(v);
      if (kept && self) prov.mark(out, self);
      return { value: out, kept };
    }
    if (isObj(v)) {
      const t = type ? this.types[type] : undefined;
      const out: Obj = {};
      let kept = false;
      for (const [k, c] of Object.entries(v)) {
        const f = t?.fields[k];
        let r: { value: unknown; kept: boolean };
        if (f && "list" in f) r = this.transcribe(c, undefined, f);
        else if (f && "obj" in f) r = this.transcribe(c, f.obj);
        else if (isObj(c) || Array.isArray(c)) r = this.transcribe(c, undefined);
        else r = { value: c, kept: !(this.nonPtr(type, k) && isZero(c)) };
        out[k] = r.value;
        const from = prov.keyOf(v, k);
        if (r.kept && from) prov.markKey(out, k, from);
        kept ||= r.kept;
      }
      const self = prov.selfOf(v);
      if (kept && self) prov.mark(out, self);
      return { value: out, kept };
    }
    return { value: v, kept: true };
  }

  object(type: string, p: Obj, c: Obj): Obj {
    const { prov } = this;
    const t = this.types[type];
    const out: Obj = {};
    const self = prov.selfOf(c) ?? prov.selfOf(p);
    if (self) prov.mark(out, self);

    // Child list items by (key space, key), across every list of the child (later items win).
    const childIndex = new Map<string, ChildEntry>();
    for (const [f, rule] of Object.entries(t?.fields ?? {})) {
      if (!("list" in rule) || rule.ignoreDups) continue;
      const list = c[f];
      if (!Array.isArray(list)) continue;
      const handle = rule.handle ?? f;
      list.forEach((item, index) => childIndex.set(handle + "\u0000" + itemKey(rule.list, item), { field: f, index, item }));
    }

    const order = t?.order ?? [];
    const present = new Set([...Object.keys(p), ...Object.keys(c)]);
    const keys = [...order.filter((k) => present.has(k)), ...[...present].filter((k) => !order.includes(k))];
    for (const k of keys) {
      const rule = t?.fields[k];
      const pv = p[k];
      const cv = c[k];
      if (rule && "list" in rule) {
        const merged = this.list(k, rule, Array.isArray(pv) ? pv : [], Array.isArray(cv) ? cv : [], childIndex);
        if (merged === undefined) continue;
        out[k] = merged.list;
        const from = merged.fromChild ? (prov.keyOf(c, k) ?? prov.keyOf(p, k)) : (prov.keyOf(p, k) ?? prov.keyOf(c, k));
        if (from) prov.markKey(out, k, from);
        continue;
      }
      const sub = rule && "obj" in rule ? rule.obj : undefined;
      if (cv !== undefined && pv !== undefined && sub && isObj(pv) && isObj(cv)) {
        out[k] = this.object(sub, pv, cv);
        const from = prov.keyOf(c, k) ?? prov.keyOf(p, k);
        if (from) prov.markKey(out, k, from);
        continue;
      }
      const [side, v] = cv !== undefined ? [c, cv] : [p, pv];
      if (v === undefined) continue;
      const r = isObj(v) || Array.isArray(v) ? this.transcribe(v, sub) : { value: v, kept: !(this.nonPtr(type, k) && isZero(v)) };
      out[k] = r.value;
      const from = prov.keyOf(side, k);
      if (r.kept && from) prov.markKey(out, k, from);
    }
    return out;
  }

  private list(
    field: string,
    rule: ListRule,
    pl: unknown[],
    cl: unknown[],
    childIndex: Map<string, ChildEntry>,
  ): { list: unknown[]; fromChild: boolean } | undefined {
    const { prov } = this;
    if (pl.length + cl.length === 0) return undefined;
    const out: unknown[] = [];
    let fromChild = false;
    const take = (v: unknown, src: unknown[], i: number) => {
      const r = rule.item ? this.transcribe(v, rule.item) : { value: v, kept: !isZero(v) };
      const from = prov.keyOf(src, i);
      if (r.kept && from) prov.markKey(out, out.length, from);
      out.push(r.value);
    };

    if (rule.ignoreDups) {
      pl.forEach((v, i) => take(v, pl, i));
      cl.forEach((v, i) => take(v, cl, i));
      fromChild = cl.length > 0;
    } else {
      const handle = rule.handle ?? field;
      const parentKeys = new Set(pl.map((v) => itemKey(rule.list, v)));
      pl.forEach((pv, i) => {
        const hit = childIndex.get(handle + "\u0000" + itemKey(rule.list, pv));
        if (!hit) {
          take(pv, pl, i);
          return;
        }
        if (hit.field !== field) return; // the child has it in a sibling list; that list brings it
        fromChild = true;
        if (rule.item && isObj(pv) && isObj(hit.item)) {
          if (field === "httpHeaders" && hit.item.value === undefined) return; // a header without value removes it
          const from = prov.keyOf(cl, hit.index) ?? prov.keyOf(pl, i);
          if (from) prov.markKey(out, out.length, from);
          out.push(this.object(rule.item, pv, hit.item));
        } else {
          take(hit.item, cl, hit.index);
        }
      });
      cl.forEach((cv, j) => {
        if (parentKeys.has(itemKey(rule.list, cv))) return;
        take(cv, cl, j);
        fromChild = true;
      });
    }
    if (out.length === 0) return undefined;
    const self = fromChild ? (prov.selfOf(cl) ?? prov.selfOf(pl)) : (prov.selfOf(pl) ?? prov.selfOf(cl));
    if (self) prov.mark(out, self);
    return { list: out, fromChild };
  }
}
