/**
 * The field reference of a variant/version as format-neutral data, rendered as Markdown
 * (generate.ts, docs/spec/) and as the HTML pages the studio serves (doc-html.ts). Texts may hold
 * `code` in backticks. Pure.
 */
import { butaneFields, EXCLUSIVE_KEYS, exclusiveNote, type DocField } from "./json-schema.ts";
import type { TypeDesc } from "./kit.ts";
import { registry, type VariantSpec } from "./variants.ts";

const code = (s: string): string => "`" + s + "`";

export function typeText(t: TypeDesc, hint?: string): string {
  switch (t.kind) {
    case "string":
      return t.enum ? `string, one of ${t.enum.map((e) => code(e === "" ? '""' : e)).join(", ")}` : "string";
    case "int":
      return hint === "mode" ? "integer (mode, 0 to 07777)" : "integer";
    case "bool":
      return "boolean";
    case "list":
      return `list of ${typeText(t.item)}`;
    case "map":
      return `map of ${typeText(t.value)}`;
    case "ref":
      return "object";
  }
}

/** One row of the field table. */
export interface FieldCells {
  path: string;
  type: string;
  required: boolean;
  description: string;
  /** e.g. "fcos 1.5.0", or "" when the field is as old as the variant. */
  since: string;
}

export function fieldCells(f: DocField, vs: VariantSpec): FieldCells {
  const pinned = f.owner === vs.spec.root && (f.field.key === "variant" || f.field.key === "version");
  const type = pinned ? `string, ${code(f.field.key === "variant" ? vs.variant : vs.version)}` : typeText(f.field.type, f.field.hint);
  const note = exclusiveNote(f.field.key, vs.spec.types[f.owner]?.fields.map((x) => x.key) ?? []);
  const description = [f.field.doc, ...(note ? [note] : [])].join(" ");
  return { path: f.path, type, required: f.field.required === true, description, since: f.since ?? "" };
}

/** The versions of the same variant just before and after `vs`. */
export function siblings(vs: VariantSpec): { prev?: VariantSpec; next?: VariantSpec } {
  const same = [...registry.values()].filter((s) => s.variant === vs.variant);
  const i = same.indexOf(vs);
  const out: { prev?: VariantSpec; next?: VariantSpec } = {};
  const prev = same[i - 1];
  const next = same[i + 1];
  if (prev) out.prev = prev;
  if (next) out.next = next;
  return out;
}

/** The fields first seen in `vs` (empty for a variant's first version). */
export function newFields(vs: VariantSpec): DocField[] {
  return siblings(vs).prev ? butaneFields(vs).filter((f) => f.since === `${vs.variant} ${vs.version}`) : [];
}

/** The groups of mutually exclusive keys, with the paths of the structs that have them. */
export function exclusiveGroups(vs: VariantSpec): { keys: string[]; paths: string[] }[] {
  const out: { keys: string[]; paths: string[] }[] = [];
  const fields = butaneFields(vs);
  for (const group of EXCLUSIVE_KEYS) {
    const byOwnerPath = new Map<string, string[]>();
    for (const f of fields) {
      if (!group.includes(f.field.key)) continue;
      const parent = f.path.slice(0, f.path.length - f.field.key.length - 1) || "(root)";
      const keys = byOwnerPath.get(parent) ?? [];
      keys.push(f.field.key);
      byOwnerPath.set(parent, keys);
    }
    const byKeys = new Map<string, string[]>();
    for (const [parent, keys] of byOwnerPath) {
      if (keys.length < 2) continue;
      const k = keys.join(",");
      byKeys.set(k, [...(byKeys.get(k) ?? []), parent]);
    }
    for (const [k, paths] of byKeys) out.push({ keys: k.split(","), paths });
  }
  return out;
}
