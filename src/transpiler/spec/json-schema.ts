/**
 * JSON Schemas (draft-07, as monaco-yaml 5.5 and ajv 8 read it) derived from the declarative
 * spec: one per Butane variant/version, and one per Ignition spec version, the latter derived
 * from the Butane base version that emits it by Ignition's key renames minus Butane's sugar.
 *
 * Conventions, shared by both kinds:
 * - every struct is a `definitions` entry with `additionalProperties: false`, so unknown keys are
 *   flagged; the root struct is inlined at the top (draft-07 ignores `$ref` siblings);
 * - a property is a wrapper carrying `description`/`markdownDescription` (the field's doc, plus
 *   "Since fcos 1.5.0." when the field is newer than the variant's first version) around its type;
 * - `null` is accepted wherever Go's yaml.v3 decodes it as "absent" (optional scalars, lists,
 *   maps and structs, and list items, which yaml.v3 drops), never for a required field;
 * - an integer is bounded like Go's 64-bit `int` (Butane's `int`/`*int` fields): at least -2^63 and
 *   below 2^63 (`exclusiveMaximum`, which both bounds hold exactly as doubles; a validator reading
 *   numbers as doubles flags the largest ints too, one reading them exactly flags only overflow);
 * - keys that may not be set together (`source`/`inline`/`local`, `contents`/`contents_local`)
 *   are a `not: {anyOf: [{required: [a, b]}, …]}` on the struct: validators flag the object while
 *   editors still complete every key (yaml-language-server ignores `not` branches for completion).
 *
 * Pure: no Node APIs.
 */
import type { FieldDesc, SpecDesc, TypeDesc } from "./kit.ts";
import { GO_INT_MAX, GO_INT_MIN, reachableTypes, structOf } from "./kit.ts";
import { snippetsOf, type Snippet } from "./snippets.ts";
import { registry, type VariantSpec } from "./variants.ts";
import { IGNITION_VERSIONS, ignitionSpec, type IgnitionVersion } from "./ignition.ts";

export const SCHEMA_DRAFT = "http://json-schema.org/draft-07/schema#";
export const SCHEMA_BASE_URL = "https://kindling.invalid/schemas";
/**
 * The non-validating keywords the schemas use besides draft-07's: ajv's strict mode needs them
 * declared (`new Ajv({ keywords: SCHEMA_KEYWORDS })`).
 */
export const SCHEMA_KEYWORDS: readonly string[] = ["markdownDescription", "defaultSnippets"];

/** Human names of the variants, for titles and docs. */
export const VARIANT_NAMES: Readonly<Record<string, string>> = {
  fcos: "Fedora CoreOS",
  flatcar: "Flatcar Container Linux",
  openshift: "OpenShift (RHCOS MachineConfig)",
  r4e: "RHEL for Edge",
  fiot: "Fedora IoT",
};

// ---------------------------------------------------------------------------------------------
// Butane → Ignition: the renames live with the Ignition spec versions.

export { BUTANE_ONLY_KEYS, IGNITION_KEY_EXCEPTIONS, ignitionKey, ignitionSpec } from "./ignition.ts";

/** Keys of one struct of which at most one may be set (null counts as unset, as in Butane). */
export const EXCLUSIVE_KEYS: readonly (readonly string[])[] = [
  ["source", "inline", "local"],
  ["contents", "contents_local"],
];

/** "Not together with `inline` or `local`." for `key` of a struct with `keys`, if it is in a group. */
export function exclusiveNote(key: string, keys: readonly string[]): string | undefined {
  const notes: string[] = [];
  for (const group of EXCLUSIVE_KEYS) {
    const others = group.filter((k) => k !== key && keys.includes(k));
    if (group.includes(key) && others.length > 0) notes.push(`Not together with ${others.map((k) => "`" + k + "`").join(" or ")}.`);
  }
  return notes.length > 0 ? notes.join(" ") : undefined;
}

/** The Ignition spec versions Butane emits, oldest first. */
export const ignitionVersions: readonly IgnitionVersion[] = IGNITION_VERSIONS;

// ---------------------------------------------------------------------------------------------
// Field paths (`storage.files[].contents.source`), for "since" notes, docs and tests.

export interface SpecField {
  /** Dotted path, `[]` after a list, `.*` after a map: `storage.files[].contents.source`. */
  path: string;
  /** The struct type the field belongs to. */
  owner: string;
  field: FieldDesc;
}

const fieldsCache = new WeakMap<SpecDesc, SpecField[]>();

