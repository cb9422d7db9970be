/**
 * The base translation shared by every variant: Butane's fields renamed to Ignition's, in
 * Ignition's key order, resources desugared to data URLs, then trees, local SSH keys and
 * unit contents, and quadlets. Variant sugar (boot_device, grub, mount units) is layered on top.
 */
import type { Path } from "../types.ts";
import type { BObject, BValue } from "../decode.ts";
import { goString as fromUtf8 } from "../go/utf8.ts";
import { copyObject, listOf, markList, nonEmpty, type Rule } from "./copy.ts";
import type { TranslateContext } from "./context.ts";
import { ignitionSpec, type IgnitionField, type IgnitionSpec } from "../spec/ignition.ts";
import { isGoPointer, structOf } from "../spec/kit.ts";
import type { Obj } from "./provenance.ts";
import { loadLocal, translateResource, type ResourceKind } from "./resource.ts";
import { translateTrees } from "./trees.ts";
import { translateQuadlets } from "./quadlets.ts";

/**
 * A resource in a struct field (not a list item), which `omitempty` drops when all its members are
 * empty: Ignition 3.0's ConfigReference writes its `source` even when nil (`"source": null`), and
 * is then empty as a whole.
 */
const resource = (kind: ResourceKind) => (ctx: TranslateContext, v: BValue, at: Path) => {
  const r = translateResource(ctx, v as BObject, at, kind);
  return r !== undefined && Object.keys(r).length === 1 && r.source === null ? undefined : r;
};
const resources = (kind: ResourceKind) => listOf((ctx, v, at) => translateResource(ctx, v, at, kind) ?? ctx.prov.mark({}, at));

/** Ignition's resource types (3.0 had one per use) and what each resource field holds. */
const RESOURCE_TYPES: ReadonlySet<string> = new Set(["Resource", "ConfigReference", "CaReference", "FileContents"]);
const RESOURCE_KINDS: Readonly<Record<string, ResourceKind>> = {
  "IgnitionConfig.merge": "config",
  "IgnitionConfig.replace": "config",
  "TLS.certificateAuthorities": "ca",
  "File.append": "file",
  "File.contents": "file",
  "Luks.keyFile": "keyfile",
};

/** A list of leaves, omitted when empty. */
function list(ctx: TranslateContext, v: BValue, at: Path): BValue[] | undefined {
  return Array.isArray(v) && v.length > 0 ? markList(ctx, v, at) : undefined;
}

const ZERO: Readonly<Record<string, unknown>> = { string: "", int: 0, bool: false, list: [] };

/** The copy rule of one Ignition field, derived from the Ignition spec's description of it. */
function ruleOf(spec: IgnitionSpec, owner: string, f: IgnitionField): Rule {
  if (f.from === undefined) return [f.key, f.key, { always: spec.version }]; // ignition.version
  const t = f.type;
  const item = t.kind === "list" ? t.item : t;
  if (item.kind === "ref") {
    const name = item.name;
    if (RESOURCE_TYPES.has(name)) {
      const kind = RESOURCE_KINDS[`${owner}.${f.key}`];
      if (!kind) throw new Error(`Ignition ${spec.version}: no resource kind for ${owner}.${f.key}`);
      return [f.key, f.from, t.kind === "list" ? resources(kind) : resource(kind)];
    }
    const nested = (c: TranslateContext, v: BValue, at: Path) => copyObject(c, v as BObject, at, rulesOf(spec, name));
    if (t.kind === "list") return [f.key, f.from, listOf(nested)];
    // A Go pointer to a struct is written when set, even empty; a struct value is dropped when empty.
    return [f.key, f.from, isGoPointer(f) ? nested : (c, v, at) => nonEmpty(nested(c, v, at))];
  }
  if (f.emit === "always") return [f.key, f.from, { always: ZERO[t.kind] }];
  if (f.emit === "nonzero") return [f.key, f.from, (_c, v) => (v === ZERO[t.kind] ? undefined : v)];
  return t.kind === "list" ? [f.key, f.from, list] : [f.key, f.from];
}

const rulesCache = new WeakMap<IgnitionSpec, Map<string, Rule[]>>();

/** The copy rules of Ignition struct `type`, in Ignition's key order. */
function rulesOf(spec: IgnitionSpec, type: string): Rule[] {
  let byType = rulesCache.get(spec);
  if (!byType) rulesCache.set(spec, (byType = new Map()));
  let rules = byType.get(type);
  if (!rules) {
    rules = structOf(spec, type).fields.map((f) => ruleOf(spec, type, f as IgnitionField));
    byType.set(type, rules);
  }
  return rules;
}

