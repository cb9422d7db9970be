/**
 * The duplicate pass (Ignition `ValidateDups`): depth-first over the config in Go field order;
 * at each struct, every list field (not ignored) is keyed and later items whose key was already
 * seen get `duplicate entry defined`. Some lists share one key space.
 */
import { isObject, listAt, listItemString, objAt, objListAt, optObjAt, strAt } from "./access.ts";
import { MSG } from "./messages.ts";
import { at, type IgnPath, type Report } from "./report.ts";
import type { IgnObject } from "./types.ts";

type KeyFn = (item: unknown) => string;

const stringKey: KeyFn = (item) => listItemString(item);
const nameKey: KeyFn = (item) => (isObject(item) ? (strAt(item, "name") ?? "") : "");
const pathKey: KeyFn = (item) => (isObject(item) ? (strAt(item, "path") ?? "") : "");
const deviceKey: KeyFn = (item) => (isObject(item) ? (strAt(item, "device") ?? "") : "");
const sourceKey: KeyFn = (item) => (isObject(item) ? (strAt(item, "source") ?? "") : "");
const urlKey: KeyFn = (item) => (isObject(item) ? (strAt(item, "url") ?? "") : "");

/** Partition key: `number:N` when numbered, else `label:L` when a label is set, else `""`. */
const partitionKey: KeyFn = (item) => {
  if (!isObject(item)) return "";
  const n = item["number"];
  if ((typeof n === "number" || typeof n === "bigint") && Number(n) !== 0) return `number:${n}`;
  const label = strAt(item, "label");
  if (label !== undefined) return `label:${label}`;
  return "";
};

/** Checks one list of `parent` against `seen` (a key space, possibly shared). */
function dupList(r: Report, parent: IgnObject, key: string, path: IgnPath, keyFn: KeyFn, seen = new Set<string>()): Set<string> {
  listAt(parent, key).forEach((item, i) => {
    const k = keyFn(item);
    if (seen.has(k)) r.error(at(path, key, i), MSG.duplicate);
    seen.add(k);
  });
  return seen;
}

function dupResource(r: Report, res: IgnObject, path: IgnPath): void {
  if (r.has.httpHeaders) dupList(r, res, "httpHeaders", path, nameKey);
}

function dupIgnition(r: Report, ign: IgnObject, path: IgnPath): void {
  const cfgPath = at(path, "config");
  const cfg = objAt(ign, "config");
  dupList(r, cfg, "merge", cfgPath, sourceKey);
  objListAt(cfg, "merge").forEach((m, i) => dupResource(r, m, at(cfgPath, "merge", i)));
  dupResource(r, objAt(cfg, "replace"), at(cfgPath, "replace"));
  if (r.has.proxy) {
    dupList(r, objAt(ign, "proxy"), "noProxy", at(path, "proxy"), stringKey);
  }
  const tlsPath = at(path, "security", "tls");
  const tls = objAt(objAt(ign, "security"), "tls");
  dupList(r, tls, "certificateAuthorities", tlsPath, sourceKey);
  objListAt(tls, "certificateAuthorities").forEach((ca, i) => dupResource(r, ca, at(tlsPath, "certificateAuthorities", i)));
}

function dupPasswd(r: Report, passwd: IgnObject, path: IgnPath): void {
  dupList(r, passwd, "groups", path, nameKey);
  dupList(r, passwd, "users", path, nameKey);
  objListAt(passwd, "users").forEach((u, i) => {
    const up = at(path, "users", i);
    dupList(r, u, "groups", up, stringKey);
    dupList(r, u, "sshAuthorizedKeys", up, stringKey);
  });
}

function dupFile(r: Report, file: IgnObject, path: IgnPath): void {
  // `append` itself allows duplicates; its resources are still checked inside
  objListAt(file, "append").forEach((a, i) => dupResource(r, a, at(path, "append", i)));
  dupResource(r, objAt(file, "contents"), at(path, "contents"));
}

function dupLuks(r: Report, luks: IgnObject, path: IgnPath): void {
  if (r.has.luksOpenOptions) dupList(r, luks, "openOptions", path, stringKey);
  const clevis = r.has.plainClevisCustom ? optObjAt(luks, "clevis") : objAt(luks, "clevis");
  if (clevis !== undefined) dupList(r, clevis, "tang", at(path, "clevis"), urlKey);
  dupResource(r, objAt(luks, "keyFile"), at(path, "keyFile"));
}

function dupStorage(r: Report, storage: IgnObject, path: IgnPath): void {
  // directories, files and links share the "Node" key space, in field order
  const nodes = dupList(r, storage, "directories", path, pathKey);
  dupList(r, storage, "disks", path, deviceKey);
  dupList(r, storage, "files", path, pathKey, nodes);
  dupList(r, storage, "filesystems", path, deviceKey);
  dupList(r, storage, "links", path, pathKey, nodes);
  if (r.has.luks) dupList(r, storage, "luks", path, nameKey);
  dupList(r, storage, "raid", path, nameKey);

  objListAt(storage, "disks").forEach((d, i) => dupList(r, d, "partitions", at(path, "disks", i), partitionKey));
  objListAt(storage, "files").forEach((f, i) => dupFile(r, f, at(path, "files", i)));
  if (r.has.luks) objListAt(storage, "luks").forEach((l, i) => dupLuks(r, l, at(path, "luks", i)));
  objListAt(storage, "raid").forEach((ra, i) => dupList(r, ra, "devices", at(path, "raid", i), stringKey));
}

function dupSystemd(r: Report, systemd: IgnObject, path: IgnPath): void {
  dupList(r, systemd, "units", path, nameKey);
  objListAt(systemd, "units").forEach((u, i) => dupList(r, u, "dropins", at(path, "units", i), nameKey));
}

/** Runs the duplicate pass over a whole config. */
export function checkDuplicates(r: Report, config: IgnObject): void {
  dupIgnition(r, objAt(config, "ignition"), ["ignition"]);
  if (r.has.kernelArguments) {
    const kargs = objAt(config, "kernelArguments");
    const seen = dupList(r, kargs, "shouldExist", ["kernelArguments"], stringKey);
    dupList(r, kargs, "shouldNotExist", ["kernelArguments"], stringKey, seen);
  }
  dupPasswd(r, objAt(config, "passwd"), ["passwd"]);
  dupStorage(r, objAt(config, "storage"), ["storage"]);
  dupSystemd(r, objAt(config, "systemd"), ["systemd"]);
}