/** Every field path of `spec`, depth first in Go field order. */
export function specFields(spec: SpecDesc): SpecField[] {
  const cached = fieldsCache.get(spec);
  if (cached) return cached;
  const out: SpecField[] = [];
  const walk = (typeName: string, prefix: string, depth: number): void => {
    if (depth > 32) throw new Error(`type ${typeName} nests too deeply (recursive?)`);
    for (const f of structOf(spec, typeName).fields) {
      const path = prefix ? `${prefix}.${f.key}` : f.key;
      out.push({ path, owner: typeName, field: f });
      let t = f.type;
      let p = path;
      for (;;) {
        if (t.kind === "list") [t, p] = [t.item, p + "[]"];
        else if (t.kind === "map") [t, p] = [t.value, p + ".*"];
        else break;
      }
      if (t.kind === "ref") walk(t.name, p, depth + 1);
    }
  };
  walk(spec.root, "", 0);
  fieldsCache.set(spec, out);
  return out;
}

/** One version in a history: its label ("fcos 1.5.0", "Ignition 3.4.0") and spec. */
interface HistoryEntry {
  label: string;
  spec: SpecDesc;
}

/** Index in `history` of the first version having each path of the last entry. */
function firstSeen(history: readonly HistoryEntry[]): Map<string, number> {
  const first = new Map<string, number>();
  history.forEach((h, i) => {
    for (const f of specFields(h.spec)) if (!first.has(f.path)) first.set(f.path, i);
  });
  return first;
}

/** The versions of `vs`'s variant up to and including `vs`, oldest first. */
function variantHistory(vs: VariantSpec): HistoryEntry[] {
  const out: HistoryEntry[] = [];
  for (const s of registry.values()) {
    if (s.variant !== vs.variant) continue;
    out.push({ label: `${s.variant} ${s.version}`, spec: s.spec });
    if (s.version === vs.version) return out;
  }
  throw new Error(`${vs.variant} ${vs.version} is not in the registry`);
}

function ignitionHistory(version: IgnitionVersion): HistoryEntry[] {
  const i = ignitionVersions.indexOf(version);
  if (i < 0) throw new Error(`unknown Ignition version ${version}`);
  return ignitionVersions.slice(0, i + 1).map((v) => ({ label: `Ignition ${v}`, spec: ignitionSpec(v) }));
}

/** A field path as documented: type, required, doc, and the first version having it (if newer). */
export interface DocField {
  path: string;
  owner: string;
  field: FieldDesc;
  /** e.g. "fcos 1.5.0", when the path is newer than the first version of the variant. */
  since?: string;
}

function documentFields(history: readonly HistoryEntry[]): DocField[] {
  const first = firstSeen(history);
  const last = history[history.length - 1];
  if (!last) return [];
  return specFields(last.spec).map((f) => {
    const i = first.get(f.path) ?? 0;
    const h = history[i];
    return i > 0 && h ? { ...f, since: h.label } : { ...f };
  });
}

/** The documented field paths of a Butane variant/version. */
export function butaneFields(vs: VariantSpec): DocField[] {
  return documentFields(variantHistory(vs));
}

/** The documented field paths of an Ignition spec version (Ignition's key names). */
export function ignitionFields(version: IgnitionVersion): DocField[] {
  return documentFields(ignitionHistory(version));
}

// ---------------------------------------------------------------------------------------------
// Schemas.

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

interface BuildOptions {
  id: string;
  title: string;
  description: string;
  history: HistoryEntry[];
  /** `Type.key` → the only value allowed (`const`). */
  pins: Record<string, string>;
  /** The doc of mode fields, if not the spec's (Butane YAML can be written in octal, JSON cannot). */
  modeDoc?: string;
  /** `defaultSnippets` by struct type. */
  snippets?: ReadonlyMap<string, Snippet[]>;
}

/** The JSON Schema of a Butane variant/version. */
export function butaneSchema(vs: VariantSpec): object {
  return build(vs.spec, {
    id: `${SCHEMA_BASE_URL}/butane/${vs.variant}-${vs.version}.json`,
    title: `Butane ${vs.variant} ${vs.version}`,
    description:
      `A Butane config for ${VARIANT_NAMES[vs.variant] ?? vs.variant}, spec version ${vs.version}` +
      `${vs.experimental ? " (experimental)" : ""}; Butane translates it to an Ignition ${vs.ignition} config.`,
    history: variantHistory(vs),
    pins: { [`${vs.spec.root}.variant`]: vs.variant, [`${vs.spec.root}.version`]: vs.version },
    snippets: snippetsOf(vs),
  });
}

/** The JSON Schema of an Ignition config of spec `version`. */
export function ignitionSchema(version: IgnitionVersion): object {
  return build(ignitionSpec(version), {
    id: `${SCHEMA_BASE_URL}/ignition/${version}.json`,
    title: `Ignition ${version}`,
    description: `An Ignition config, spec version ${version}${version.includes("-experimental") ? " (experimental)" : ""}.`,
    history: ignitionHistory(version),
    pins: { "Ignition.version": version },
    modeDoc: "Permission bits, as a decimal number (octal 0644 is 420).",
  });
}

