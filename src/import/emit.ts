/**
 * Butane form → YAML text a person would write: block style, keys in a reading order (variant and
 * version first; names and paths before the rest; contents, drop-ins and partitions last), modes
 * in octal (`0644`), multi-line text as literal blocks, comments carried over when there are some.
 *
 * A small writer of its own (the `yaml` package's Document API is several times slower on the
 * megabytes of an openshift-install config). Strings are plain only when every YAML reader
 * (1.1 or 1.2, go-yaml like Butane's) reads them back as that string; otherwise they are
 * double-quoted with escapes; text with line breaks is a literal block when it can be one.
 * The importer transpiles the result, so any slip here would show as a failed verification.
 */
import { fieldOf, refName, type SpecDesc, type TypeDesc } from "./spec.ts";
import { isObj, type Json } from "./types.ts";

/** Comments to carry over, keyed by the Butane-form object or list they belong to. */
export interface NodeComments {
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
  const out: string[] = [];
  if (opts.header) pushComment(out, "", opts.header);
  writeStruct(out, config, "Config", "", opts, false);
  return out.join("\n") + "\n";
}

function pushComment(out: string[], indent: string, text: string): void {
  for (const line of text.split("\n")) out.push(`${indent}#${line}`);
}

/** The keys of a Butane object in reading order. */
function orderedKeys(value: Json, type: string | undefined, spec: SpecDesc): string[] {
  const keys = Object.keys(value).filter((k) => value[k] !== undefined && value[k] !== null);
  if (!type) return keys;
  const fields = spec.types[type]?.fields ?? [];
  const specIndex = (k: string) => {
    const i = fields.findIndex((f) => f.key === k);
    return i >= 0 ? i : fields.length;
  };
  return keys.sort((a, b) => keyRank(type, a, specIndex(a)) - keyRank(type, b, specIndex(b)));
}

/**
 * Writes the keys of `value` at `indent`. With `inItem`, the first key goes on the line already
 * started by the list item's "- " (the last line of `out`).
 */
function writeStruct(out: string[], value: Json, type: string | undefined, indent: string, opts: EmitOptions, inItem: boolean): void {
  const c = opts.comments?.get(value);
  let first = inItem;
  for (const key of orderedKeys(value, type, opts.spec)) {
    const field = type ? fieldOf(opts.spec, type, key) : undefined;
    const kc = c?.keys?.[key];
    if (kc?.before) {
      if (!first) pushComment(out, indent, kc.before);
      else {
        // above the "- " line that holds this first key
        const lines: string[] = [];
        pushComment(lines, indent.slice(2), kc.before);
        out.splice(out.length - 1, 0, ...lines);
      }
    }
    const prefix = `${plainKey(key)}:`;
    if (first) {
      out[out.length - 1] += prefix;
      first = false;
    } else out.push(indent + prefix);
    const childType = field ? field.type : undefined;
    writeValue(out, value[key], childType, field?.hint === "mode", indent, opts, kc?.after);
  }
}

/** Writes a value after "key:" (the last line of `out`), nested at `indent` + 2. */
function writeValue(out: string[], v: unknown, type: TypeDesc | undefined, mode: boolean, indent: string, opts: EmitOptions, after: string | undefined): void {
  const inner = indent + "  ";
  const trailing = after ? ` #${after.split("\n").join(" ")}` : "";
  if (Array.isArray(v)) {
    if (v.length === 0) {
      out[out.length - 1] += " []" + trailing;
      return;
    }
    out[out.length - 1] += trailing;
    writeSeq(out, v, type?.kind === "list" ? type.item : undefined, inner, opts);
    return;
  }
  if (isObj(v)) {
    if (Object.keys(v).length === 0) {
      out[out.length - 1] += " {}" + trailing;
      return;
    }
    out[out.length - 1] += trailing;
    const name = type ? refName(type) : undefined;
    writeMapBody(out, v, name, type, inner, opts);
    return;
  }
  writeScalar(out, v, mode, inner, trailing);
}

function writeMapBody(out: string[], v: Json, name: string | undefined, type: TypeDesc | undefined, indent: string, opts: EmitOptions): void {
  if (name) {
    writeStruct(out, v, name, indent, opts, false);
    return;
  }
  // a string map (openshift labels) or an object of unknown shape: keys as they are
  for (const k of Object.keys(v)) {
    out.push(`${indent}${scalarText(k)}:`);
    writeValue(out, v[k], type?.kind === "map" ? type.value : undefined, false, indent, opts, undefined);
  }
}

