/**
 * The spec kit: a small vocabulary for describing a Butane spec version declaratively.
 * A version is a set of named struct types plus a root type. Later versions are earlier ones plus
 * a delta (`extendSpec`), so a review shows exactly what each version changes. Types, validation,
 * JSON Schemas, docs and form fields are all derived from these descriptions.
 *
 * The description also carries Butane's Go types, which yaml.v3 names in its type errors
 * (`cannot unmarshal !!seq into v0_5.Device`): struct names are Go's, each type lives in a Go
 * package (the base package, or the variant's own), a string or list can be a named Go type
 * (`type Device string`, `type HTTPHeaders []HTTPHeader`), and a scalar field is a pointer
 * (`*string`, `*int`, `*bool`) unless the field says it is a value. Go's type names are derived from
 * these facts (`goTypeName`, `fieldGoType`); Go's `int` is 64 bits (`GO_INT_MIN`, `GO_INT_MAX`).
 */

export type TypeDesc =
  | { kind: "string"; enum?: readonly string[]; goName?: string }
  | { kind: "int" }
  | { kind: "bool" }
  | { kind: "list"; item: TypeDesc; goName?: string }
  | { kind: "map"; value: TypeDesc }
  | { kind: "ref"; name: string };

/** The range of Go's `int` on the 64-bit platforms Butane ships for. */
export const GO_INT_MIN = -(2n ** 63n);
export const GO_INT_MAX = 2n ** 63n - 1n;

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
  /**
   * Whether Go declares the field as a pointer. By default a scalar field is one (`*string`,
   * `*int`, `*bool`) and a struct or list field is not; `false` marks a scalar value (`string`),
   * `true` a pointer to a struct (`*Clevis`).
   */
  goPtr?: boolean;
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
  /** Go package of the root type (the variant's package: v1_5, v4_18, …). */
  variantPkg: string;
  /** Go package of each type declared outside the base package, by type name. */
  typePkgs: Readonly<Record<string, string>>;
  types: Readonly<Record<string, StructDesc>>;
  root: string;
}

export const str = (e?: readonly string[]): TypeDesc => (e ? { kind: "string", enum: e } : { kind: "string" });
export const int = (): TypeDesc => ({ kind: "int" });
export const bool = (): TypeDesc => ({ kind: "bool" });
export const list = (item: TypeDesc): TypeDesc => ({ kind: "list", item });
export const map = (value: TypeDesc): TypeDesc => ({ kind: "map", value });
export const ref = (name: string): TypeDesc => ({ kind: "ref", name });
/** `t` under a Go type name (`type Device string`, `type HTTPHeaders []HTTPHeader`). */
export function named(goName: string, t: TypeDesc): TypeDesc {
  if (t.kind !== "string" && t.kind !== "list") throw new Error(`named ${goName}: only strings and lists are named here`);
  return { ...t, goName };
}

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
  /** A new base package: every type (but those of a variant's package) is now declared there. */
  pkg?: string;
  /** The variant's package: the root type and the types in `variantTypes` are declared there. */
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
  const variantPkg = delta.variantPkg ?? base.variantPkg;
  const typePkgs: Record<string, string> = { ...base.typePkgs };
  for (const name of delta.variantTypes ?? []) typePkgs[name] = variantPkg;
  for (const name of delta.dropTypes ?? []) delete typePkgs[name];
  return { pkg: delta.pkg ?? base.pkg, variantPkg, typePkgs, types, root: base.root };
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

/** The Go package a type of the spec is declared in. */
function goPackageOf(spec: SpecDesc, name: string): string {
  return spec.typePkgs[name] ?? (name === spec.root ? spec.variantPkg : spec.pkg);
}

/** Go's name for a type (`reflect.Type.String()`), as yaml.v3 prints it in `cannot unmarshal … into TYPE`. */
export function goTypeName(spec: SpecDesc, t: TypeDesc): string {
  switch (t.kind) {
    case "string":
      return t.goName !== undefined ? `${goPackageOf(spec, t.goName)}.${t.goName}` : "string";
    case "int":
      return "int";
    case "bool":
      return "bool";
    case "list":
      return t.goName !== undefined ? `${goPackageOf(spec, t.goName)}.${t.goName}` : "[]" + goTypeName(spec, t.item);
    case "map":
      return "map[string]" + goTypeName(spec, t.value);
    case "ref":
      return `${goPackageOf(spec, t.name)}.${t.name}`;
  }
}

/** Whether values of the type are Go scalars (strings, ints, bools). */
export function isScalar(t: TypeDesc): boolean {
  return t.kind === "string" || t.kind === "int" || t.kind === "bool";
}

/** Whether Go declares the field as a pointer (see `FieldDesc.goPtr`). */
export function isGoPointer(f: FieldDesc): boolean {
  return f.goPtr ?? isScalar(f.type);
}

/** The Go type of a struct field (`*string`, `int`, `[]v0_5.Device`, `*v0_3.Clevis` …). */
export function fieldGoType(spec: SpecDesc, f: FieldDesc): string {
  return (isGoPointer(f) ? "*" : "") + goTypeName(spec, f.type);
}

/** The types of `types` reachable from `root` through fields (lists, maps, refs), in visit order. */
export function reachableTypes<T extends { fields: readonly FieldDesc[] }>(types: Readonly<Record<string, T>>, root: string): Record<string, T> {
  const out: Record<string, T> = {};
  const visit = (name: string): void => {
    if (out[name]) return;
    const t = types[name];
    if (!t) throw new Error(`unknown type ${name}`);
    out[name] = t;
    for (const f of t.fields) {
      let ty = f.type;
      while (ty.kind === "list" || ty.kind === "map") ty = ty.kind === "list" ? ty.item : ty.value;
      if (ty.kind === "ref") visit(ty.name);
    }
  };
  visit(root);
  return out;
}
