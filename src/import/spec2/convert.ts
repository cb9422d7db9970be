/**
 * Ignition spec 2.x (2.0.0 … 2.4.0, with their deprecated fields) → spec 3, by the rules Fedora
 * CoreOS and RHCOS use (coreos/ign-converter's v23tov30 / v24tov31) and, for Flatcar, the rules
 * of Flatcar's fork (networkd units become files under /etc/systemd/network, filesystems without
 * a mount path get one under /tmp, the OEM partition is /usr/share/oem, a deprecated `create`
 * is honoured). Spec 2 writes nodes relative to named filesystems; spec 3 needs the path each
 * filesystem is mounted at, which comes from the caller, a mount unit in the same config, or
 * (Flatcar) the generated one. What spec 3 cannot say is an ImportError with ign-converter's text.
 */
import type { Path } from "../../transpiler/index.ts";
import { utf8 } from "../../transpiler/util/bytes.ts";
import { ImportError, isObj, type Finding, type Json } from "../types.ts";

export interface ConvertOptions {
  /** Target Ignition 3 version (3.0.0 … 3.7.0-experimental). */
  version: string;
  /** Flatcar's rules (generated filesystem paths; its Ignition honours `create`). */
  flatcar: boolean;
  filesystemPaths?: Readonly<Record<string, string>>;
}

export interface Converted {
  config: Json;
  findings: Finding[];
}

const obj = (v: unknown): Json => (isObj(v) ? v : {});
const list = (v: unknown): Json[] => (Array.isArray(v) ? v.filter(isObj) : []);
const strs = (v: unknown): string[] => (Array.isArray(v) ? v.map((x) => String(x)) : []);
const str = (v: unknown): string => (typeof v === "string" ? v : v === undefined || v === null ? "" : String(v));

/** Go's path.Join for absolute paths. */
function joinPath(...parts: string[]): string {
  const segs: string[] = [];
  for (const seg of parts.join("/").split("/")) {
    if (seg === "" || seg === ".") continue;
    if (seg === "..") segs.pop();
    else segs.push(seg);
  }
  return "/" + segs.join("/");
}

/** ign-converter's `StrP` / `BoolP` / `IntP`: the zero value becomes unset. */
function setNonZero(out: Json, key: string, v: unknown): void {
  if (v === undefined || v === null || v === "" || v === false || v === 0) return;
  if (Array.isArray(v) && v.length === 0) return;
  out[key] = v;
}

