/**
 * TEST REFERENCE (used by tests only): Ignition's boot-time config merge, written from Ignition's
 * `config/merge` and the latest spec's Go types, independently of `variants/merge.ts`, so the
 * tests can check the library's snippet merge against it. It works on plain JSON the way the Go
 * code works on structs: every config is read into the latest types first, so absent means nil
 * (pointers), zero (value fields) or empty (structs, lists), and the result is written back with
 * Butane's marshaller's omitempty rules (zero structs, empty lists and zero omitempty values gone).
 */
type Json = Record<string, unknown>;

/**
 * Field kinds: `p` pointer to a primitive, `v` value primitive (`ve` with omitempty), `s:T`
 * struct, `l:T` list of structs with a key, `k` list of primitives (the value is the key),
 * `d` / `d:T` list whose duplicates are kept (IgnoreDuplicates).
 */
const SCHEMA: Record<string, Record<string, string>> = {
  Config: { ignition: "s:Ignition", kernelArguments: "s:KernelArguments", passwd: "s:Passwd", storage: "s:Storage", systemd: "s:Systemd" },
  Ignition: { config: "s:IgnitionConfig", proxy: "s:Proxy", security: "s:Security", timeouts: "s:Timeouts", version: "v" },
  IgnitionConfig: { merge: "l:Resource", replace: "s:Resource" },
  Resource: { compression: "p", httpHeaders: "l:HTTPHeader", source: "p", verification: "s:Verification" },
  HTTPHeader: { name: "v", value: "p" },
  Verification: { hash: "p" },
  Proxy: { httpProxy: "p", httpsProxy: "p", noProxy: "k" },
  Security: { tls: "s:TLS" },
  TLS: { certificateAuthorities: "l:Resource" },
  Timeouts: { httpResponseHeaders: "p", httpTotal: "p" },
  KernelArguments: { shouldExist: "k", shouldNotExist: "k" },
  Passwd: { groups: "l:PasswdGroup", users: "l:PasswdUser" },
  PasswdGroup: { gid: "p", name: "v", passwordHash: "p", shouldExist: "p", system: "p" },
  PasswdUser: {
    gecos: "p",
    groups: "k",
    homeDir: "p",
    name: "v",
    noCreateHome: "p",
    noLogInit: "p",
    noUserGroup: "p",
    passwordHash: "p",
    primaryGroup: "p",
    sshAuthorizedKeys: "k",
    shell: "p",
    shouldExist: "p",
    system: "p",
    uid: "p",
  },
  Storage: { directories: "l:Directory", disks: "l:Disk", files: "l:File", filesystems: "l:Filesystem", links: "l:Link", luks: "l:Luks", raid: "l:Raid" },
  Directory: { group: "s:Owner", overwrite: "p", path: "v", user: "s:Owner", mode: "p" },
  File: { group: "s:Owner", overwrite: "p", path: "v", user: "s:Owner", append: "d:Resource", contents: "s:Resource", mode: "p" },
  Link: { group: "s:Owner", overwrite: "p", path: "v", user: "s:Owner", hard: "p", target: "p" },
  Owner: { id: "p", name: "p" },
  Disk: { device: "v", partitions: "l:Partition", wipeTable: "p" },
  Partition: { guid: "p", label: "p", number: "ve", resize: "p", shouldExist: "p", sizeMiB: "p", startMiB: "p", typeGuid: "p", wipePartitionEntry: "p" },
  Filesystem: { device: "v", format: "p", label: "p", mountOptions: "d", options: "d", path: "p", uuid: "p", wipeFilesystem: "p" },
  Luks: {
    cex: "s:Cex",
    clevis: "s:Clevis",
    device: "p",
    discard: "p",
    keyFile: "s:Resource",
    label: "p",
    name: "v",
    openOptions: "k",
    options: "d",
    uuid: "p",
    wipeVolume: "p",
  },
  Cex: { enabled: "p" },
  Clevis: { custom: "s:ClevisCustom", tang: "l:Tang", threshold: "p", tpm2: "p" },
  ClevisCustom: { config: "p", needsNetwork: "p", pin: "p" },
  Tang: { advertisement: "p", thumbprint: "p", url: "ve" },
  Raid: { devices: "k", level: "p", name: "v", options: "d", spares: "p" },
  Systemd: { units: "l:Unit" },
  Unit: { contents: "p", dropins: "l:Dropin", enabled: "p", mask: "p", name: "v" },
  Dropin: { contents: "p", name: "v" },
};

/** MergedKeys: lists of a struct that share one key space. */
const SHARED_KEYS: Record<string, Record<string, string>> = {
  Storage: { directories: "Node", files: "Node", links: "Node" },
  KernelArguments: { shouldExist: "KernelArgument", shouldNotExist: "KernelArgument" },
};