function writeSeq(out: string[], list: readonly unknown[], item: TypeDesc | undefined, indent: string, opts: EmitOptions): void {
  const c = opts.comments?.get(list);
  list.forEach((v, i) => {
    const ic = c?.items?.[i];
    if (ic?.before) pushComment(out, indent, ic.before);
    out.push(indent + "-");
    const trailing = ic?.after ? ` #${ic.after.split("\n").join(" ")}` : "";
    if (isObj(v) && Object.keys(v).length > 0) {
      out[out.length - 1] += " ";
      const name = item ? refName(item) : undefined;
      if (name) writeStruct(out, v, name, indent + "  ", opts, true);
      else {
        const [first, ...rest] = Object.keys(v);
        out[out.length - 1] += `${scalarText(first!)}:`;
        writeValue(out, v[first!], item?.kind === "map" ? item.value : undefined, false, indent + "  ", opts, undefined);
        for (const k of rest) {
          out.push(`${indent}  ${scalarText(k)}:`);
          writeValue(out, v[k], item?.kind === "map" ? item.value : undefined, false, indent + "  ", opts, undefined);
        }
      }
      if (trailing) out[out.length - 1] += trailing;
    } else if (Array.isArray(v) && v.length > 0) {
      writeSeq(out, v, item?.kind === "list" ? item.item : undefined, indent + "  ", opts);
    } else {
      writeScalar(out, v, false, indent + "  ", trailing);
    }
  });
}

/** Writes a scalar after the text already on the last line ("key:" or "-"). */
function writeScalar(out: string[], v: unknown, mode: boolean, blockIndent: string, trailing: string): void {
  if (isObj(v)) {
    out[out.length - 1] += " {}" + trailing;
    return;
  }
  if (Array.isArray(v)) {
    out[out.length - 1] += " []" + trailing;
    return;
  }
  if (typeof v === "string") {
    const block = literalBlock(v);
    if (block) {
      out[out.length - 1] += ` |${block.header}${trailing}`;
      for (const line of block.lines) out.push(line === "" ? "" : blockIndent + line);
      return;
    }
  }
  let text: string;
  if (typeof v === "number" && mode && Number.isInteger(v) && v > 0) text = "0" + v.toString(8);
  else if (typeof v === "number" || typeof v === "boolean") text = String(v);
  else text = scalarText(String(v));
  out[out.length - 1] += ` ${text}${trailing}`;
}

/** Characters no YAML reader keeps as they are in a scalar (line breaks of YAML 1.1 included). */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\ufeff\ud800-\udfff\ufffe\uffff]/;

/** The lines of a literal block (`|`, `|-`, `|+`, with an indentation digit when needed), or null. */
function literalBlock(s: string): { header: string; lines: string[] } | null {
  if (!s.includes("\n") || s.includes("\r") || UNSAFE.test(s)) return null;
  let body = s;
  let chomp = "";
  if (!s.endsWith("\n")) chomp = "-";
  else if (s.endsWith("\n\n")) chomp = "+";
  if (s.endsWith("\n")) body = s.slice(0, -1);
  const lines = body.split("\n");
  // a line of only blanks could read as an empty line; trailing blanks before a line break are fine
  if (lines.some((l) => l !== "" && /^[ \t]+$/.test(l))) return null;
  const firstContent = lines.find((l) => l !== "");
  if (firstContent === undefined) return null;
  // content starting with a space (or tab) needs an explicit indentation
  const digit = /^[ \t]/.test(firstContent) ? "2" : "";
  return { header: digit + chomp, lines };
}

const RESERVED = new Set([
  "",
  "~",
  "null",
  "Null",
  "NULL",
  "y",
  "Y",
  "yes",
  "Yes",
  "YES",
  "n",
  "N",
  "no",
  "No",
  "NO",
  "true",
  "True",
  "TRUE",
  "false",
  "False",
  "FALSE",
  "on",
  "On",
  "ON",
  "off",
  "Off",
  "OFF",
  "<<",
  "=",
]);

/** Integers, floats (YAML 1.1 and 1.2 spellings, go-yaml's too) and timestamps, which are not plain strings. */
const TYPED = new RegExp(
  "^(?:[-+]?(?:0b[01_]+|0o?[0-7_]+|0x[0-9a-fA-F_]+|[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\\.[0-9_]*)?" +
    "|[0-9][0-9_]*(?:\\.[0-9_]*)?(?:[eE][-+]?[0-9]+)?|\\.[0-9][0-9_]*(?:[eE][-+]?[0-9]+)?|\\.(?:inf|Inf|INF))" +
    "|\\.(?:nan|NaN|NAN)|[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(?:[Tt ].*)?)$",
);

/** Whether `s` reads back as this very string when written plain (YAML 1.1 and 1.2 alike). */
function plainSafe(s: string): boolean {
  if (RESERVED.has(s) || UNSAFE.test(s) || /[\n\r\t]/.test(s)) return false;
  if (/^[\s\-?:,[\]{}#&*!|>'"%@`]/.test(s) || /\s$/.test(s)) return false;
  if (s.includes(": ") || s.includes(" #") || s.endsWith(":")) return false;
  return !TYPED.test(s);
}

function plainKey(key: string): string {
  return plainSafe(key) ? key : quote(key);
}

function scalarText(s: string): string {
  return plainSafe(s) ? s : quote(s);
}

/** A YAML double-quoted scalar (JSON's escapes, plus those YAML needs beyond them). */
function quote(s: string): string {
  return JSON.stringify(s).replace(/[\u007f-\u009f\u2028\u2029\ufeff\ufffe\uffff]/g, (c) => "\\u" + c.charCodeAt(0).toString(16).padStart(4, "0"));
}