/** Converts a (normalized) spec 2 config to spec 3. */
export function convertSpec2(cfg: Json, opts: ConvertOptions): Converted {
  const findings: Finding[] = [];
  const v30 = opts.version === "3.0.0";
  const storage = obj(cfg.storage);
  const fsMap = filesystemPaths(cfg, opts, findings);

  checkDuplicates(cfg, fsMap);

  const ign = obj(cfg.ignition);
  const ignConfig = obj(ign.config);
  const resource = (r: Json, at: Path): Json => {
    const out: Json = { source: str(r.source) };
    const hash = obj(r.verification).hash;
    if (hash !== undefined && hash !== null) out.verification = { hash };
    headers(r, out, at);
    return out;
  };
  const headers = (r: Json, out: Json, at: Path) => {
    const hs = list(r.httpHeaders);
    if (hs.length === 0) return;
    if (v30) throw new ImportError(`${at.join(".")}.httpHeaders needs Ignition 3.1 or newer`);
    out.httpHeaders = hs.map((h) => {
      const o: Json = { name: str(h.name) };
      setNonZero(o, "value", h.value);
      return o;
    });
  };

  const outIgn: Json = { version: opts.version };
  const config: Json = {};
  if (isObj(ignConfig.replace)) config.replace = resource(ignConfig.replace, ["ignition", "config", "replace"]);
  const append = list(ignConfig.append).map((r, i) => resource(r, ["ignition", "config", "append", i]));
  if (append.length > 0) config.merge = append;
  if (Object.keys(config).length > 0) outIgn.config = config;
  const cas = list(obj(obj(ign.security).tls).certificateAuthorities).map((r, i) => resource(r, ["ignition", "security", "tls", "certificateAuthorities", i]));
  if (cas.length > 0) outIgn.security = { tls: { certificateAuthorities: cas } };
  const timeouts: Json = {};
  const t = obj(ign.timeouts);
  if (t.httpResponseHeaders !== undefined && t.httpResponseHeaders !== null) timeouts.httpResponseHeaders = t.httpResponseHeaders;
  if (t.httpTotal !== undefined && t.httpTotal !== null) timeouts.httpTotal = t.httpTotal;
  if (Object.keys(timeouts).length > 0) outIgn.timeouts = timeouts;
  const proxy = obj(ign.proxy);
  const outProxy: Json = {};
  setNonZero(outProxy, "httpProxy", proxy.httpProxy);
  setNonZero(outProxy, "httpsProxy", proxy.httpsProxy);
  setNonZero(outProxy, "noProxy", strs(proxy.noProxy));
  if (Object.keys(outProxy).length > 0) {
    if (v30) throw new ImportError("ignition.proxy needs Ignition 3.1 or newer");
    outIgn.proxy = outProxy;
  }

  const out: Json = { ignition: outIgn };

  // passwd
  const users = list(obj(cfg.passwd).users).map((u) => {
    const o: Json = { name: str(u.name) };
    if (u.passwordHash !== undefined && u.passwordHash !== null) o.passwordHash = u.passwordHash;
    setNonZero(o, "sshAuthorizedKeys", strs(u.sshAuthorizedKeys));
    if (typeof u.uid === "number") o.uid = u.uid;
    setNonZero(o, "gecos", u.gecos);
    setNonZero(o, "homeDir", u.homeDir);
    setNonZero(o, "noCreateHome", u.noCreateHome);
    setNonZero(o, "primaryGroup", u.primaryGroup);
    setNonZero(o, "groups", strs(u.groups));
    setNonZero(o, "noUserGroup", u.noUserGroup);
    setNonZero(o, "noLogInit", u.noLogInit);
    setNonZero(o, "shell", u.shell);
    setNonZero(o, "system", u.system);
    return o;
  });
  const groups = list(obj(cfg.passwd).groups).map((g) => {
    const o: Json = { name: str(g.name) };
    if (typeof g.gid === "number") o.gid = g.gid;
    setNonZero(o, "passwordHash", g.passwordHash);
    setNonZero(o, "system", g.system);
    return o;
  });
  const passwd: Json = {};
  if (users.length > 0) passwd.users = users;
  if (groups.length > 0) passwd.groups = groups;
  if (Object.keys(passwd).length > 0) out.passwd = passwd;

  // storage
  const outStorage: Json = {};
  const disks = list(storage.disks).map((d) => {
    const o: Json = { device: str(d.device) };
    setNonZero(o, "wipeTable", d.wipeTable);
    const parts = list(d.partitions).map((p) => {
      const q: Json = {};
      if (p.label !== undefined && p.label !== null) q.label = p.label;
      setNonZero(q, "number", p.number);
      if (typeof p.sizeMiB === "number") q.sizeMiB = p.sizeMiB;
      if (typeof p.startMiB === "number") q.startMiB = p.startMiB;
      setNonZero(q, "typeGuid", p.typeGuid);
      setNonZero(q, "guid", p.guid);
      setNonZero(q, "wipePartitionEntry", p.wipePartitionEntry);
      if (typeof p.shouldExist === "boolean") q.shouldExist = p.shouldExist;
      return q;
    });
    if (parts.length > 0) o.partitions = parts;
    return o;
  });
  if (disks.length > 0) outStorage.disks = disks;
  const raid = list(storage.raid).map((r) => {
    const o: Json = { name: str(r.name), level: str(r.level), devices: strs(r.devices) };
    setNonZero(o, "spares", r.spares);
    setNonZero(o, "options", strs(r.options));
    return o;
  });
  if (raid.length > 0) outStorage.raid = raid;
  const filesystems: Json[] = [];
  for (const f of list(storage.filesystems)) {
    if (f.name === "root") continue; // root is implied
    if (!isObj(f.mount)) continue; // an already-mounted path: nothing to create (checked in filesystemPaths)
    const m = f.mount;
    const o: Json = { device: str(m.device) };
    setNonZero(o, "format", m.format);
    setNonZero(o, "wipeFilesystem", m.wipeFilesystem);
    if (m.label !== undefined && m.label !== null) o.label = m.label;
    if (m.uuid !== undefined && m.uuid !== null) o.uuid = m.uuid;
    setNonZero(o, "options", strs(m.options));
    const path = fsMap.get(str(f.name));
    if (path !== undefined) o.path = path;
    filesystems.push(o);
  }
  if (filesystems.length > 0) outStorage.filesystems = filesystems;

  const owner = (n: Json, k: "user" | "group"): Json | undefined => {
    if (!isObj(n[k])) return undefined;
    const o: Json = {};
    if (typeof n[k].id === "number") o.id = n[k].id;
    setNonZero(o, "name", n[k].name);
    return Object.keys(o).length > 0 ? o : undefined;
  };
  const node = (n: Json): Json => {
    const o: Json = { path: joinPath(fsMap.get(str(n.filesystem)) ?? "/", str(n.path)) };
    const u = owner(n, "user");
    if (u) o.user = u;
    const g = owner(n, "group");
    if (g) o.group = g;
    if (typeof n.overwrite === "boolean") o.overwrite = n.overwrite;
    return o;
  };
  const files = list(storage.files).map((f, i) => {
    const o = node(f);
    if (o.overwrite === undefined) o.overwrite = true; // 2.x files are overwritten by default
    if (f.append === true) o.overwrite = false; // spec 3: appending needs overwrite false
    if (typeof f.mode === "number") o.mode = f.mode;
    const c = obj(f.contents);
    const r: Json = {};
    setNonZero(r, "compression", c.compression);
    r.source = str(c.source);
    headers(c, r, ["storage", "files", i, "contents"]);
    const hash = obj(c.verification).hash;
    if (hash !== undefined && hash !== null) r.verification = { hash };
    if (f.append === true) o.append = [r];
    else o.contents = r;
    return o;
  });
  files.push(...networkdFiles(cfg, findings));
  if (files.length > 0) outStorage.files = files;
  const dirs = list(storage.directories).map((d) => {
    const o = node(d);
    if (typeof d.mode === "number") o.mode = d.mode;
    return o;
  });
  if (dirs.length > 0) outStorage.directories = dirs;
  const links = list(storage.links).map((l) => {
    const o = node(l);
    setNonZero(o, "hard", l.hard);
    o.target = str(l.target);
    return o;
  });
  if (links.length > 0) outStorage.links = links;
  if (Object.keys(outStorage).length > 0) out.storage = outStorage;

  // systemd: units of the same name are merged (spec 3 allows one), later fields winning
  const units: Json[] = [];
  for (const u of list(obj(cfg.systemd).units)) {
    const o: Json = { name: str(u.name) };
    // `enabled` wins over the deprecated `enable` (ign-converter's reading of Ignition 2)
    if (u.enabled === true || u.enable === true) o.enabled = true;
    if (u.enabled === false) o.enabled = false;
    setNonZero(o, "mask", u.mask);
    setNonZero(o, "contents", u.contents);
    const dropins = list(u.dropins).map((d) => {
      const dd: Json = { name: str(d.name) };
      setNonZero(dd, "contents", d.contents);
      return dd;
    });
    if (dropins.length > 0) o.dropins = dropins;
    const prev = units.find((x) => x.name === o.name);
    if (!prev) {
      units.push(o);
      continue;
    }
    if (!opts.flatcar) throw new ImportError(`Config has duplicate unit name "${o.name}".  All units must specify a unique \`name\`.`);
    for (const [k, v] of Object.entries(o)) if (k !== "dropins") prev[k] = v;
    for (const d of dropins) {
      const old = (prev.dropins as Json[] | undefined)?.find((x) => x.name === d.name);
      if (old) Object.assign(old, d);
      else prev.dropins = [...((prev.dropins as Json[] | undefined) ?? []), d];
    }
    findings.push({
      code: "import-spec2-duplicate-unit",
      severity: "info",
      path: ["systemd", "units"],
      message: `the two entries of unit ${String(o.name)} were merged into one`,
    });
  }
  if (units.length > 0) out.systemd = { units };
  return { config: out, findings };
}

