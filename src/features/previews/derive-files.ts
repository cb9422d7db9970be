/**
 * Files preview model: `storage.files`, `storage.directories` and `storage.links` as one
 * tree built from their paths, with parent directories Ignition creates implicitly.
 */
import { describeSource, type SourceInfo } from "./data-url.ts";
import { formatMode, NodeType, octalText } from "../../transpiler/util/file-mode.ts";
import { bool, field, formatBytes, groupDigits, ignitionOf, isRecord, nonEmptyStr, records, str, uint, type Rec } from "./shape.ts";
import { finish, type Steps } from "./steps.ts";

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
  append: readonly ContentsView[];
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
  /** Rows of the tree: its nodes, implicit parent directories and merged chains included. */
  rows: number;
  /** True when an entry of the tree is owned by someone other than root:root. */
  ownersVary: boolean;
}

export const emptyFilesView: FilesView = { roots: [], counts: { files: 0, directories: 0, links: 0 }, invalid: [], rows: 0, ownersVary: false };

/** Derives the files preview; never throws, returns an empty tree for anything unusable. */
export function deriveFiles(config: unknown): FilesView {
  return finish(filesSteps(config), emptyFilesView);
}

/**
 * {@link deriveFiles} in steps: it pauses every few thousand entries, path segments or tree
 * nodes (see steps.ts), so tens of thousands of files can be derived over several tasks. May throw on hostile objects; run it
 * with `finish` or a stepped job, which fall back to the empty view.
 */
export function* filesSteps(config: unknown): Steps<FilesView> {
  const storage = field(ignitionOf(config), "storage");
  const root = newNode("", "/");
  // Every node, each after its parent: frozen from the end, a node's children are ready before it.
  const nodes: MutableNode[] = [root];
  const invalid: FileEntryView[] = [];
  const counts = { files: 0, directories: 0, links: 0 };
  let ownersVary = false;
  let work = 0;
  for (const kind of ["directory", "file", "link"] as const) {
    for (const r of records(storage, LISTS[kind])) {
      const e = entryView(kind, r);
      counts[LISTS[kind]]++;
      if (++work >= STEP_WORK) {
        work = 0;
        yield;
      }
      const segments = cleanSegments(e.path);
      if (segments === null) {
        invalid.push(e);
        continue;
      }
      let node = root;
      for (const seg of segments) {
        const children = (node.children ??= new Map());
        let child = children.get(seg);
        if (child === undefined) {
          child = newNode(seg, node === root ? "/" + seg : node.path + "/" + seg);
          children.set(seg, child);
          nodes.push(child);
        }
        node = child;
      }
      if (node.entry === null) {
        node.entry = e;
        node.kind = e.kind;
        if (!e.ownerDefault) ownersVary = true;
      } else {
        node.duplicates++;
      }
      work += segments.length;
    }
  }
  let rows = 0;
  for (let i = nodes.length - 1; i >= 0; i--) {
    const n = nodes[i] as MutableNode;
    n.frozen = freeze(n);
    n.children = null;
    // Merged chains of implicit directories are one row.
    if (n.frozen.path === n.path) rows++;
    if (++work >= STEP_WORK) {
      work = 0;
      yield;
    }
  }
  const roots = root.frozen?.children ?? [];
  return { roots, counts, invalid, rows: rows - 1, ownersVary };
}

/** Entries, path segments and tree nodes handled between two pauses of {@link filesSteps} (a few milliseconds). */
const STEP_WORK = 2000;

/** The list of each kind of entry, in `storage` and in the counts. */
const LISTS = { directory: "directories", file: "files", link: "links" } as const;

// Ignition's defaults: files 0644, directories 0755 (see the Ignition config spec).
const DEFAULT_MODE: Readonly<Record<EntryKind, number>> = { file: 0o644, directory: 0o755, link: 0o777 };

interface MutableNode {
  name: string;
  path: string;
  kind: EntryKind | "implicit";
  entry: FileEntryView | null;
  duplicates: number;
  /** Null until the node has a child, and again once it is frozen. */
  children: Map<string, MutableNode> | null;
  frozen: FileTreeNode | null;
}

function newNode(name: string, path: string): MutableNode {
  return { name, path, kind: "implicit", entry: null, duplicates: 0, children: null, frozen: null };
}

/** Directories (and anything with children) sort before files and links. */
const isDirLike = (n: FileTreeNode) => n.kind === "directory" || n.kind === "implicit" || n.children.length > 0;

function byDirThenName(a: FileTreeNode, b: FileTreeNode): number {
  const da = isDirLike(a);
  if (da !== isDirLike(b)) return da ? -1 : 1;
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}

/** Sorted, immutable copy (its children frozen already); chains of implicit directories are merged into one row. */
function freeze(n: MutableNode): FileTreeNode {
  const children: FileTreeNode[] = [];
  if (n.children !== null) for (const c of n.children.values()) children.push(c.frozen as FileTreeNode);
  children.sort(byDirThenName);
  const only = children[0];
  if (n.kind === "implicit" && n.path !== "/" && children.length === 1 && only !== undefined && only.kind === "implicit") {
    return { ...only, name: `${n.name}/${only.name}` };
  }
  return {
    name: n.name,
    path: n.path,
    kind: n.kind,
    entry: n.entry,
    duplicates: n.duplicates,
    conflict: (n.kind === "file" || n.kind === "link") && children.length > 0,
    children,
  };
}

/** Path segments of an absolute path, with `.`/`..` resolved; null if not absolute. */
function cleanSegments(path: string): string[] | null {
  if (!path.startsWith("/")) return null;
  // Most paths are clean already: no empty, `.` or `..` segment.
  if (path.length > 1 && !path.endsWith("/") && !path.includes("//") && !path.includes("/.")) return path.slice(1).split("/");
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
const modeTexts = new Map<NodeType, Map<number, string | null>>();
const octalTexts = new Map<number, string>();

/** `text(key)`, remembered in `cache` (cleared when it grows past 20,000). */
function remembered<K, V>(cache: Map<K, V>, key: K, text: (key: K) => V): V {
  let v = cache.get(key);
  if (v === undefined) {
    if (cache.size > 20_000) cache.clear();
    cache.set(key, (v = text(key)));
  }
  return v;
}

function modeText(mode: number, type: NodeType): string | null {
  let byMode = modeTexts.get(type);
  if (byMode === undefined) modeTexts.set(type, (byMode = new Map()));
  return remembered(byMode, mode, (m) => formatMode(m, type));
}

/** The contents of a file without `contents` (shared: views are never changed). */
const NO_CONTENTS: ContentsView = { source: null, summary: "empty", verification: null };
const NO_APPEND: readonly ContentsView[] = [];

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
    octal: formatted !== null && kind !== "link" ? remembered(octalTexts, effective, octalText) : null,
    modeDefault: kind !== "link" && given === null,
    invalidMode: formatted === null && !hard ? given : null,
    owner: `${user ?? "root"}:${group ?? "root"}`,
    ownerDefault: user === null && group === null,
    overwrite: bool(r, "overwrite"),
    contents: kind === "file" ? (isRecord(contents) ? contentsView(contents) : NO_CONTENTS) : null,
    append: kind === "file" && field(r, "append") !== undefined ? records(r, "append").map(contentsView) : NO_APPEND,
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
