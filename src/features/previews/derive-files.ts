/**
 * Files preview model: `storage.files`, `storage.directories` and `storage.links` as one
 * tree built from their paths, with parent directories Ignition creates implicitly.
 */
import { describeSource, type SourceInfo } from "./data-url.ts";
import { formatMode, NodeType, octalMode } from "./file-mode.ts";
import {
  bool,
  field,
  formatBytes,
  groupDigits,
  ignitionOf,
  isRecord,
  nonEmptyStr,
  records,
  safely,
  str,
  uint,
  type Rec,
} from "./shape.ts";

export type EntryKind = "file" | "directory" | "link";

export interface ContentsView {
  /** Null when no source is given (an empty file, or the existing one is kept). */
  source: SourceInfo | null;
  /** Short description: "inline, 143 bytes", "gzip, 58 bytes compressed", "remote (https)". */
  summary: string;
  /** Hash function of `verification.hash`, e.g. "sha512"; null when unverified. */
  verification: string | null;
}

export interface FileEntryView {
  kind: EntryKind;
  path: string;
  /** `-rw-r--r--` form; null for hard links (they share their target's inode). */
  mode: string | null;
  /** `0644` form of the mode, or null. */
  octal: string | null;
  /** True when the mode comes from Ignition's default rather than the config. */
  modeDefault: boolean;
  /** A mode present in the config but out of range; shown as is. */
  invalidMode: number | null;
  /** `user:group`, names preferred over ids, root by default. */
  owner: string;
  ownerDefault: boolean;
  overwrite: boolean | null;
  /** Files only. */
  contents: ContentsView | null;
  /** Files only: fragments appended to the file. */
  append: ContentsView[];
  /** Links only. */
  target: string | null;
  hard: boolean;
}

export interface FileTreeNode {
  /** Display name; collapsed chains of implicit directories read `etc/NetworkManager`. */
  name: string;
  path: string;
  /** "implicit" for parent directories that no entry declares. */
  kind: EntryKind | "implicit";
  entry: FileEntryView | null;
  /** How many more entries declare this same path (Ignition rejects duplicates). */
  duplicates: number;
  /** True when a file or link has entries beneath it, which can't work. */
  conflict: boolean;
  children: FileTreeNode[];
}

export interface FilesView {
  roots: FileTreeNode[];
  counts: { files: number; directories: number; links: number };
  /** Entries whose path isn't absolute, so they have no place in the tree. */
  invalid: FileEntryView[];
}

export const emptyFilesView: FilesView = { roots: [], counts: { files: 0, directories: 0, links: 0 }, invalid: [] };

/** Derives the files preview; never throws, returns an empty tree for anything unusable. */
export function deriveFiles(config: unknown): FilesView {
  return safely(() => derive(config), emptyFilesView);
}

// Ignition's defaults: files 0644, directories 0755 (see the Ignition config spec).
const DEFAULT_MODE: Readonly<Record<EntryKind, number>> = { file: 0o644, directory: 0o755, link: 0o777 };

function derive(config: unknown): FilesView {
  const storage = field(ignitionOf(config), "storage");
  const entries: FileEntryView[] = [
    ...records(storage, "directories").map((r) => entryView("directory", r)),
    ...records(storage, "files").map((r) => entryView("file", r)),
    ...records(storage, "links").map((r) => entryView("link", r)),
  ];
  const counts = {
    files: entries.filter((e) => e.kind === "file").length,
    directories: entries.filter((e) => e.kind === "directory").length,
    links: entries.filter((e) => e.kind === "link").length,
  };

  const root: MutableNode = newNode("", "/");
  const invalid: FileEntryView[] = [];
  for (const e of entries) {
    const segments = cleanSegments(e.path);
    if (segments === null) {
      invalid.push(e);
      continue;
    }
    let node = root;
    let path = "";
    for (const seg of segments) {
      path += "/" + seg;
      let child = node.children.get(seg);
      if (child === undefined) {
        child = newNode(seg, path);
        node.children.set(seg, child);
      }
      node = child;
    }
    if (node.entry === null) {
      node.entry = e;
      node.kind = e.kind;
    } else {
      node.duplicates++;
    }
  }
  return { roots: freeze(root).children, counts, invalid };
}

interface MutableNode {
  name: string;
  path: string;
  kind: EntryKind | "implicit";
  entry: FileEntryView | null;
  duplicates: number;
  children: Map<string, MutableNode>;
}

function newNode(name: string, path: string): MutableNode {
  return { name, path, kind: "implicit", entry: null, duplicates: 0, children: new Map() };
}