/** Where each named filesystem is mounted in spec 3 terms. */
function filesystemPaths(cfg: Json, opts: ConvertOptions, findings: Finding[]): Map<string, string> {
  const storage = obj(cfg.storage);
  const map = new Map<string, string>([["root", "/"]]);
  for (const [k, v] of Object.entries(opts.filesystemPaths ?? {})) map.set(k, v);
  const used = new Set<string>();
  for (const k of ["files", "directories", "links"]) for (const n of list(storage[k])) used.add(str(n.filesystem) || "root");
  // mount units of the config itself say where the system mounts a device
  const mountedAt = new Map<string, string>();
  for (const u of list(obj(cfg.systemd).units)) {
    const contents = str(u.contents);
    if (!str(u.name).endsWith(".mount")) continue;
    const what = /^What=(.*)$/m.exec(contents)?.[1]?.trim();
    const where = /^Where=(.*)$/m.exec(contents)?.[1]?.trim();
    if (what && where) mountedAt.set(what, where);
  }
  let generated = 0;
  let suffix = 0;
  storage.filesystems = list(storage.filesystems).map((f) => {
    let name = str(f.name);
    if (name === "root" || map.has(name)) return f;
    if (!isObj(f.mount)) {
      if (used.has(name)) {
        throw new ImportError(`filesystem "${name}" is one the system has already mounted (path ${str(f.path)}); spec 3 cannot write nodes to it`);
      }
      findings.push({
        code: "import-spec2-mounted-filesystem",
        severity: "warning",
        path: ["storage", "filesystems"],
        message: `filesystem "${name}" (already mounted at ${str(f.path)}) has no spec 3 equivalent and was left out`,
      });
      return f;
    }
    const m = f.mount;
    if (isObj(m.create)) {
      if (m.create.force !== true)
        throw new ImportError(
          `filesystem "${name}": a mount.create without force has no spec 3 equivalent; spec 3 can only wipe (force) or reuse a filesystem`,
        );
      m.wipeFilesystem = true;
      m.options = [...strs(m.options), ...strs(m.create.options)];
      delete m.create;
      findings.push({
        code: "import-spec2-create",
        severity: "info",
        path: ["storage", "filesystems"],
        message: `filesystem "${name}": the deprecated create { force: true } became wipe_filesystem: true`,
      });
    }
    const where = used.has(name) ? mountedAt.get(str(m.device)) : undefined;
    if (where) {
      map.set(name, where);
      findings.push({
        code: "import-spec2-filesystem-path",
        severity: "info",
        path: ["storage", "filesystems"],
        message: `filesystem "${name}" is mounted at ${where} (from the config's mount unit)`,
      });
      return f;
    }
    if (opts.flatcar) {
      if (name === "") name = `ignition${++generated}`;
      const path = name === "oem" ? "/usr/share/oem" : joinPath("/tmp", `${name}-ign${++suffix}`);
      map.set(name, path);
      findings.push({
        code: "import-spec2-filesystem-path",
        severity: "info",
        path: ["storage", "filesystems"],
        message: `filesystem "${name}" is mounted at ${path} while Ignition runs (Flatcar's rule)`,
      });
      return { ...f, name };
    }
    if (used.has(name)) {
      throw new ImportError(
        `Config defined filesystem "${name}" but no mapping was defined. Please specify a path to be used as the filesystem mountpoint (--fs-path ${name}=PATH).`,
      );
    }
    return f;
  });
  return map;
}

