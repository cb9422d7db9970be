/**
 * The base translation shared by every variant: Butane's fields renamed to Ignition's, in
 * Ignition's key order, resources desugared to data URLs, then trees, local SSH keys and
 * unit contents, and quadlets. Variant sugar (boot_device, grub, mount units) is layered on top.
 */
import type { Path } from "../types.ts";
import type { BObject, BValue } from "../decode.ts";
import { goString as fromUtf8 } from "../go/utf8.ts";
import { copyObject, listOf, markList, nonEmpty, objectOf, type Rule } from "./copy.ts";
import { ignMinor, type TranslateContext } from "./context.ts";
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
const resources = (kind: ResourceKind) =>
  listOf((ctx, v, at) => translateResource(ctx, v, at, kind) ?? ctx.prov.mark({}, at));

const nodeOwner: Rule[] = [
  ["id", "id"],
  ["name", "name"],
];
const owner = objectOf(nodeOwner);

function nodeRules(): Rule[] {
  return [
    ["group", "group", owner],
    ["overwrite", "overwrite"],
    ["path", "path", { always: "" }],
    ["user", "user", owner],
  ];
}

function storageRules(ctx: TranslateContext): Rule[] {
  const minor = ignMinor(ctx);
  const file: Rule[] = [...nodeRules(), ["append", "append", resources("file")], ["contents", "contents", resource("file")], ["mode", "mode"]];
  const dir: Rule[] = [...nodeRules(), ["mode", "mode"]];
  const link: Rule[] = [...nodeRules(), ["hard", "hard"], minor <= 2 ? ["target", "target", { always: "" }] : ["target", "target"]];
  const partition: Rule[] = [
    ["guid", "guid"],
    ["label", "label"],
    ["number", "number", (_c, v) => (v === 0 ? undefined : v)],
    ["resize", "resize"],
    ["shouldExist", "should_exist"],
    ["sizeMiB", "size_mib"],
    ["startMiB", "start_mib"],
    ["typeGuid", "type_guid"],
    ["wipePartitionEntry", "wipe_partition_entry"],
  ];
  const disk: Rule[] = [["device", "device", { always: "" }], ["partitions", "partitions", listOf((c, v, at) => copyObject(c, v, at, partition))], ["wipeTable", "wipe_table"]];
  const fs: Rule[] = [
    ["device", "device", { always: "" }],
    ["format", "format"],
    ["label", "label"],
    ["mountOptions", "mount_options", list],
    ["options", "options", list],
    ["path", "path"],
    ["uuid", "uuid"],
    ["wipeFilesystem", "wipe_filesystem"],
  ];
  const tang: Rule[] = [["advertisement", "advertisement"], ["thumbprint", "thumbprint"], ["url", "url", { always: "" }]];
  const custom: Rule[] =
    minor === 2
      ? [["config", "config", { always: "" }], ["needsNetwork", "needs_network"], ["pin", "pin", { always: "" }]]
      : [["config", "config"], ["needsNetwork", "needs_network"], ["pin", "pin"]];
  const clevis: Rule[] = [["custom", "custom", objectOf(custom)], ["tang", "tang", listOf((c, v, at) => copyObject(c, v, at, tang))], ["threshold", "threshold"], ["tpm2", "tpm2"]];
  const luks: Rule[] = [
    ["cex", "cex", objectOf([["enabled", "enabled"]])],
    // Ignition 3.2's Luks.Clevis is a pointer: a clevis given, even empty, is written (as `{}`);
    // later versions hold a struct, which encoding/json's omitempty (clarketm/json) drops when empty.
    ["clevis", "clevis", minor === 2 ? (c, v, at) => copyObject(c, v as BObject, at, clevis) : objectOf(clevis)],
    ["device", "device"],
    ["discard", "discard"],
    ["keyFile", "key_file", resource("keyfile")],
    ["label", "label"],
    ["name", "name", { always: "" }],
    ["openOptions", "open_options", list],
    ["options", "options", list],
    ["uuid", "uuid"],
    ["wipeVolume", "wipe_volume"],
  ];
  const raid: Rule[] =
    minor <= 2
      ? [["devices", "devices", { always: [] }], ["level", "level", { always: "" }], ["name", "name", { always: "" }], ["options", "options", list], ["spares", "spares"]]
      : [["devices", "devices", list], ["level", "level"], ["name", "name", { always: "" }], ["options", "options", list], ["spares", "spares"]];
  return [
    ["directories", "directories", listOf((c, v, at) => copyObject(c, v, at, dir))],
    ["disks", "disks", listOf((c, v, at) => copyObject(c, v, at, disk))],
    ["files", "files", listOf((c, v, at) => copyObject(c, v, at, file))],
    ["filesystems", "filesystems", listOf((c, v, at) => copyObject(c, v, at, fs))],
    ["links", "links", listOf((c, v, at) => copyObject(c, v, at, link))],
    ["luks", "luks", listOf((c, v, at) => copyObject(c, v, at, luks))],
    ["raid", "raid", listOf((c, v, at) => copyObject(c, v, at, raid))],
  ];
}

