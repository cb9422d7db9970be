/**
 * "Insert into my config": a template's settings merged into the user's YAML as minimal text
 * edits (the CST edit layer, lib/yaml-edit), so every comment and line of the user's stays.
 *
 * The merge follows how Butane configs combine: mappings merge key by key; a list of records
 * matches items by their identifying key (name, path, device, label, number), so a template's
 * `core` user or `/etc/hostname` file joins the user's own entry instead of duplicating it; a
 * list of strings gains the missing ones. A value the user already set differently is a
 * conflict: nothing is inserted and the conflicts are named. What names the document —
 * `variant`, `version` and openshift's `metadata` (the MachineConfig's name and pool) — stays the
 * user's; whether the template's content suits that spec is the caller's check (a transpile).
 */
import { readYaml, writeConfig } from "../../lib/yaml-edit/yaml-edit.ts";

export type InsertResult =
  | {
      ok: true;
      /** The user's text with the template's settings added. */
      text: string;
      /** The template's variant/version when they differ from the user's (the content was adapted). */
      from: { variant: string; version: string } | null;
    }
  | { ok: false; reason: string };

type Rec = Record<string, unknown>;
const isRec = (v: unknown): v is Rec => typeof v === "object" && v !== null && !Array.isArray(v);

/** Keys that identify a list item, in the order Butane's configs use them. */
const IDENTITY = ["name", "path", "device", "label", "number"] as const;

function identity(item: Rec): [string, unknown] | null {
  for (const k of IDENTITY) if (item[k] !== undefined && item[k] !== null) return [k, item[k]];
  return null;
}

/** `a.b[/etc/x].c`: a path as people read it, list items by their identity. */
function show(path: readonly string[]): string {
  return path.join("").replace(/^\./, "");
}

function merge(mine: unknown, theirs: unknown, path: string[], conflicts: string[]): unknown {
  if (mine === undefined || mine === null) return theirs;
  if (isRec(mine) && isRec(theirs)) {
    const out: Rec = { ...mine };
    for (const [k, v] of Object.entries(theirs)) out[k] = merge(mine[k], v, [...path, `.${k}`], conflicts);
    return out;
  }
  if (Array.isArray(mine) && Array.isArray(theirs)) {
    const out: unknown[] = [...mine];
    for (const item of theirs) {
      if (isRec(item)) {
        const id = identity(item);
        const at = id ? out.findIndex((x) => isRec(x) && x[id[0]] === id[1]) : -1;
        if (at >= 0 && id) out[at] = merge(out[at], item, [...path, `[${String(id[1])}]`], conflicts);
        else out.push(item);
      } else if (!out.some((x) => x === item)) {
        out.push(item);
      }
    }
    return out;
  }
  if (mine !== theirs) conflicts.push(show(path));
  return mine;
}

/** Merges `template` (Butane YAML) into `current` (the user's text). */
export function insertTemplate(current: string, template: string): InsertResult {
  const tpl = readYaml(template);
  if (!tpl.ok || !isRec(tpl.value)) return { ok: false, reason: "The template could not be read." };
  const cur = readYaml(current);
  if (!cur.ok) return { ok: false, reason: `Your config cannot be merged into: ${cur.message} Fix it in the editor first, or start a new draft.` };
  if (cur.value === null || cur.value === undefined || (isRec(cur.value) && Object.keys(cur.value).length === 0)) {
    // Nothing of the user's to keep but comments: the template goes after them.
    return { ok: true, text: (current.trim() === "" ? "" : current.replace(/\n?$/, "\n")) + template, from: null };
  }
  if (!isRec(cur.value)) return { ok: false, reason: "Your config is not a mapping of keys to values, so nothing can be merged into it." };

  const { variant, version, metadata, ...settings } = tpl.value;
  const conflicts: string[] = [];
  const merged = merge(cur.value, settings, [], conflicts) as Rec;
  if (conflicts.length > 0) {
    const list = conflicts.slice(0, 4).join(", ") + (conflicts.length > 4 ? ` and ${conflicts.length - 4} more` : "");
    return {
      ok: false,
      reason: `Not inserted: your config already sets ${list} to something else. Change it in your config, or start a new draft from the template.`,
    };
  }
  const same = cur.value.variant === variant && cur.value.version === version;
  // A config without variant, version or metadata gets the template's.
  const withSpec: Rec = { ...merged };
  for (const [k, v] of Object.entries({ variant, version, metadata })) if (withSpec[k] === undefined && v !== undefined) withSpec[k] = v;
  return {
    ok: true,
    text: writeConfig(current, withSpec),
    from: same || cur.value.variant === undefined ? null : { variant: String(variant), version: String(version) },
  };
}