/** networkd units and drop-ins: the files Ignition 2 wrote for them (Flatcar's rule). */
function networkdFiles(cfg: Json, findings: Finding[]): Json[] {
  const out: Json[] = [];
  const file = (path: string, contents: string): Json => ({ path, overwrite: true, mode: 0o644, contents: { source: "data:," + pathEscape(contents) } });
  for (const u of list(obj(cfg.networkd).units)) {
    const name = str(u.name);
    if (str(u.contents) !== "") out.push(file(joinPath("/etc/systemd/network", name), str(u.contents)));
    for (const d of list(u.dropins)) out.push(file(joinPath("/etc/systemd/network", name + ".d", str(d.name)), str(d.contents)));
  }
  if (out.length > 0) {
    findings.push({
      code: "import-spec2-networkd",
      severity: "info",
      path: ["storage", "files"],
      message: `${out.length} networkd unit/drop-in file(s) became files under /etc/systemd/network`,
    });
  }
  return out;
}

/** Go's url.PathEscape. */
function pathEscape(s: string): string {
  let out = "";
  for (const b of utf8(s)) {
    const c = String.fromCharCode(b);
    out += /[A-Za-z0-9\-_.~$&+,/:;=@]/.test(c) && c !== "/" ? c : "%" + b.toString(16).toUpperCase().padStart(2, "0");
  }
  return out;
}

/** ign-converter's checks: one node per path, no node under a link of the config, unique units and drop-ins. */
function checkDuplicates(cfg: Json, fsMap: Map<string, string>): void {
  const storage = obj(cfg.storage);
  const at = (n: Json) => joinPath("/", fsMap.get(str(n.filesystem) || "root") ?? "", str(n.path));
  const links = list(storage.links).map(at);
  const seen = new Map<string, string>();
  const usesLink = (p: string) => links.find((l) => p.startsWith(l) && p !== l);
  for (const [kind, label] of [
    ["files", "File"],
    ["directories", "Directory"],
    ["links", "Link"],
  ] as const) {
    for (const n of list(storage[kind])) {
      const p = at(n);
      const name = `${label}: ${p}`;
      const dup = seen.get(p);
      if (dup)
        throw new ImportError(`Config has conflicting inodes: "${dup}" and "${name}".  All files, directories and links must specify a unique \`path\`.`);
      seen.set(p, name);
      const l = usesLink(p);
      if (l) throw new ImportError(`${name} uses link defined in config "${l}". Please use a link not defined in Storage:Links`);
    }
  }
  for (const u of list(obj(cfg.systemd).units)) {
    const names = new Set<string>();
    for (const d of list(u.dropins)) {
      if (names.has(str(d.name)))
        throw new ImportError(`Config has duplicate dropin name "${str(d.name)}" in unit "${str(u.name)}".  All dropins must specify a unique \`name\`.`);
      names.add(str(d.name));
    }
  }
}