/** A list of leaves, omitted when empty. */
function list(ctx: TranslateContext, v: BValue, at: Path): BValue[] | undefined {
  return Array.isArray(v) && v.length > 0 ? markList(ctx, v, at) : undefined;
}

function ignitionRules(ctx: TranslateContext): Rule[] {
  return [
    [
      "config",
      "config",
      objectOf([
        ["merge", "merge", resources("config")],
        ["replace", "replace", resource("config")],
      ]),
    ],
    ["proxy", "proxy", objectOf([["httpProxy", "http_proxy"], ["httpsProxy", "https_proxy"], ["noProxy", "no_proxy", list]])],
    ["security", "security", objectOf([["tls", "tls", objectOf([["certificateAuthorities", "certificate_authorities", resources("ca")]])]])],
    ["timeouts", "timeouts", objectOf([["httpResponseHeaders", "http_response_headers"], ["httpTotal", "http_total"]])],
    ["version", "version", { always: ctx.vs.ignition }],
  ];
}

function passwdRules(): Rule[] {
  const user: Rule[] = [
    ["gecos", "gecos"],
    ["groups", "groups", list],
    ["homeDir", "home_dir"],
    ["name", "name", { always: "" }],
    ["noCreateHome", "no_create_home"],
    ["noLogInit", "no_log_init"],
    ["noUserGroup", "no_user_group"],
    ["passwordHash", "password_hash"],
    ["primaryGroup", "primary_group"],
    ["sshAuthorizedKeys", "ssh_authorized_keys", list],
    ["shell", "shell"],
    ["shouldExist", "should_exist"],
    ["system", "system"],
    ["uid", "uid"],
  ];
  const group: Rule[] = [["gid", "gid"], ["name", "name", { always: "" }], ["passwordHash", "password_hash"], ["shouldExist", "should_exist"], ["system", "system"]];
  return [
    ["groups", "groups", listOf((c, v, at) => copyObject(c, v, at, group))],
    ["users", "users", listOf((c, v, at) => copyObject(c, v, at, user))],
  ];
}

function systemdRules(): Rule[] {
  const dropin: Rule[] = [["contents", "contents"], ["name", "name", { always: "" }]];
  const unit: Rule[] = [
    ["contents", "contents"],
    ["dropins", "dropins", listOf((c, v, at) => copyObject(c, v, at, dropin))],
    ["enabled", "enabled"],
    ["mask", "mask"],
    ["name", "name", { always: "" }],
  ];
  return [["units", "units", listOf((c, v, at) => copyObject(c, v, at, unit))]];
}

/** The base translation of a decoded Butane config into an Ignition config object. */
export function translateBase(ctx: TranslateContext, cfg: BObject): Obj {
  const out = copyObject(ctx, cfg, [], [
    ["ignition", "ignition", (c, v, at) => copyObject(c, v as BObject, at, ignitionRules(c))],
    ["kernelArguments", "kernel_arguments", objectOf([["shouldExist", "should_exist", list], ["shouldNotExist", "should_not_exist", list]])],
    ["passwd", "passwd", objectOf(passwdRules())],
    ["storage", "storage", objectOf(storageRules(ctx))],
    ["systemd", "systemd", objectOf(systemdRules())],
  ]);
  if (!out.ignition) ctx.prov.set(out, "ignition", copyObject(ctx, {}, ["ignition"], ignitionRules(ctx)), ["ignition"]);
  applyLocalSshKeys(ctx, cfg, out);
  applyUnitContentsLocal(ctx, cfg, out);
  translateTrees(ctx, cfg, out);
  translateQuadlets(ctx, cfg, out);
  return reorder(out, ["ignition", "kernelArguments", "passwd", "storage", "systemd"]);
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
      ctx.entries.push({ severity: "error", path: at, message: "local file paths are relative to a files directory that must be specified with -d/--files-dir" });
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
    else if (fresh) reorder(ou, ["gecos", "groups", "homeDir", "name", "noCreateHome", "noLogInit", "noUserGroup", "passwordHash", "primaryGroup", "sshAuthorizedKeys", "shell", "shouldExist", "system", "uid"]);
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
        reorder(ou, ["contents", "dropins", "enabled", "mask", "name"]);
      }
    }
    ((u.dropins ?? []) as BObject[]).forEach((d, j) => {
      const od = (ou.dropins as Obj[] | undefined)?.[j];
      if (!od || typeof d.contents_local !== "string" || d.contents_local === "") return;
      const data = loadLocal(ctx, d.contents_local, [...at, "dropins", j, "contents_local"]);
      if (data) {
        ctx.prov.set(od, "contents", fromUtf8(data), [...at, "dropins", j, "contents_local"]);
        reorder(od, ["contents", "name"]);
      }
    });
  });
}

export { nonEmpty };
