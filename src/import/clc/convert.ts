/**
 * A Container Linux Config → the Ignition 2.3 config `ct` makes of it, by ct's rules
 * (flatcar/container-linux-config-transpiler config/types): the sections that mirror Ignition
 * are copied (inline/local/remote contents become data URLs / sources, sizes with units become
 * MiB, type GUID aliases resolve, modes default to 0644 / 0755), and etcd, flannel, docker,
 * update and locksmith become the units, drop-ins and files ct generates for them, in ct's order.
 */
import { quote as goQuote } from "../../transpiler/go/strconv.ts";
import { makePlainDataUrl } from "../../transpiler/util/dataurl.ts";
import { utf8 } from "../../transpiler/util/bytes.ts";
import { ImportError, isObj, type Finding, type Json } from "../types.ts";
import {
  ETCD_2,
  ETCD_3_0,
  ETCD_3_1,
  ETCD_3_2,
  ETCD_3_3,
  ETCD_3_4,
  ETCD_3_5,
  FLANNEL_0_5,
  FLANNEL_0_6,
  FLANNEL_0_7,
  flagName,
  type OptionDef,
} from "./options.ts";
import { hasTemplating, performTemplating } from "./templating.ts";

export interface ClcOptions {
  platform?: string;
}

export interface ClcConversion {
  /** The Ignition 2.3 config ct would write. */
  config: Json;
  findings: Finding[];
  /** `contents.local` files: the data URL standing in for each, by path relative to --files-dir. */
  locals: Map<string, string>;
  /** What each CLC section became (for the findings and the docs). */
  sections: string[];
}

const obj = (v: unknown): Json => (isObj(v) ? v : {});
const list = (v: unknown): Json[] => (Array.isArray(v) ? v.filter(isObj) : []);
const strs = (v: unknown): string[] => (Array.isArray(v) ? v.map((x) => String(x)) : []);
/** A boolean field as go-yaml reads it: true/false, or YAML 1.1's yes/no/on/off into a typed bool. */
const bool = (v: unknown): boolean | undefined => {
  if (typeof v === "boolean") return v;
  if (typeof v !== "string") return undefined;
  if (["y", "Y", "yes", "Yes", "YES", "on", "On", "ON"].includes(v)) return true;
  if (["n", "N", "no", "No", "NO", "off", "Off", "OFF"].includes(v)) return false;
  return undefined;
};
const str = (v: unknown): string => (typeof v === "string" ? v : v === undefined || v === null ? "" : String(v));

const TYPE_GUIDS: Readonly<Record<string, string>> = {
  raid_containing_root: "be9067b9-ea49-4f15-b4f6-f36f8c9e1818",
  linux_filesystem_data: "0fc63daf-8483-4772-8e79-3d69d8477de4",
  swap_partition: "0657fd6d-a4ab-43c4-84e5-0933c84b4f4f",
  raid_partition: "a19d880f-05fc-4d3b-a006-743f0f84911e",
};

/** ct's `hash: { function, sum }` → Ignition's `function-sum` (nothing when either is empty). */
function verification(v: unknown): Json {
  const h = obj(obj(v).hash);
  const fn = str(h.function);
  const sum = str(h.sum);
  return fn !== "" && sum !== "" ? { hash: `${fn}-${sum}` } : {};
}

const UNITS: Readonly<Record<string, number>> = { B: 1, K: 1024, M: 1024 ** 2, G: 1024 ** 3, T: 1024 ** 4, P: 1024 ** 5, E: 1024 ** 6 };

