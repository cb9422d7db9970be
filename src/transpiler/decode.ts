/**
 * Typed decoding of the YAML tree into a Butane config value, as gopkg.in/yaml.v3 v3.0.1
 * (decode.go: `unmarshal`, `prepare`, `scalar`, `sequence`, `mapping`, `mappingStruct`, `merge`,
 * `null`, `terror`) decodes into Butane's Go structs, whose types the spec describes.
 *
 * Type errors are collected with yaml.v3's text (`line 5: cannot unmarshal !!seq into
 * v0_5.Device`); a few problems abort the whole decode instead (a tag that does not fit its value,
 * bad `!!binary` data, a merge of something other than mappings, an alias inside itself): those
 * are `DecodeResult.fatal`, yaml.v3's panic text.
 */
import type { YAlias, YMap, YNode, YScalar, YSeq } from "./yaml/node.ts";
import { goTypeName, GO_INT_MAX, GO_INT_MIN, isGoPointer, structOf, type SpecDesc, type TypeDesc } from "./spec/kit.ts";
import { duplicateKeyErrors } from "./yaml/duplicates.ts";
import { resolve, type ResolvedValue } from "./yaml/resolve.ts";
import { decodeBase64Go } from "./go/base64.ts";
import { byteLength, byteSlice, goBytes, goString } from "./go/utf8.ts";

/**
 * A decoded Butane value: plain objects (only fields that were set), arrays, strings, booleans,
 * and integers (a number, or a bigint beyond ±2^53 so Go's int64 values stay exact).
 */
export type BValue = string | number | bigint | boolean | BValue[] | BObject;
export interface BObject {
  [key: string]: BValue | undefined;
}

/** Follows aliases to the node they name. */
export function deref(node: YNode): YNode {
  let n = node;
  for (let i = 0; n.kind === "alias" && i < 1000; i++) n = n.target;
  return n;
}

/** yaml.v3 `Node.ShortTag()`: the node's tag, explicit or resolved (an alias has its target's). */
function shortTagOf(node: YNode): string {
  const n = deref(node);
  if (n.kind === "scalar") return n.tag;
  if (n.kind === "alias") return "";
  return n.tag ?? (n.kind === "map" ? "!!map" : "!!seq");
}

export function isNull(node: YNode): boolean {
  return shortTagOf(node) === "!!null";
}

/** yaml.v3 `isMerge`: a plain `<<` key without a tag, or tagged `!!merge`. */
export function isMergeKey(k: YNode): boolean {
  return k.kind === "scalar" && k.value === "<<" && k.tag === "!!merge";
}

export interface DecodeResult {
  value: BObject;
  /** yaml.v3 type errors, each `line N: cannot unmarshal …`. */
  errors: string[];
  /** yaml.v3's text for a problem that aborts the decode (`yaml: …`); errors then do not count. */
  fatal?: string;
}

/** A yaml.v3 `failf`: ends the decode. */
class Abort {
  readonly message: string;
  constructor(message: string) {
    this.message = message;
  }
}

const WANT_MAP = "yaml: map merge requires map or sequence of maps as the value";
const STRING: TypeDesc = { kind: "string" };

/** yaml.v3's 1.1-style booleans, accepted only when decoding into a Go bool. */
const OLD_BOOLS: Readonly<Record<string, boolean>> = {
  y: true,
  Y: true,
  yes: true,
  Yes: true,
  YES: true,
  on: true,
  On: true,
  ON: true,
  n: false,
  N: false,
  no: false,
  No: false,
  NO: false,
  off: false,
  Off: false,
  OFF: false,
};

const TWO_63 = 2 ** 63;

/** Go's `int64(f)` on amd64 for a float64 yaml.v3 lets through (`f <= MaxInt64`): out of range gives MinInt64. */
function floatToInt(f: number): bigint {
  if (f >= TWO_63 || f < -TWO_63) return GO_INT_MIN;
  return BigInt(Math.trunc(f));
}

/** A Go int as a BValue: a number while exact, else a bigint. */
function intValue(v: bigint): number | bigint {
  return v >= -(2n ** 53n) && v <= 2n ** 53n ? Number(v) : v;
}

