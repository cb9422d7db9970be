/**
 * Butane form → YAML text a person would write: block style, keys in a reading order (variant and
 * version first; names and paths before the rest; contents, drop-ins and partitions last), modes
 * in octal (`0644`), multi-line text as literal blocks, comments carried over when there are some.
 * Written with the `yaml` package's Document API as YAML 1.1 output, so strings such as `yes`
 * or `0644` are quoted for every YAML reader, while Butane reads the result exactly as meant.
 */
import { Document, Pair, Scalar, YAMLMap, YAMLSeq, type Node } from "yaml";
import { fieldOf, refName, type SpecDesc, type TypeDesc } from "./spec.ts";
import { isObj, type Json } from "./types.ts";

/** Comments to carry over, keyed by the Butane-form object or list they belong to. */
export interface NodeComments {
  /** Comment lines above the node (as `# …`, without the `#`). */
  before?: string;
  /** Comments on a key of this object (above the key line, or after its value). */
  keys?: Record<string, { before?: string; after?: string }>;
  /** Comments on an item of this list. */
  items?: Record<number, { before?: string; after?: string }>;
}
export type CommentMap = WeakMap<object, NodeComments>;

/** Per-type key order where the spec's (Go's alphabetical) order reads badly. */
const TYPE_ORDER: Readonly<Record<string, readonly string[]>> = {
  Config: ["variant", "version", "metadata", "ignition", "kernel_arguments", "boot_device", "grub", "passwd", "storage", "systemd", "openshift"],
  Storage: ["disks", "raid", "luks", "filesystems", "directories", "files", "links", "trees"],
  Resource: ["source", "inline", "local", "compression", "verification", "http_headers"],
  FileContents: ["source", "inline", "compression", "verification"],
  Passwd: ["users", "groups"],
  Filesystem: ["device", "format", "path", "with_mount_unit", "label", "uuid", "wipe_filesystem", "options", "mount_options"],
  Disk: ["device", "wipe_table", "partitions"],
  Luks: ["name", "device", "label", "uuid", "wipe_volume"],
};
/** Keys that identify an entry: first. */
const LEADING = ["name", "device", "path", "number", "label", "target", "format", "level", "mode", "user", "group"];
/** Bulky keys: last. */
const TRAILING = ["ssh_authorized_keys", "ssh_authorized_keys_local", "partitions", "contents", "contents_local", "append", "dropins"];

function keyRank(type: string, key: string, specIndex: number): number {
  const own = TYPE_ORDER[type];
  if (own) {
    const i = own.indexOf(key);
    return i >= 0 ? i : 100 + specIndex;
  }
  const lead = LEADING.indexOf(key);
  if (lead >= 0) return lead;
  const trail = TRAILING.indexOf(key);
  if (trail >= 0) return 1000 + trail;
  return 100 + specIndex;
}

export interface EmitOptions {
  spec: SpecDesc;
  comments?: CommentMap;
  /** A comment above the whole document. */
  header?: string;
}

/** The YAML text of a Butane-form config (root type `Config`). */
export function emitButane(config: Json, opts: EmitOptions): string {
  const doc = new Document(null, { version: "1.1" });
  doc.contents = structNode(config, "Config", opts) as YAMLMap;
  if (opts.header) doc.commentBefore = opts.header;
  return doc.toString({ lineWidth: 0, indentSeq: true });
}

function structNode(value: Json, type: string, opts: EmitOptions): YAMLMap {
  const fields = opts.spec.types[type]?.fields ?? [];
  const specIndex = (k: string) => {
    const i = fields.findIndex((f) => f.key === k);
    return i >= 0 ? i : fields.length;
  };
  const keys = Object.keys(value).sort((a, b) => keyRank(type, a, specIndex(a)) - keyRank(type, b, specIndex(b)));
  const map = new YAMLMap();
  const c = opts.comments?.get(value);
  for (const key of keys) {
    const field = fieldOf(opts.spec, type, key);
    const node = valueNode(value[key], field?.type, field?.hint === "mode", opts);
    const k = new Scalar(key);
    const kc = c?.keys?.[key];
    if (kc?.before) k.commentBefore = kc.before;
    if (kc?.after) node.comment = kc.after;
    map.items.push(new Pair(k, node));
  }
  if (c?.before) map.commentBefore = c.before;
  return map;
}

function valueNode(value: unknown, type: TypeDesc | undefined, mode: boolean, opts: EmitOptions): Node {
  if (Array.isArray(value)) {
    const seq = new YAMLSeq();
    const item = type?.kind === "list" ? type.item : undefined;
    const c = opts.comments?.get(value);
    value.forEach((v, i) => {
      const n = valueNode(v, item, false, opts);
      const ic = c?.items?.[i];
      if (ic?.before) n.commentBefore = ic.before;
      if (ic?.after) n.comment = ic.after;
      seq.items.push(n);
    });
    if (c?.before) seq.commentBefore = c.before;
    return seq;
  }
  if (isObj(value)) {
    const name = type ? refName(type) : undefined;
    if (name) return structNode(value, name, opts);
    // a map (openshift labels) or an unknown object: keys as they are
    const map = new YAMLMap();
    for (const [k, v] of Object.entries(value)) map.items.push(new Pair(new Scalar(k), valueNode(v, type?.kind === "map" ? type.value : undefined, false, opts)));
    return map;
  }
  const s = new Scalar(value);
  if (mode && typeof value === "number" && Number.isInteger(value) && value >= 0) s.format = "OCT";
  if (typeof value === "string" && value.includes("\n")) s.type = Scalar.BLOCK_LITERAL;
  return s;
}
