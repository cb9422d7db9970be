/**
 * The spec kit: a small vocabulary for describing a Butane spec version declaratively.
 * A version is a set of named struct types (Go's struct names, used in type-error messages)
 * plus a root type. Later versions are earlier ones plus a delta (`extendSpec`), so a review
 * shows exactly what each version changes. Types, validation, JSON Schemas, docs and form
 * fields are all derived from these descriptions.
 */

export type TypeDesc =
  | { kind: "string"; enum?: readonly string[] }
  | { kind: "int" }
  | { kind: "bool" }
  | { kind: "list"; item: TypeDesc }
  | { kind: "map"; value: TypeDesc }
  | { kind: "ref"; name: string };

export interface FieldDesc {
  /** The YAML key. */
  key: string;
  type: TypeDesc;
  /** One line, written by us, shown in hover docs and forms. */
  doc: string;
  required?: boolean;
  /** Optional minimum (e.g. modes ≥ 0) or other hints for forms/schemas. */
  hint?: "mode" | "multiline" | "path" | "url" | "secret";
  /** Common values of a free-text field: forms offer them, schemas list them as `examples`. */
  suggest?: readonly Suggestion[];
}

/** A value offered for a field, with a name for people. */
export interface Suggestion {
  value: string;
  label: string;
}

export interface StructDesc {
  fields: readonly FieldDesc[];
  doc?: string;
}

export interface SpecDesc {
  /** Go package name of the base types (v0_5, …), used in type-error messages. */
  pkg: string;
  /** Go package of the variant-specific types (v1_5, …), for those listed in `variantTypes`. */
  variantPkg: string;
  variantTypes: ReadonlySet<string>;
  types: Readonly<Record<string, StructDesc>>;
  root: string;
}

export const str = (e?: readonly string[]): TypeDesc => (e ? { kind: "string", enum: e } : { kind: "string" });
export const int = (): TypeDesc => ({ kind: "int" });
export const bool = (): TypeDesc => ({ kind: "bool" });
export const list = (item: TypeDesc): TypeDesc => ({ kind: "list", item });
export const map = (value: TypeDesc): TypeDesc => ({ kind: "map", value });
export const ref = (name: string): TypeDesc => ({ kind: "ref", name });

/** A field; `doc` is required so every field gets documentation. */
export function field(key: string, type: TypeDesc, doc: string, extra: Partial<FieldDesc> = {}): FieldDesc {
  return { key, type, doc, ...extra };
}

export interface FieldInsert {
  field: FieldDesc;
  /** Insert after this key (Go field order matters for traversal); default: at the end. */
  after?: string;
  /** Insert before every other field. */
  first?: boolean;
}

export interface SpecDelta {
  pkg?: string;
  variantPkg?: string;
  /** New types, or whole replacements. */
  types?: Record<string, StructDesc>;
  /** Fields added to existing types. */
  add?: Record<string, FieldInsert[]>;
  /** Fields replaced in place (same key). */
  change?: Record<string, FieldDesc[]>;
  /** Fields removed: type name → keys. */
  remove?: Record<string, string[]>;
  variantTypes?: string[];
  /** Types dropped entirely (with the fields referring to them removed by `remove`). */
  dropTypes?: string[];
}

/** A new spec: `base` plus `delta`. `base` is never modified. */
export function extendSpec(base: SpecDesc, delta: SpecDelta): SpecDesc {
  const types: Record<string, StructDesc> = { ...base.types, ...(delta.types ?? {}) };
  for (const [name, inserts] of Object.entries(delta.add ?? {})) {
    const t = mustType(types, name);
    const fields = [...t.fields];
    for (const ins of inserts) {
      if (fields.some((f) => f.key === ins.field.key)) throw new Error(`${name}.${ins.field.key} exists`);
      const at = ins.first ? 0 : ins.after === undefined ? fields.length : fields.findIndex((f) => f.key === ins.after) + 1;
      if (at === 0 && !ins.first) throw new Error(`${name}: no field ${String(ins.after)}`);
      fields.splice(at, 0, ins.field);
    }
    types[name] = { ...t, fields };
  }
  for (const [name, changed] of Object.entries(delta.change ?? {})) {
    const t = mustType(types, name);
    types[name] = {
      ...t,
      fields: t.fields.map((f) => changed.find((c) => c.key === f.key) ?? f),
    };
    for (const c of changed) if (!t.fields.some((f) => f.key === c.key)) throw new Error(`${name}.${c.key} missing`);
  }
  for (const [name, keys] of Object.entries(delta.remove ?? {})) {
    const t = mustType(types, name);
    types[name] = { ...t, fields: t.fields.filter((f) => !keys.includes(f.key)) };
  }
  for (const name of delta.dropTypes ?? []) delete types[name];
  return {
    pkg: delta.pkg ?? base.pkg,
    variantPkg: delta.variantPkg ?? base.variantPkg,
    variantTypes: new Set([...base.variantTypes, ...(delta.variantTypes ?? [])]),
    types,
    root: base.root,
  };
}

function mustType(types: Record<string, StructDesc>, name: string): StructDesc {
  const t = types[name];
  if (!t) throw new Error(`unknown type ${name}`);
  return t;
}

/** Looks up a struct type by name. */
export function structOf(spec: SpecDesc, name: string): StructDesc {
  const t = spec.types[name];
  if (!t) throw new Error(`unknown type ${name}`);
  return t;
}

/** Go's name for a type, as yaml.v3 prints it in `cannot unmarshal … into TYPE`. */
export function goTypeName(spec: SpecDesc, t: TypeDesc): string {
  switch (t.kind) {
    case "string":
      return "string";
    case "int":
      return "int";
    case "bool":
      return "bool";
    case "list":
      return "[]" + goTypeName(spec, t.item);
    case "map":
      return "map[string]" + goTypeName(spec, t.value);
    case "ref":
      return `${spec.variantTypes.has(t.name) ? spec.variantPkg : spec.pkg}.${t.name}`;
  }
}