/** Sorted, immutable copy; chains of implicit directories are merged into one row. */
function freeze(n: MutableNode): FileTreeNode {
  const children = [...n.children.values()]
    .map(freeze)
    .sort((a, b) => {
      const da = a.kind === "directory" || a.kind === "implicit" || a.children.length > 0;
      const db = b.kind === "directory" || b.kind === "implicit" || b.children.length > 0;
      if (da !== db) return da ? -1 : 1;
      return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
    });
  let node: FileTreeNode = {
    name: n.name,
    path: n.path,
    kind: n.kind,
    entry: n.entry,
    duplicates: n.duplicates,
    conflict: (n.kind === "file" || n.kind === "link") && children.length > 0,
    children,
  };
  const only = children[0];
  if (n.kind === "implicit" && n.path !== "/" && children.length === 1 && only !== undefined && only.kind === "implicit") {
    node = { ...only, name: `${n.name}/${only.name}` };
  }
  return node;
}

/** Path segments of an absolute path, with `.`/`..` resolved; null if not absolute. */
function cleanSegments(path: string): string[] | null {
  if (!path.startsWith("/")) return null;
  const out: string[] = [];
  for (const seg of path.split("/")) {
    if (seg === "" || seg === ".") continue;
    if (seg === "..") out.pop();
    else out.push(seg);
  }
  return out.length > 0 ? out : null;
}

function ownerPart(v: unknown): string | null {
  if (!isRecord(v)) return null;
  const name = nonEmptyStr(v, "name");
  if (name !== null) return name;
  const id = uint(v, "id");
  return id !== null ? String(id) : null;
}

// A config has a handful of distinct modes and tens of thousands of entries: format each mode once.
const modeTexts = new Map<string, string | null>();
const octalTexts = new Map<number, string>();

function modeText(mode: number, type: NodeType): string | null {
  const key = `${type}${mode}`;
  let text = modeTexts.get(key);
  if (text === undefined) {
    if (modeTexts.size > 20_000) modeTexts.clear();
    modeTexts.set(key, (text = formatMode(mode, type)));
  }
  return text;
}

function octalText(mode: number): string {
  let text = octalTexts.get(mode);
  if (text === undefined) {
    if (octalTexts.size > 20_000) octalTexts.clear();
    octalTexts.set(mode, (text = octalMode(mode)));
  }
  return text;
}

function entryView(kind: EntryKind, r: Rec): FileEntryView {
  const path = str(r, "path") ?? "";
  const hard = kind === "link" && bool(r, "hard") === true;
  const rawMode = field(r, "mode");
  const given = typeof rawMode === "number" && Number.isFinite(rawMode) ? rawMode : null;
  const type = kind === "directory" ? NodeType.Directory : kind === "link" ? NodeType.Symlink : NodeType.File;
  // Symlink permissions are always lrwxrwxrwx on Linux; `mode` does not apply to links.
  const effective = kind === "link" ? DEFAULT_MODE.link : (given ?? DEFAULT_MODE[kind]);
  const formatted = hard ? null : modeText(effective, type);
  const user = ownerPart(field(r, "user"));
  const group = ownerPart(field(r, "group"));
  const contents = field(r, "contents");
  return {
    kind,
    path,
    mode: formatted,
    octal: formatted !== null && kind !== "link" ? octalText(effective) : null,
    modeDefault: kind !== "link" && given === null,
    invalidMode: formatted === null && !hard ? given : null,
    owner: `${user ?? "root"}:${group ?? "root"}`,
    ownerDefault: user === null && group === null,
    overwrite: bool(r, "overwrite"),
    contents: kind === "file" ? contentsView(isRecord(contents) ? contents : null) : null,
    append: kind === "file" ? records(r, "append").map(contentsView) : [],
    target: kind === "link" ? str(r, "target") : null,
    hard,
  };
}

function contentsView(c: Rec | null): ContentsView {
  const source = nonEmptyStr(c, "source");
  const compression = nonEmptyStr(c, "compression");
  const hash = nonEmptyStr(field(c, "verification"), "hash");
  const verification = hash !== null ? (/^([a-z0-9]+)-/i.exec(hash)?.[1] ?? "hash") : null;
  if (source === null) return { source: null, summary: "empty", verification };
  const info = describeSource(source, compression);
  return { source: info, summary: summarize(info), verification };
}

function summarize(s: SourceInfo): string {
  switch (s.kind) {
    case "data": {
      const n = groupDigits(s.bytes);
      if (s.compression !== null) {
        const u = s.uncompressedBytes !== null ? ` (${groupDigits(s.uncompressedBytes)} uncompressed)` : "";
        return `${s.compression}, ${n} byte${s.bytes === 1 ? "" : "s"} compressed${u}`;
      }
      const human = s.bytes >= 1024 ? ` (${formatBytes(s.bytes)})` : "";
      return `inline, ${n} byte${s.bytes === 1 ? "" : "s"}${human}`;
    }
    case "remote":
      return `remote (${s.scheme})`;
    case "invalid":
      return `invalid source: ${s.reason}`;
  }
}