/** A partition dimension with a base-2 unit (`512MiB`, `1GiB`, `1GB`) in MiB, as ct converts it. */
export function dimensionMiB(v: unknown): number | undefined {
  if (v === undefined || v === null || v === "") return undefined;
  const s = String(v);
  const re = /(\d+(?:\.\d*)?|\.\d+)([KMGTPE]i?B|B)/gy;
  let bytes = 0;
  let at = 0;
  for (let m = re.exec(s); m; m = re.exec(s)) {
    bytes += Number(m[1]) * UNITS[m[2]![0]!]!;
    at = re.lastIndex;
  }
  if (at === 0 || at !== s.length) throw new ImportError(`invalid partition dimension ${JSON.stringify(s)}: use a number with a unit (KiB, MiB, GiB, …)`);
  const mib = 1024 * 1024;
  if (bytes % mib !== 0) throw new ImportError(`invalid dimension ${JSON.stringify(s)} (finest granularity is 1MiB)`);
  return bytes / mib;
}

/** ct's `getArgs`: set options in the option struct's order; strings Go-quoted. */
function optionArgs(defs: readonly OptionDef[], section: Json, format: (flag: string, value: string) => string, findings: Finding[], name: string): string[] {
  const args: string[] = [];
  const known = new Set(defs.map((d) => d.key));
  for (const d of defs) {
    const v = section[d.key];
    if (v === undefined || v === null) continue;
    if (d.type === "string") args.push(format(flagName(d.key), goQuote(typeof v === "string" ? v : String(v))));
    else if (d.type === "int") {
      if (typeof v !== "number" || !Number.isInteger(v)) throw new ImportError(`${name}.${d.key} must be an integer`);
      args.push(format(flagName(d.key), String(v)));
    } else {
      const b = bool(v);
      if (b === undefined) throw new ImportError(`${name}.${d.key} must be true or false`);
      args.push(format(flagName(d.key), String(b)));
    }
  }
  for (const k of Object.keys(section)) {
    if (!known.has(k) && k !== "version" && !(name === "flannel" && k === "network_config")) {
      findings.push({
        code: "import-clc-unknown-option",
        severity: "warning",
        path: [name, k],
        message: `${name}.${k} is not an option ct knows for this ${name} version; ct ignores it, so it was left out`,
      });
    }
  }
  return args;
}

interface Version {
  major: number;
  minor: number;
  patch: number;
  text: string;
}

