/**
 * The TypeScript types of every Butane variant/version, as the text of a module (written by
 * `npm run gen` to src/library/generated/butane-config.ts, the library's `ButaneConfig`).
 * Derived from the same spec description as the JSON Schemas: one interface per distinct struct
 * (a struct that no version changes is written once and shared), a root interface per
 * variant/version with `variant` and `version` pinned, and the field docs as JSDoc, so an editor
 * completes and documents a config object. Pure.
 */
import type { FieldDesc, SpecDesc, TypeDesc } from "./kit.ts";
import { registry, type VariantSpec } from "./variants.ts";

/** `1.6.0` → `1_6_0`, `1.8.0-experimental` → `1_8_0_exp`: a part of an identifier. */
const idPart = (s: string): string => s.replace(/-experimental$/, "-exp").replace(/[^A-Za-z0-9]/g, "_");

const doc = (text: string, indent: string): string => `${indent}/** ${text.replace(/\*\//g, "*\\/")} */\n`;

/** Names the distinct struct bodies across all specs; collects their declarations in order. */
class Declarations {
  private readonly byBody = new Map<string, string>();
  readonly out: string[] = [];

  /** The interface name for `name` in `vs`, declaring it (and what it uses) the first time. */
  struct(vs: VariantSpec, name: string, seen: ReadonlySet<string> = new Set()): string {
    if (seen.has(name)) throw new Error(`recursive type ${name} in ${vs.variant} ${vs.version}`);
    const desc = vs.spec.types[name];
    if (!desc) throw new Error(`unknown type ${name} in ${vs.variant} ${vs.version}`);
    const inner = new Set(seen).add(name);
    const pins = name === vs.spec.root ? { variant: vs.variant, version: vs.version } : undefined;
    const body = desc.fields.map((f) => this.member(vs, f, inner, pins)).join("");
    const key = `${name}\n${body}`;
    const known = this.byBody.get(key);
    if (known) return known;
    const id = `${name}_${idPart(vs.variant)}_${idPart(vs.version)}`;
    this.byBody.set(key, id);
    this.out.push(`${desc.doc ? doc(desc.doc, "") : ""}export interface ${id} {\n${body}}\n`);
    return id;
  }

  private member(vs: VariantSpec, f: FieldDesc, seen: ReadonlySet<string>, pins?: Record<string, string>): string {
    const pinned = pins?.[f.key];
    const type = pinned !== undefined ? JSON.stringify(pinned) : this.type(vs, f.type, seen);
    const key = /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(f.key) ? f.key : JSON.stringify(f.key);
    return `${doc(f.doc, "  ")}  ${key}${f.required ? "" : "?"}: ${type};\n`;
  }

  private type(vs: VariantSpec, t: TypeDesc, seen: ReadonlySet<string>): string {
    switch (t.kind) {
      case "string":
        return t.enum ? t.enum.map((e) => JSON.stringify(e)).join(" | ") : "string";
      case "int":
        return "number";
      case "bool":
        return "boolean";
      case "list": {
        const item = this.type(vs, t.item, seen);
        return `readonly (${item})[]`.replace(/^readonly \(([A-Za-z0-9_]+)\)\[\]$/, "readonly $1[]");
      }
      case "map":
        return `{ readonly [key: string]: ${this.type(vs, t.value, seen)} }`;
      case "ref":
        return this.struct(vs, t.name, seen);
    }
  }
}

/** The generated module's text. */
export function butaneConfigTypes(notice: string): string {
  const decls = new Declarations();
  const byVariant = new Map<string, string[]>();
  for (const vs of registry.values()) {
    const root = decls.struct(vs, (vs.spec as SpecDesc).root);
    const rows = byVariant.get(vs.variant) ?? [];
    rows.push(`    ${JSON.stringify(vs.version)}: ${root};\n`);
    byVariant.set(vs.variant, rows);
  }
  const index = [...byVariant].map(([variant, rows]) => `  ${JSON.stringify(variant)}: {\n${rows.join("")}  };\n`).join("");
  return (
    `// ${notice}\n` +
    "\n" +
    "/** Every Butane variant and version, each with the type of its config. */\n" +
    `export interface ButaneConfigs {\n${index}}\n\n` +
    decls.out.join("\n")
  );
}