function keyOf(type: string | undefined, item: unknown): string {
  if (type === undefined) return String(item);
  const o = item as Json;
  switch (type) {
    case "Resource":
      return typeof o.source === "string" ? o.source : "";
    case "Partition":
      if (typeof o.number === "number" && o.number !== 0) return `number:${o.number}`;
      return typeof o.label === "string" ? `label:${o.label}` : "";
    case "Directory":
    case "File":
    case "Link":
      return String(o.path ?? "");
    case "Disk":
    case "Filesystem":
      return String(o.device ?? "");
    case "Tang":
      return String(o.url ?? "");
    default:
      return String(o.name ?? "");
  }
}

function isZeroStruct(v: unknown): boolean {
  return v === undefined || (typeof v === "object" && v !== null && Object.values(v).every((x) => x === undefined));
}

function zeroOf(kind: string): unknown {
  return kind === "v" || kind === "ve" ? "" : undefined;
}

function mergeStruct(type: string, parent: Json, child: Json): Json {
  const fields = SCHEMA[type]!;
  const shared = SHARED_KEYS[type] ?? {};
  const result: Json = {};
  // The child's list entries, by (key space, key); a later entry replaces an earlier one.
  const childEntries = new Map<string, { list: string; item: unknown }>();
  for (const [name, kind] of Object.entries(fields)) {
    if (!kind.startsWith("l:") && kind !== "k") continue;
    const space = shared[name] ?? name;
    for (const item of (child[name] as unknown[] | undefined) ?? [])
      childEntries.set(`${space}\n${keyOf(kind === "k" ? undefined : kind.slice(2), item)}`, { list: name, item });
  }
  for (const [name, kind] of Object.entries(fields)) {
    const p = parent[name];
    const c = child[name];
    if (kind === "v" || kind === "ve") {
      // a value field: the child's, zero or not
      result[name] = c ?? zeroOf(kind);
    } else if (kind === "p") {
      result[name] = c !== undefined ? c : p;
    } else if (kind.startsWith("s:")) {
      if (isZeroStruct(c)) result[name] = p;
      else if (isZeroStruct(p)) result[name] = c;
      else result[name] = mergeStruct(kind.slice(2), p as Json, c as Json);
    } else if (kind === "d" || kind.startsWith("d:")) {
      const all = [...((p as unknown[] | undefined) ?? []), ...((c as unknown[] | undefined) ?? [])];
      if (all.length > 0) result[name] = all;
    } else {
      const itemType = kind === "k" ? undefined : kind.slice(2);
      const pl = (p as unknown[] | undefined) ?? [];
      const cl = (c as unknown[] | undefined) ?? [];
      const space = shared[name] ?? name;
      const out: unknown[] = [];
      const parentKeys = new Set(pl.map((x) => keyOf(itemType, x)));
      for (const pItem of pl) {
        const hit = childEntries.get(`${space}\n${keyOf(itemType, pItem)}`);
        if (!hit) out.push(pItem);
        else if (hit.list === name) {
          if (itemType === undefined) out.push(hit.item);
          else if (itemType === "HTTPHeader" && (hit.item as Json).value === undefined) continue;
          else out.push(mergeStruct(itemType, pItem as Json, hit.item as Json));
        }
        // else: the child holds this key in a sibling list, which brings it
      }
      for (const cItem of cl) if (!parentKeys.has(keyOf(itemType, cItem))) out.push(cItem);
      if (pl.length + cl.length > 0) result[name] = out;
    }
  }
  return result;
}

/** Writes a merged value as Butane's marshaller would: omitempty drops zero structs and empty lists. */
function marshalShape(type: string, v: Json): Json | undefined {
  const fields = SCHEMA[type]!;
  const out: Json = {};
  for (const [name, kind] of Object.entries(fields)) {
    let x = v[name];
    if (x === undefined) continue;
    if (kind.startsWith("s:")) x = marshalShape(kind.slice(2), x as Json);
    else if (kind.startsWith("l:") || kind.startsWith("d:")) {
      const items = (x as unknown[]).map((i) => marshalShape(kind.slice(2), i as Json) ?? {});
      x = items.length > 0 ? items : undefined;
    } else if (kind === "k" || kind === "d") x = (x as unknown[]).length > 0 ? x : undefined;
    else if (kind === "ve" && (x === "" || x === 0)) x = undefined;
    if (x !== undefined) out[name] = x;
  }
  for (const k of Object.keys(v)) if (!(k in fields)) throw new Error(`reference merge: unknown field ${type}.${k}`);
  return Object.keys(out).length > 0 || type === "Config" ? out : undefined;
}

/** Ignition's merge of a child config over a parent config (both Ignition JSON), as at boot. */
export function bootMerge(parent: Json, child: Json): Json {
  return marshalShape("Config", mergeStruct("Config", parent, child))!;
}