function semver(v: unknown, what: string): Version {
  const m = /^v?(\d+)\.(\d+)\.(\d+)(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$/.exec(str(v));
  if (!m) throw new ImportError(`${what} ${JSON.stringify(str(v))} is not a semantic version`);
  return { major: Number(m[1]), minor: Number(m[2]), patch: Number(m[3]), text: str(v).replace(/^v/, "") };
}

/** ct's assembled unit text: [Unit] / [Service] / [Install] sections with content. */
function assembleUnit(exec: string, args: string[], vars: string[], platform: string | undefined, what: string): { unit: string[]; service: string[] } {
  const unit: string[] = [];
  const service: string[] = [];
  if (hasTemplating(args)) {
    if (!platform)
      throw new ImportError(
        `platform must be specified to use templating (${what} uses dynamic data such as {PRIVATE_IPV4}: choose the platform ct's --platform named)`,
      );
    unit.push("Requires=coreos-metadata.service", "After=coreos-metadata.service");
    service.push("EnvironmentFile=/run/metadata/coreos");
    args = performTemplating(platform, args);
  }
  for (const v of vars) service.push(`Environment="${v}"`);
  for (const a of args) exec += ` \\\n  ${a}`;
  service.push("ExecStart=", `ExecStart=${exec}`);
  return { unit, service };
}

function unitText(s: { unit: string[]; service: string[] }): string {
  const parts: string[] = [];
  if (s.unit.length > 0) parts.push(["[Unit]", ...s.unit].join("\n"));
  if (s.service.length > 0) parts.push(["[Service]", ...s.service].join("\n"));
  return parts.join("\n\n");
}

function etcdDropin(etcd: Json, platform: string | undefined, findings: Finding[]): string {
  const v = semver(etcd.version ?? "3.5.0", "etcd version");
  if (v.major < 2 || (v.major === 2 && v.minor < 3)) throw new ImportError("Etcd version specified is not valid (too old)");
  if (v.major > 3) throw new ImportError("Etcd version is not valid (too new)");
  if ((v.major === 2 && v.minor > 3) || (v.major === 3 && v.minor > 5)) {
    findings.push({
      code: "import-clc-etcd-version",
      severity: "warning",
      path: ["etcd", "version"],
      message: "Etcd minor version specified is too new, only options available in the previous minor version will be accepted",
    });
  }
  const defs = v.major === 2 ? ETCD_2 : ([ETCD_3_0, ETCD_3_1, ETCD_3_2, ETCD_3_3, ETCD_3_4][v.minor] ?? ETCD_3_5);
  const args = optionArgs(defs, etcd, (f, x) => `--${f}=${x}`, findings, "etcd");
  const vars = etcd.version !== undefined ? [`ETCD_IMAGE_TAG=v${v.text}`] : [];
  return unitText(assembleUnit("/usr/lib/coreos/etcd-wrapper $ETCD_OPTS", args, vars, platform, "etcd"));
}

function flannelDropin(flannel: Json, platform: string | undefined, findings: Finding[]): string {
  const v = semver(flannel.version ?? "0.6.0", "flannel version");
  if (v.major === 0 && v.minor < 5) throw new ImportError("invalid flannel version (too old)");
  if (v.major === 0 && v.minor > 7) {
    findings.push({
      code: "import-clc-flannel-version",
      severity: "warning",
      path: ["flannel", "version"],
      message: "flannel minor version too new. Only options available in the previous minor version will be supported",
    });
  }
  const defs = v.minor >= 7 ? FLANNEL_0_7 : v.minor === 6 ? FLANNEL_0_6 : FLANNEL_0_5;
  const netConfig = str(flannel.network_config);
  if (netConfig !== "") {
    try {
      JSON.parse(netConfig);
    } catch {
      throw new ImportError("flannel network config doesn't appear to be valid JSON");
    }
    if (v.minor >= 7 && bool(flannel.kube_subnet_mgr) === true) throw new ImportError("flannel network config cannot be provided if kube_subnet_mgr is set");
  }
  const args = optionArgs(defs, flannel, (f, x) => `--${f}=${x}`, findings, "flannel");
  const vars = flannel.version !== undefined ? [`FLANNEL_IMAGE_TAG=v${v.text}`] : [];
  const unit = assembleUnit("/usr/lib/coreos/flannel-wrapper $FLANNEL_OPTS", args, vars, platform, "flannel");
  if (netConfig !== "") {
    let pre = "ExecStartPre=/usr/bin/etcdctl";
    for (const [key, flag] of [
      ["etcd_endpoints", "endpoints"],
      ["etcd_cafile", "ca-file"],
      ["etcd_certfile", "cert-file"],
      ["etcd_keyfile", "key-file"],
    ] as const) {
      if (flannel[key] !== undefined && flannel[key] !== null) pre += ` --${flag}=${goQuote(str(flannel[key]))}`;
    }
    pre += ` set /coreos.com/network/config ${goQuote(netConfig)}`;
    unit.service.push(pre);
  }
  return unitText(unit);
}

const LOCKSMITH: readonly [string, string][] = [
  ["reboot_strategy", "REBOOT_STRATEGY"],
  ["window_start", "LOCKSMITHD_REBOOT_WINDOW_START"],
  ["window_length", "LOCKSMITHD_REBOOT_WINDOW_LENGTH"],
  ["group", "LOCKSMITHD_GROUP"],
  ["etcd_endpoints", "LOCKSMITHD_ENDPOINT"],
  ["etcd_cafile", "LOCKSMITHD_ETCD_CAFILE"],
  ["etcd_certfile", "LOCKSMITHD_ETCD_CERTFILE"],
  ["etcd_keyfile", "LOCKSMITHD_ETCD_KEYFILE"],
];

function checkLocksmith(l: Json): void {
  const start = str(l.window_start);
  const length = str(l.window_length);
  if ((start !== "") !== (length !== "")) throw new ImportError("window-start and window-length must both be specified");
  const strategy = str(l.reboot_strategy).toLowerCase();
  if (strategy !== "" && !["reboot", "etcd-lock", "off"].includes(strategy)) throw new ImportError(`unknown reboot strategy ${str(l.reboot_strategy)}`);
  if (start !== "") {
    const parts = start.trim().split(/\s+/);
    const [day, time] = parts.length >= 2 ? [parts[0]!, parts[1]!] : ["not-present", start];
    if (!["sun", "mon", "tue", "wed", "thu", "fri", "sat", "not-present"].includes(day.toLowerCase())) throw new ImportError("unknown day in window start");
    if (!/^\d{1,2}:\d{2}$/.test(time) || Number(time.split(":")[0]) > 23 || Number(time.split(":")[1]) > 59)
      throw new ImportError("couldn't parse window start");
  }
  if (length !== "" && !/^([0-9]*(\.[0-9]*)?(ns|us|µs|ms|s|m|h))+$/.test(length) && length !== "0") throw new ImportError("couldn't parse window length");
}

/** The `/etc/coreos/update.conf` text of the update and locksmith sections ("" when nothing). */
function updateConf(update: Json | undefined, locksmith: Json | undefined, findings: Finding[]): string {
  let contents = "";
  if (update) {
    const group = str(update.group);
    if (!["stable", "beta", "alpha"].includes(group.toLowerCase()) && str(update.server) === "") {
      findings.push({ code: "import-clc-update-group", severity: "warning", path: ["update", "group"], message: "unknown update group" });
    }
    if (group !== "") contents += `GROUP=${group.toLowerCase()}`;
    for (const [key, name] of [
      ["server", "SERVER"],
      ["pcr_policy_server", "PCR_POLICY_SERVER"],
      ["download_user", "DOWNLOAD_USER"],
      ["download_password", "DOWNLOAD_PASSWORD"],
      ["machine_alias", "MACHINE_ALIAS"],
    ] as const) {
      if (str(update[key]) !== "") contents += `\n${name}=${str(update[key])}`;
    }
  }
  if (locksmith) {
    checkLocksmith(locksmith);
    const lines = LOCKSMITH.filter(([k]) => locksmith[k] !== undefined && locksmith[k] !== null).map(([k, name]) => `${name}=${goQuote(str(locksmith[k]))}`);
    if (lines.length > 0) contents += "\n" + lines.join("\n");
  }
  return contents;
}

function node(n: Json, kind: "file" | "directory" | "link"): Json {
  const out: Json = { filesystem: str(n.filesystem) || "root", path: str(n.path) };
  if (bool(n.overwrite) !== undefined) out.overwrite = bool(n.overwrite);
  for (const k of ["user", "group"] as const) {
    if (!isObj(n[k])) continue;
    const o: Json = {};
    if (typeof n[k].id === "number") o.id = n[k].id;
    if (str(n[k].name) !== "") o.name = str(n[k].name);
    out[k] = o;
  }
  if (kind === "link") {
    if (bool(n.hard) === true) out.hard = true;
    out.target = str(n.target);
  }
  return out;
}

/** Converts a parsed Container Linux Config. */
export function convertClc(clc: Json, opts: ClcOptions): ClcConversion {
  const findings: Finding[] = [];
  const sections: string[] = [];
  const locals = new Map<string, string>();
  const warn = (code: string, path: (string | number)[], message: string) => findings.push({ code, severity: "warning", path, message });
  if (clc.version !== undefined && clc.version !== 0) throw new ImportError("Invalid version. Only version 0 is supported");
  const platform = opts.platform;

  const out: Json = { ignition: { version: "2.3.0" } };
  const units: Json[] = [];
  const files: Json[] = [];

  // platform drop-ins for coreos-metadata (ct's common.go)
  if (platform === "openstack-metadata" || platform === "cloudstack-configdrive") {
    const dropin = { name: "20-clct-provider-override.conf", contents: `[Service]\nEnvironment=COREOS_METADATA_OPT_PROVIDER=--provider=${platform}` };
    units.push({ name: "coreos-metadata.service", dropins: [dropin] }, { name: "coreos-metadata-sshkeys@.service", enabled: true, dropins: [{ ...dropin }] });
    sections.push(`platform ${platform}: coreos-metadata.service and coreos-metadata-sshkeys@.service drop-ins`);
  }

  // ignition
  const ign = obj(clc.ignition);
  const ref = (r: Json): Json => ({
    source: str(r.source),
    ...(Object.keys(verification(r.verification)).length ? { verification: verification(r.verification) } : {}),
  });
  const ignOut = out.ignition as Json;
  const cfg: Json = {};
  const append = list(obj(ign.config).append).map(ref);
  if (append.length) cfg.append = append;
  if (isObj(obj(ign.config).replace)) cfg.replace = ref(obj(ign.config).replace as Json);
  if (Object.keys(cfg).length) ignOut.config = cfg;
  const t = obj(ign.timeouts);
  const timeouts: Json = {};
  if (typeof t.http_response_headers === "number") timeouts.httpResponseHeaders = t.http_response_headers;
  if (typeof t.http_total === "number") timeouts.httpTotal = t.http_total;
  if (Object.keys(timeouts).length) ignOut.timeouts = timeouts;
  const cas = list(obj(obj(ign.security).tls).certificate_authorities).map(ref);
  if (cas.length) ignOut.security = { tls: { certificateAuthorities: cas } };

  // docker, etcd, flannel: enabled units with ct's drop-ins (registered in that order)
  if (isObj(clc.docker)) {
    const flags = strs(obj(clc.docker).flags);
    units.push({
      name: "docker.service",
      enable: true,
      dropins: [{ name: "20-clct-docker.conf", contents: `[Service]\nEnvironment="DOCKER_OPTS=${flags.join(" ")}"` }],
    });
    sections.push("docker: docker.service enabled, drop-in 20-clct-docker.conf (DOCKER_OPTS)");
  }
  if (isObj(clc.etcd)) {
    units.push({
      name: "etcd-member.service",
      enable: true,
      dropins: [{ name: "20-clct-etcd-member.conf", contents: etcdDropin(clc.etcd, platform, findings) }],
    });
    sections.push("etcd: etcd-member.service enabled, drop-in 20-clct-etcd-member.conf (etcd-wrapper flags)");
  }

  // storage
  const storage = obj(clc.storage);
  const st: Json = {};
  const disks = list(storage.disks).map((d, i) => {
    const o: Json = { device: str(d.device) };
    if (bool(d.wipe_table) === true) o.wipeTable = true;
    const parts = list(d.partitions).map((p, j) => {
      const q: Json = {};
      if (p.label !== undefined && p.label !== null) q.label = str(p.label);
      if (typeof p.number === "number") q.number = p.number;
      try {
        const size = dimensionMiB(p.size);
        const start = dimensionMiB(p.start);
        if (size !== undefined) q.sizeMiB = size;
        if (start !== undefined) q.startMiB = start;
      } catch (e) {
        if (e instanceof ImportError) throw new ImportError(`storage.disks[${i}].partitions[${j}]: ${e.message}`);
        throw e;
      }
      const tg = str(p.type_guid);
      if (tg !== "") q.typeGuid = TYPE_GUIDS[tg] ?? tg;
      if (str(p.guid) !== "") q.guid = str(p.guid);
      return q;
    });
    if (parts.length) o.partitions = parts;
    return o;
  });
  if (disks.length) st.disks = disks;
  const raid = list(storage.raid).map((r) => {
    const o: Json = { name: str(r.name), level: str(r.level), devices: strs(r.devices) };
    if (typeof r.spares === "number" && r.spares !== 0) o.spares = r.spares;
    if (strs(r.options).length) o.options = strs(r.options);
    return o;
  });
  if (raid.length) st.raid = raid;
  const filesystems = list(storage.filesystems).map((f) => {
    const o: Json = { name: str(f.name) };
    if (typeof f.path === "string") o.path = f.path;
    if (isObj(f.mount)) {
      const m = f.mount;
      const mount: Json = { device: str(m.device), format: str(m.format) };
      if (bool(m.wipe_filesystem) === true) mount.wipeFilesystem = true;
      if (m.label !== undefined && m.label !== null) mount.label = str(m.label);
      if (m.uuid !== undefined && m.uuid !== null) mount.uuid = str(m.uuid);
      if (strs(m.options).length) mount.options = strs(m.options);
      if (isObj(m.create)) mount.create = { force: bool(m.create.force) === true, options: strs(m.create.options) };
      o.mount = mount;
    }
    return o;
  });
  if (filesystems.length) st.filesystems = filesystems;
  list(storage.files).forEach((f, i) => {
    const file = node(f, "file");
    if (typeof f.mode !== "number") {
      if (bool(f.append) === true)
        findings.push({
          code: "import-clc-default-mode",
          severity: "info",
          path: ["storage", "files", i, "mode"],
          message: "mode unspecified for file, defaulting to 0644 if the file does not exist",
        });
      else warn("import-clc-default-mode", ["storage", "files", i, "mode"], "mode unspecified for file, defaulting to 0644");
    }
    file.mode = typeof f.mode === "number" ? f.mode : 0o644;
    if (bool(f.append) === true) file.append = true;
    const c = obj(f.contents);
    const remote = obj(c.remote);
    const sources = [str(remote.url), str(c.inline), str(c.local)].filter((x) => x !== "").length;
    if (sources > 1) throw new ImportError(`storage.files[${i}]: only one of the following can be set: local, inline, remote.url`);
    let source = "data:,";
    if (str(c.inline) !== "") source = makePlainDataUrl(utf8(str(c.inline)));
    if (str(c.local) !== "") {
      source = makePlainDataUrl(utf8(`\u0000kindling-local:${str(c.local)}`));
      locals.set(str(c.local), source);
    }
    if (str(remote.url) !== "") source = str(remote.url);
    const contents: Json = { source };
    if (str(remote.compression) !== "") contents.compression = str(remote.compression);
    const ver = verification(remote.verification);
    if (ver.hash !== undefined) contents.verification = ver;
    file.contents = contents;
    files.push(file);
  });
  const dirs = list(storage.directories).map((d, i) => {
    const o = node(d, "directory");
    if (typeof d.mode !== "number")
      warn("import-clc-default-mode", ["storage", "directories", i, "mode"], "mode unspecified for directory, defaulting to 0755");
    o.mode = typeof d.mode === "number" ? d.mode : 0o755;
    return o;
  });
  if (dirs.length) st.directories = dirs;
  const links = list(storage.links).map((l) => node(l, "link"));
  if (links.length) st.links = links;

  // flannel (registered after filesystems), networkd, passwd, systemd, update + locksmith
  if (isObj(clc.flannel)) {
    units.push({
      name: "flanneld.service",
      enable: true,
      dropins: [{ name: "20-clct-flannel.conf", contents: flannelDropin(clc.flannel, platform, findings) }],
    });
    sections.push("flannel: flanneld.service enabled, drop-in 20-clct-flannel.conf (flannel-wrapper flags, network config via etcdctl)");
  }
  const networkd = list(obj(clc.networkd).units).map((u) => {
    const o: Json = { name: str(u.name) };
    if (str(u.contents) !== "") o.contents = str(u.contents);
    const dropins = list(u.dropins).map((d) => ({ name: str(d.name), contents: str(d.contents) }));
    if (dropins.length) o.dropins = dropins;
    return o;
  });
  if (networkd.length) out.networkd = { units: networkd };

  const passwd = obj(clc.passwd);
  const users = list(passwd.users).map((u) => {
    const o: Json = { name: str(u.name) };
    if (u.password_hash !== undefined && u.password_hash !== null) o.passwordHash = str(u.password_hash);
    if (strs(u.ssh_authorized_keys).length) o.sshAuthorizedKeys = strs(u.ssh_authorized_keys);
    if (typeof u.uid === "number") o.uid = u.uid;
    for (const [k, ik] of [
      ["gecos", "gecos"],
      ["home_dir", "homeDir"],
      ["primary_group", "primaryGroup"],
      ["shell", "shell"],
    ] as const)
      if (str(u[k]) !== "") o[ik] = str(u[k]);
    for (const [k, ik] of [
      ["no_create_home", "noCreateHome"],
      ["no_user_group", "noUserGroup"],
      ["system", "system"],
      ["no_log_init", "noLogInit"],
    ] as const)
      if (bool(u[k]) === true) o[ik] = true;
    if (strs(u.groups).length) o.groups = strs(u.groups);
    if (isObj(u.create)) {
      const c = u.create;
      const create: Json = {};
      if (typeof c.uid === "number") create.uid = c.uid;
      for (const [k, ik] of [
        ["gecos", "gecos"],
        ["home_dir", "homeDir"],
        ["primary_group", "primaryGroup"],
        ["shell", "shell"],
      ] as const)
        if (str(c[k]) !== "") create[ik] = str(c[k]);
      for (const [k, ik] of [
        ["no_create_home", "noCreateHome"],
        ["no_user_group", "noUserGroup"],
        ["system", "system"],
        ["no_log_init", "noLogInit"],
      ] as const)
        if (bool(c[k]) === true) create[ik] = true;
      if (strs(c.groups).length) create.groups = strs(c.groups);
      o.create = create;
    }
    return o;
  });
  const groups = list(passwd.groups).map((g) => {
    const o: Json = { name: str(g.name) };
    if (typeof g.gid === "number") o.gid = g.gid;
    if (str(g.password_hash) !== "") o.passwordHash = str(g.password_hash);
    if (bool(g.system) === true) o.system = true;
    return o;
  });
  if (users.length || groups.length) out.passwd = { ...(users.length ? { users } : {}), ...(groups.length ? { groups } : {}) };

  for (const u of list(obj(clc.systemd).units)) {
    const o: Json = { name: str(u.name) };
    if (bool(u.enable) === true) o.enable = true;
    if (bool(u.enabled) !== undefined) o.enabled = bool(u.enabled);
    if (bool(u.mask) === true) o.mask = true;
    if (str(u.contents) !== "") o.contents = str(u.contents);
    const dropins = list(u.dropins).map((d) => ({ name: str(d.name), contents: str(d.contents) }));
    if (dropins.length) o.dropins = dropins;
    units.push(o);
  }

  const update = isObj(clc.update) ? clc.update : undefined;
  const locksmith = isObj(clc.locksmith) ? clc.locksmith : undefined;
  const conf = updateConf(update, locksmith, findings);
  if (conf !== "") {
    files.push({ filesystem: "root", path: "/etc/coreos/update.conf", mode: 0o644, contents: { source: makePlainDataUrl(utf8(conf)) } });
  }
  if (update) sections.push("update: /etc/coreos/update.conf (GROUP, SERVER, …)");
  if (locksmith) sections.push("locksmith: /etc/coreos/update.conf (REBOOT_STRATEGY, LOCKSMITHD_*)");

  if (files.length) st.files = files;
  if (Object.keys(st).length) out.storage = st;
  if (units.length) out.systemd = { units };
  return { config: out, findings, locals, sections };
}
