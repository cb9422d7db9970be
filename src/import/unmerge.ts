/**
 * The inverse of Ignition's config merge, as Butane uses it to lay generated sugar (mount units,
 * boot_device storage, GRUB's user.cfg) under the user's own config: given what the sugar
 * generates (the parent) and a whole config, the smallest child config that the merge turns back
 * into that config — or null when no child can (the config lacks or reorders what the sugar makes).
 *
 * Merge rules inverted here: objects merge key by key (the child's keys win); keyed lists keep the
 * parent's entries first, in order, each merged with the child's entry of the same key, then the
 * child's other entries; "append" lists (file append, mkfs/cryptsetup/mdadm options) concatenate.
 */
import { canonical } from "./compare.ts";
import { isObj, type Json } from "./types.ts";

type Key = "path" | "device" | "name" | "source" | "url" | "partition" | "string";
type Rule = { obj: string } | { keyed: Key; item?: string } | { concat: true };

const strings: Rule = { keyed: "string" };
const resources: Rule = { keyed: "source", item: "Resource" };
const owner: Rule = { obj: "Plain" };

/** Ignition 3's nested types: how each field merges. Unlisted fields are plain values. */
const TYPES: Readonly<Record<string, Readonly<Record<string, Rule>>>> = {
  Config: {
    ignition: { obj: "Ignition" },
    kernelArguments: { obj: "KernelArguments" },
    passwd: { obj: "Passwd" },
    storage: { obj: "Storage" },
    systemd: { obj: "Systemd" },
  },
  Ignition: { config: { obj: "IgnitionConfig" }, proxy: { obj: "Proxy" }, security: { obj: "Security" }, timeouts: { obj: "Plain" } },
  IgnitionConfig: { merge: resources, replace: { obj: "Resource" } },
  Resource: { httpHeaders: { keyed: "name", item: "Plain" }, verification: { obj: "Plain" } },
  Proxy: { noProxy: strings },
  Security: { tls: { obj: "TLS" } },
  TLS: { certificateAuthorities: resources },
  KernelArguments: { shouldExist: strings, shouldNotExist: strings },
  Passwd: { groups: { keyed: "name", item: "Plain" }, users: { keyed: "name", item: "User" } },
  User: { groups: strings, sshAuthorizedKeys: strings },
  Storage: {
    directories: { keyed: "path", item: "Node" },
    disks: { keyed: "device", item: "Disk" },
    files: { keyed: "path", item: "File" },
    filesystems: { keyed: "device", item: "Filesystem" },
    links: { keyed: "path", item: "Node" },
    luks: { keyed: "name", item: "Luks" },
    raid: { keyed: "name", item: "Raid" },
  },
  Node: { group: owner, user: owner },
  File: { group: owner, user: owner, append: { concat: true }, contents: { obj: "Resource" } },
  Disk: { partitions: { keyed: "partition", item: "Plain" } },
  Filesystem: { mountOptions: { concat: true }, options: { concat: true } },
  Luks: { cex: { obj: "Plain" }, clevis: { obj: "Clevis" }, keyFile: { obj: "Resource" }, openOptions: strings, options: { concat: true } },
  Clevis: { custom: { obj: "Plain" }, tang: { keyed: "url", item: "Plain" } },
  Raid: { devices: strings, options: { concat: true } },
  Systemd: { units: { keyed: "name", item: "Unit" } },
  Unit: { dropins: { keyed: "name", item: "Plain" } },
  Plain: {},
};

function itemKey(kind: Key, item: unknown): string {
  if (kind === "string") return typeof item === "string" ? item : JSON.stringify(item);
  if (!isObj(item)) return "";
  if (kind === "partition") {
    const n = item.number;
    if (typeof n === "number" && n !== 0) return `number:${n}`;
    return item.label !== undefined ? `label:${String(item.label)}` : "";
  }
  const v = item[kind];
  return typeof v === "string" ? v : "";
}

/** The fields a child entry needs so the merge pairs it with the parent's entry. */
function keyFields(kind: Key, item: Json): Json {
  if (kind === "partition") {
    const n = item.number;
    return typeof n === "number" && n !== 0 ? { number: n } : { label: item.label };
  }
  return kind === "string" ? {} : { [kind]: item[kind] };
}

export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((x, i) => deepEqual(x, b[i]));
  if (isObj(a)) {
    if (!isObj(b)) return false;
    const ka = Object.keys(a).filter((k) => a[k] !== undefined);
    const kb = Object.keys(b).filter((k) => b[k] !== undefined);
    return ka.length === kb.length && ka.every((k) => deepEqual(a[k], b[k]));
  }
  return false;
}

/** The child config `c` with merge(parent, c) = `config`, or null. Inputs are not modified. */
export function unmergeConfig(parent: Json, config: Json): Json | null {
  return unmergeObject("Config", parent, config);
}

/** Equal as Ignition reads them: data URLs by their bytes, whatever their encoding. */
function sameValue(a: unknown, b: unknown): boolean {
  return deepEqual(a, b) || deepEqual(canonical(a), canonical(b));
}

function unmergeObject(type: string, p: Json, o: Json): Json | null {
  // a resource the sugar generates, encoded differently by another Butane: nothing to add
  if (type === "Resource" && sameValue(p, o)) return {};
  const rules = TYPES[type] ?? {};
  const out: Json = {};
  for (const k of Object.keys(o)) if (!(k in p) && o[k] !== undefined) out[k] = o[k];
  for (const k of Object.keys(p)) {
    const pv = p[k];
    const ov = o[k];
    if (pv === undefined) continue;
    if (ov === undefined) return null;
    const rule = rules[k];
    if (rule && "obj" in rule) {
      if (!isObj(pv) || !isObj(ov)) return null;
      const sub = unmergeObject(rule.obj, pv, ov);
      if (sub === null) return null;
      if (Object.keys(sub).length > 0) out[k] = sub;
    } else if (rule && "concat" in rule) {
      if (!Array.isArray(pv) || !Array.isArray(ov) || ov.length < pv.length) return null;
      if (!pv.every((x, i) => sameValue(x, ov[i]))) return null;
      if (ov.length > pv.length) out[k] = ov.slice(pv.length);
    } else if (rule && "keyed" in rule) {
      if (!Array.isArray(pv) || !Array.isArray(ov) || ov.length < pv.length) return null;
      const child: unknown[] = [];
      for (let i = 0; i < pv.length; i++) {
        const pi = pv[i];
        const oi = ov[i];
        if (itemKey(rule.keyed, pi) !== itemKey(rule.keyed, oi)) return null;
        if (rule.keyed === "string" || !rule.item) continue;
        if (!isObj(pi) || !isObj(oi)) return null;
        const sub = unmergeObject(rule.item, pi, oi);
        if (sub === null) return null;
        const keys = keyFields(rule.keyed, pi);
        const extra = Object.keys(sub).filter((f) => !(f in keys) || !deepEqual(sub[f], keys[f]));
        if (extra.length > 0) child.push({ ...keys, ...sub });
      }
      child.push(...ov.slice(pv.length));
      if (child.length > 0) out[k] = child;
    } else if (!deepEqual(pv, ov)) {
      out[k] = ov;
    }
  }
  return out;
}