/** Sets `obj[key]` as an own property (a key such as `__proto__` included). */
function setKey(obj: BObject, key: string, value: BValue | undefined): void {
  if (value === undefined) delete obj[key];
  else Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
}

interface Decoded {
  /** yaml.v3's `good`: whether the value was set (a failed or null list item is dropped). */
  good: boolean;
  value: BValue | undefined;
}

class Decoder {
  readonly errors: string[] = [];
  private readonly spec: SpecDesc;
  /** Aliases being expanded (yaml.v3 `d.aliases`), to catch one inside itself. */
  private readonly expanding = new Set<YAlias>();
  /** Keys already set while merging (yaml.v3 `d.mergedFields`), or null outside a merge. */
  private mergedFields: Set<string> | null = null;

  constructor(spec: SpecDesc) {
    this.spec = spec;
  }

  /** yaml.v3 `unmarshal`: `node` into a Go value of type `type` (a pointer to it when `ptr`). */
  unmarshal(node: YNode, type: TypeDesc, ptr: boolean, cur: BValue | undefined): Decoded {
    if (node.kind === "alias") return this.alias(node, type, ptr, cur);
    // `prepare` allocates and dereferences a pointer, except for a node tagged null.
    const outPtr = ptr && shortTagOf(node) === "!!null";
    switch (node.kind) {
      case "scalar":
        return this.scalar(node, type, outPtr, cur);
      case "map":
        return this.mapping(node, type, outPtr, cur);
      case "seq":
        return this.sequence(node, type, outPtr, cur);
    }
  }

  private alias(node: YAlias, type: TypeDesc, ptr: boolean, cur: BValue | undefined): Decoded {
    if (this.expanding.has(node)) throw new Abort(`yaml: anchor '${node.name}' value contains itself`);
    this.expanding.add(node);
    try {
      return this.unmarshal(node.target, type, ptr, cur);
    } finally {
      this.expanding.delete(node);
    }
  }

  /** yaml.v3 `terror`: the node's tag, its value (up to 10 bytes, else 7 and `...`) unless a collection's, and Go's type. */
  private terror(node: YScalar | YMap | YSeq, type: TypeDesc, ptr: boolean): Decoded {
    const tag = shortTagOf(node);
    let value = "";
    if (tag !== "!!seq" && tag !== "!!map") {
      const text = node.kind === "scalar" ? node.value : "";
      value = " `" + (byteLength(text) > 10 ? byteSlice(text, 7) + "..." : text) + "`";
    }
    const goType = (ptr ? "*" : "") + goTypeName(this.spec, type);
    this.errors.push(`line ${node.line}: cannot unmarshal ${tag}${value} into ${goType}`);
    return { good: false, value: undefined };
  }

  /** yaml.v3 `null`: a pointer, slice or map becomes nil; another value stays as it was. */
  private null(type: TypeDesc, ptr: boolean, cur: BValue | undefined): Decoded {
    if (ptr || type.kind === "list" || type.kind === "map") return { good: true, value: undefined };
    return { good: false, value: cur };
  }

  private scalar(node: YScalar, type: TypeDesc, ptr: boolean, cur: BValue | undefined): Decoded {
    let tag: string;
    let resolved: ResolvedValue;
    if (node.tag === "!!str") {
      tag = "!!str";
      resolved = node.value;
    } else {
      const r = resolve(node.tag, node.value);
      if (!r.ok) throw new Abort(r.message);
      tag = r.tag;
      resolved = r.value;
      if (tag === "!!binary") {
        const data = decodeBase64Go(goBytes(resolved as string));
        if (!data.ok) throw new Abort("yaml: !!binary value contains invalid base64 data");
        resolved = goString(data.bytes);
      }
    }
    if (resolved === null) return this.null(type, ptr, cur);
    switch (type.kind) {
      case "string":
        return { good: true, value: tag === "!!binary" ? (resolved as string) : node.value };
      case "int":
        if (typeof resolved === "bigint" && resolved >= GO_INT_MIN && resolved <= GO_INT_MAX) return { good: true, value: intValue(resolved) };
        // yaml.v3 lets a float64 through when `f <= MaxInt64` (as a float64, 2^63): -Inf included.
        if (typeof resolved === "number" && resolved <= TWO_63) return { good: true, value: intValue(floatToInt(resolved)) };
        break;
      case "bool":
        if (typeof resolved === "boolean") return { good: true, value: resolved };
        if (typeof resolved === "string" && tag !== "!!timestamp" && OLD_BOOLS[resolved] !== undefined) return { good: true, value: OLD_BOOLS[resolved] };
        break;
      default:
        break;
    }
    return this.terror(node, type, false);
  }