/** The Ignition key order of struct `type` in the spec `ctx` emits. */
function orderOf(ctx: TranslateContext, type: string): string[] {
  return structOf(ignitionSpec(ctx.vs.ignition), type).fields.map((f) => f.key);
}

/** The base translation of a decoded Butane config into an Ignition config object. */
export function translateBase(ctx: TranslateContext, cfg: BObject): Obj {
  const spec = ignitionSpec(ctx.vs.ignition);
  const out = copyObject(ctx, cfg, [], rulesOf(spec, spec.root));
  if (!out.ignition) ctx.prov.set(out, "ignition", copyObject(ctx, {}, ["ignition"], rulesOf(spec, "Ignition")), ["ignition"]);
  applyLocalSshKeys(ctx, cfg, out);
  applyUnitContentsLocal(ctx, cfg, out);
  translateTrees(ctx, cfg, out);
  translateQuadlets(ctx, cfg, out);
  return reorder(out, orderOf(ctx, spec.root));
}

/** Returns `o` with its keys in `order` (keys not listed keep their place at the end). */
export function reorder(o: Obj, order: readonly string[]): Obj {
  const keys = Object.keys(o);
  const sorted = [...order.filter((k) => keys.includes(k)), ...keys.filter((k) => !order.includes(k))];
  if (sorted.every((k, i) => keys[i] === k)) return o;
  const vals = sorted.map((k) => o[k]);
  for (const k of keys) delete o[k];
  sorted.forEach((k, i) => (o[k] = vals[i]));
  return o;
}

function applyLocalSshKeys(ctx: TranslateContext, cfg: BObject, out: Obj): void {
  const users = ((cfg.passwd as BObject | undefined)?.users ?? []) as BObject[];
  users.forEach((u, i) => {
    const locals = u.ssh_authorized_keys_local as string[] | undefined;
    if (!locals || locals.length === 0) return;
    const at: Path = ["passwd", "users", i, "ssh_authorized_keys_local"];
    if (!ctx.files) {
      ctx.entries.push({
        severity: "error",
        path: at,
        message: "local file paths are relative to a files directory that must be specified with -d/--files-dir",
      });
      return;
    }
    const ou = ((out.passwd as Obj).users as Obj[])[i]!;
    const keys = (ou.sshAuthorizedKeys as string[] | undefined) ?? [];
    const fresh = !ou.sshAuthorizedKeys;
    if (fresh) ctx.prov.set(ou, "sshAuthorizedKeys", keys, at);
    locals.forEach((local, k) => {
      const data = loadLocal(ctx, local, [...at, k]);
      if (!data) return;
      for (const line of fromUtf8(data).split(/\r?\n/)) {
        if (line === "") continue;
        ctx.prov.markKey(keys, keys.length, [...at, k]);
        keys.push(line);
      }
    });
    if (keys.length === 0) delete ou.sshAuthorizedKeys;
    else if (fresh) reorder(ou, orderOf(ctx, "PasswdUser"));
  });
}

function applyUnitContentsLocal(ctx: TranslateContext, cfg: BObject, out: Obj): void {
  const units = ((cfg.systemd as BObject | undefined)?.units ?? []) as BObject[];
  const outUnits = ((out.systemd as Obj | undefined)?.units ?? []) as Obj[];
  units.forEach((u, i) => {
    const ou = outUnits[i];
    if (!ou) return;
    const at: Path = ["systemd", "units", i];
    if (typeof u.contents_local === "string" && u.contents_local !== "") {
      const data = loadLocal(ctx, u.contents_local, [...at, "contents_local"]);
      if (data) {
        ctx.prov.set(ou, "contents", fromUtf8(data), [...at, "contents_local"]);
        reorder(ou, orderOf(ctx, "Unit"));
      }
    }
    ((u.dropins ?? []) as BObject[]).forEach((d, j) => {
      const od = (ou.dropins as Obj[] | undefined)?.[j];
      if (!od || typeof d.contents_local !== "string" || d.contents_local === "") return;
      const data = loadLocal(ctx, d.contents_local, [...at, "dropins", j, "contents_local"]);
      if (data) {
        ctx.prov.set(od, "contents", fromUtf8(data), [...at, "dropins", j, "contents_local"]);
        reorder(od, orderOf(ctx, "Dropin"));
      }
    });
  });
}

export { nonEmpty };
