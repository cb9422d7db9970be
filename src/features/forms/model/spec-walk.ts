/** Field descriptions of a variant/version's spec by config path (docs and types for form fields). */
import { lookupSpec, type VariantSpec } from "../../../transpiler/spec/variants.ts";
import { structOf, type FieldDesc, type StructDesc, type TypeDesc } from "../../../transpiler/spec/kit.ts";
import type { EditPath } from "./config.ts";

export type { FieldDesc, StructDesc, TypeDesc, VariantSpec };

export function specFor(variant: string | undefined, version: string | undefined): VariantSpec | undefined {
  return variant && version ? lookupSpec(variant, version) : undefined;
}

/** The field description at `path` (list indexes and map keys pass through), or undefined when the spec has none. */
export function fieldAt(vs: VariantSpec, path: EditPath): FieldDesc | undefined {
  let t: TypeDesc = { kind: "ref", name: vs.spec.root };
  let f: FieldDesc | undefined;
  for (const k of path) {
    if (typeof k === "number") {
      if (t.kind !== "list") return undefined;
      t = t.item;
      continue;
    }
    if (t.kind === "map") {
      t = t.value;
      continue;
    }
    if (t.kind !== "ref") return undefined;
    f = vs.spec.types[t.name]?.fields.find((x) => x.key === k);
    if (!f) return undefined;
    t = f.type;
  }
  return f;
}

/** The struct type at `path` (through lists), or undefined. */
export function structAt(vs: VariantSpec, path: EditPath): StructDesc | undefined {
  let t: TypeDesc | undefined = path.length === 0 ? { kind: "ref", name: vs.spec.root } : fieldAt(vs, path)?.type;
  while (t && t.kind === "list") t = t.item;
  return t?.kind === "ref" ? structOf(vs.spec, t.name) : undefined;
}

/** Whether the spec has a field at `path`. */
export const hasField = (vs: VariantSpec, path: EditPath): boolean => fieldAt(vs, path) !== undefined;