  private sequence(node: YSeq, type: TypeDesc, ptr: boolean, cur: BValue | undefined): Decoded {
    if (ptr || type.kind !== "list") return { ...this.terror(node, type, ptr), value: cur };
    const out: BValue[] = [];
    for (const item of node.items) {
      const r = this.unmarshal(item, type.item, false, undefined);
      if (r.good && r.value !== undefined) out.push(r.value);
    }
    return { good: true, value: out };
  }

  private mapping(node: YMap, type: TypeDesc, ptr: boolean, cur: BValue | undefined): Decoded {
    const dups = duplicateKeyErrors(node);
    if (dups.length > 0) {
      this.errors.push(...dups);
      return { good: false, value: cur };
    }
    if (!ptr && type.kind === "ref") return { good: true, value: this.mappingStruct(node, type, cur as BObject | undefined) };
    if (!ptr && type.kind === "map") return { good: true, value: this.mappingMap(node, type, cur as BObject | undefined) };
    return { ...this.terror(node, type, ptr), value: cur };
  }

  /** A mapping key decoded into a Go string (yaml.v3 decodes struct field names and string map keys so). */
  private keyName(key: YNode): string | undefined {
    const r = this.unmarshal(key, STRING, false, undefined);
    return r.good ? (r.value as string) : undefined;
  }

  /** Whether a key is one the merge in progress has already set (and marks it set). */
  private alreadyMerged(merged: Set<string> | null, name: string): boolean {
    if (merged === null) return false;
    if (merged.has("s:" + name)) return true;
    merged.add("s:" + name);
    return false;
  }

  /**
   * The loop yaml.v3's `mappingStruct` and `mapping` share: each key decoded into a Go string and
   * handed to `set` (keys a merge in progress already set are skipped), then the `<<` merge.
   */
  private mappingEntries(node: YMap, type: TypeDesc, out: BObject, set: (name: string, key: YNode, value: YNode) => void): BObject {
    const merged = this.mergedFields;
    this.mergedFields = null;
    let mergeNode: YNode | undefined;
    for (const { key, value } of node.entries) {
      if (isMergeKey(key)) {
        mergeNode = value;
        continue;
      }
      const name = this.keyName(key);
      if (name !== undefined && !this.alreadyMerged(merged, name)) set(name, key, value);
    }
    this.mergedFields = merged;
    if (mergeNode !== undefined) this.merge(node, mergeNode, type, out);
    return out;
  }

  private mappingStruct(node: YMap, type: TypeDesc & { kind: "ref" }, cur: BObject | undefined): BObject {
    const out: BObject = cur ?? {};
    const desc = structOf(this.spec, type.name);
    const done = new Set<string>();
    return this.mappingEntries(node, type, out, (name, key, value) => {
      const f = desc.fields.find((x) => x.key === name);
      if (f === undefined) return;
      if (done.has(name)) {
        this.errors.push(`line ${key.line}: field ${name} already set in type ${goTypeName(this.spec, type)}`);
        return;
      }
      done.add(name);
      setKey(out, name, this.unmarshal(value, f.type, isGoPointer(f), out[name]).value);
    });
  }