function build(spec: SpecDesc, o: BuildOptions): JsonObject {
  // "since" per struct field: the earliest first version over the paths that reach it.
  const first = firstSeen(o.history);
  const since = new Map<string, number>();
  for (const f of specFields(spec)) {
    const k = `${f.owner}.${f.field.key}`;
    const i = first.get(f.path) ?? 0;
    since.set(k, Math.min(since.get(k) ?? i, i));
  }
  const doc = (owner: string, f: FieldDesc, keys: readonly string[]): string => {
    const parts = [f.hint === "mode" && o.modeDoc !== undefined ? o.modeDoc : f.doc];
    const exclusive = exclusiveNote(f.key, keys);
    if (exclusive) parts.push(exclusive);
    const i = since.get(`${owner}.${f.key}`) ?? 0;
    const h = o.history[i];
    if (i > 0 && h) parts.push(`Since ${h.label}.`);
    return parts.join(" ");
  };

  const struct = (name: string): JsonObject => {
    const t = structOf(spec, name);
    const keys = t.fields.map((f) => f.key);
    const properties: JsonObject = {};
    for (const f of t.fields) {
      const pin = o.pins[`${name}.${f.key}`];
      const text = doc(name, f, keys);
      const described = { description: text, markdownDescription: text };
      properties[f.key] = pin !== undefined ? { ...described, type: "string", const: pin } : { ...described, ...typeSchema(f.type, !f.required, f.hint) };
      if (pin === undefined && f.suggest) (properties[f.key] as JsonObject).examples = f.suggest.map((x) => x.value);
    }
    const out: JsonObject = { type: "object" };
    if (t.doc) Object.assign(out, { description: t.doc, markdownDescription: t.doc });
    const snippets = o.snippets?.get(name);
    if (snippets) out.defaultSnippets = snippets;
    out.properties = properties;
    const required = t.fields.filter((f) => f.required).map((f) => f.key);
    if (required.length > 0) out.required = required;
    out.additionalProperties = false;
    const pairs: Json[] = [];
    const groups: string[] = [];
    for (const group of EXCLUSIVE_KEYS) {
      const present = group.filter((k) => keys.includes(k));
      if (present.length < 2) continue;
      groups.push(present.map((k) => "`" + k + "`").join(", "));
      for (let i = 0; i < present.length; i++)
        for (let j = i + 1; j < present.length; j++) {
          const [a, b] = [present[i] as string, present[j] as string];
          pairs.push({ required: [a, b], properties: { [a]: setValue(t.fields, a), [b]: setValue(t.fields, b) } });
        }
    }
    if (pairs.length > 0) {
      const text = `At most one of ${groups.join("; and at most one of ")} may be set.`;
      out.not = { description: text, markdownDescription: text, anyOf: pairs };
    }
    return out;
  };

  const root = struct(spec.root);
  const definitions: JsonObject = {};
  for (const name of Object.keys(reachableTypes(spec.types, spec.root)).sort()) {
    if (name !== spec.root) definitions[name] = struct(name);
  }
  return {
    $schema: SCHEMA_DRAFT,
    $id: o.id,
    title: o.title,
    description: o.description,
    markdownDescription: o.description,
    ...root,
    definitions,
  };
}

/** Matches any non-null value of field `key` (null means unset), without a nested `not`. */
function setValue(fields: readonly FieldDesc[], key: string): JsonObject {
  const f = fields.find((x) => x.key === key);
  if (!f) throw new Error(`no field ${key}`);
  return { type: JSON_TYPE[f.type.kind] };
}

/** Go's `int` range as schema bounds: -2^63 ≤ n < 2^63 (both exact doubles). */
export const GO_INT_RANGE = { minimum: Number(GO_INT_MIN), exclusiveMaximum: Number(GO_INT_MAX + 1n) } as const;

const JSON_TYPE: Record<TypeDesc["kind"], string> = {
  string: "string",
  int: "integer",
  bool: "boolean",
  list: "array",
  map: "object",
  ref: "object",
};

/** The schema of a value of type `t`; `nullable` when null means "absent". */
function typeSchema(t: TypeDesc, nullable: boolean, hint?: FieldDesc["hint"]): JsonObject {
  const types = (name: string): Json => (nullable ? [name, "null"] : name);
  switch (t.kind) {
    case "string":
      return t.enum ? { type: types("string"), enum: nullable ? [...t.enum, null] : [...t.enum] } : { type: types("string") };
    case "int":
      return hint === "mode" ? { type: types("integer"), minimum: 0, maximum: 0o7777 } : { type: types("integer"), ...GO_INT_RANGE };
    case "bool":
      return { type: types("boolean") };
    case "list":
      // yaml.v3 drops null items, so they are allowed.
      return { type: types("array"), items: typeSchema(t.item, true) };
    case "map":
      return { type: types("object"), additionalProperties: typeSchema(t.value, true) };
    case "ref": {
      const ref: JsonObject = { $ref: `#/definitions/${t.name}` };
      return nullable ? { anyOf: [ref, { type: "null" }] } : { allOf: [ref] };
    }
  }
}