  private mappingMap(node: YMap, type: TypeDesc & { kind: "map" }, cur: BObject | undefined): BObject {
    const isNew = cur === undefined;
    const out: BObject = cur ?? {};
    return this.mappingEntries(node, type, out, (name, _key, value) => {
      const r = this.unmarshal(value, type.value, false, undefined);
      // A null value still sets the key (to the zero value) unless it is already there.
      if (r.good) setKey(out, name, r.value);
      else if (isNull(value) && (isNew || !Object.hasOwn(out, name))) setKey(out, name, "");
    });
  }

  /** yaml.v3 `merge`: the mappings under `<<` fill in what the parent mapping did not set. */
  private merge(parent: YMap, mergeNode: YNode, type: TypeDesc, out: BObject): void {
    const saved = this.mergedFields;
    if (saved === null) {
      const merged = new Set<string>();
      for (const { key } of parent.entries) {
        const k = this.interfaceKey(key);
        if (k !== undefined) merged.add(k);
      }
      this.mergedFields = merged;
    }
    const into = (n: YNode) => this.unmarshal(n, type, false, out);
    if (mergeNode.kind === "map") into(mergeNode);
    else if (mergeNode.kind === "alias") {
      if (mergeNode.target.kind !== "map") throw new Abort(WANT_MAP);
      into(mergeNode);
    } else if (mergeNode.kind === "seq") {
      for (const item of mergeNode.items) {
        if (item.kind === "alias" ? item.target.kind !== "map" : item.kind !== "map") throw new Abort(WANT_MAP);
        into(item);
      }
    } else throw new Abort(WANT_MAP);
    this.mergedFields = saved;
  }

  /**
   * A parent key as yaml.v3 records it before merging (decoded into an `interface{}`): only keys
   * that decode to strings can match a merged field, so the others get a mark of their own type.
   */
  private interfaceKey(key: YNode): string | undefined {
    const k = deref(key);
    if (k.kind !== "scalar") return undefined;
    if (k.tag === "!!str") return "s:" + k.value;
    const r = resolve(k.tag, k.value);
    if (!r.ok) throw new Abort(r.message);
    if (r.tag === "!!binary") {
      const data = decodeBase64Go(goBytes(r.value as string));
      if (!data.ok) throw new Abort("yaml: !!binary value contains invalid base64 data");
      return "s:" + goString(data.bytes);
    }
    if (typeof r.value === "string" && r.tag !== "!!timestamp") return "s:" + r.value;
    return `${r.tag}:${String(r.value)}`;
  }
}

function run(root: YNode | null, spec: SpecDesc): DecodeResult {
  const dec = new Decoder(spec);
  const rootType: TypeDesc = { kind: "ref", name: spec.root };
  try {
    const r = root === null ? undefined : dec.unmarshal(root, rootType, false, undefined).value;
    const value = r !== undefined && typeof r === "object" && !Array.isArray(r) ? r : {};
    return { value, errors: dec.errors };
  } catch (e) {
    if (e instanceof Abort) return { value: {}, errors: dec.errors, fatal: e.message };
    throw e;
  }
}

/** Decodes `root` (null for an empty document) into the spec's root struct, as Butane's typed decode does. */
export function decodeConfig(root: YNode | null, spec: SpecDesc): DecodeResult {
  return run(root, spec);
}

/** Butane's first decode (config.go): only `version` and `variant`, into `config.commonFields`. */
const COMMON_FIELDS: SpecDesc = {
  pkg: "config",
  variantPkg: "config",
  typePkgs: {},
  root: "commonFields",
  types: {
    commonFields: {
      fields: [
        { key: "version", type: STRING, doc: "", goPtr: false },
        { key: "variant", type: STRING, doc: "", goPtr: false },
      ],
    },
  },
};

/** The dispatch decode: `variant` and `version` (empty when unset), or yaml.v3's error text. */
export function decodeDispatch(root: YNode | null): { variant: string; version: string } | { error: string } {
  const r = run(root, COMMON_FIELDS);
  if (r.fatal !== undefined) return { error: r.fatal };
  if (r.errors.length > 0) return { error: "yaml: unmarshal errors:\n  " + r.errors.join("\n  ") };
  const str = (v: BValue | undefined) => (typeof v === "string" ? v : "");
  return { variant: str(r.value.variant), version: str(r.value.version) };
}
