/**
 * Self-contained Butane: every reference to the files directory replaced by what Butane would
 * read there, so the config transpiles to the same output with no files directory (and can be
 * handed to a machine, or to Ignition's native Butane input, as one file).
 *
 *   - a resource's `local` (file contents and appends, merged/replaced configs, CAs, LUKS key
 *     files) → `inline` for text, or, for anything else (not UTF-8, control characters, YAML 1.1
 *     line breaks), a `source` data URL made exactly as Butane makes it for `local`, with the
 *     `compression` Butane would set;
 *   - `contents_local` (units, drop-ins, quadlets) → `contents` (text only);
 *   - `ssh_authorized_keys_local` → its keys, one per non-empty line, after `ssh_authorized_keys`;
 *   - `storage.trees` → the files, links and directories Butane generates, with its modes, in its
 *     order, after the config's own.
 * The text is edited in place (comments and layout kept); the result is checked by transpiling
 * both and, when a text could not be written back exactly, bundled again with data URLs only.
 */
import { transpile, type FilesProvider, type Path } from "../transpiler/index.ts";
import { lookupSpec, type VariantSpec } from "../transpiler/spec/variants.ts";
import { formatSemver, parseSemver } from "../transpiler/go/semver.ts";
import { makeDataUrl, makePlainDataUrl } from "../transpiler/util/dataurl.ts";
import { failureText, readLocal, resolveLocal, statLocal } from "../transpiler/util/files.ts";
import { goString } from "../transpiler/go/utf8.ts";
import { pathJoin } from "../transpiler/go/path.ts";
import { parseYaml } from "../transpiler/yaml/parse.ts";
import { markerFor } from "../transpiler/correlate.ts";
import { appendIn, applyEdit, deleteEdit, insertAfterEdit, readYaml, setIn, type EditPath } from "../lib/yaml-edit/yaml-edit.ts";

export interface BundleProblem {
  /** An error stops the bundle; a warning says what the bundle leaves out. */
  severity: "error" | "warning";
  message: string;
  /** Butane YAML path of the reference. */
  path: Path;
  line?: number;
  column?: number;
}

export interface BundleResult {
  /** True when the text is self-contained and (when it transpiles) transpiles as before. */
  ok: boolean;
  /** Errors (why not ok) and warnings (what the bundle drops). */
  /** The bundled text (the input when nothing was to be done or it failed). */
  text: string;
  problems: BundleProblem[];
  /** How many references were inlined. */
  inlined: number;
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === "object" && !Array.isArray(v);

/** Text that YAML (as go-yaml reads it) holds exactly: UTF-8, no control characters, no NEL/LS/PS. */
function asText(bytes: Uint8Array): string | undefined {
  const s = goString(bytes);
  // invalid bytes are lone surrogates in a Go string held as JS
  if (/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(s)) return undefined;
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\ufeff\ufffe\uffff]/.test(s)) return undefined;
  return s;
}

interface Edit {
  apply(text: string): string;
}

/** Inserts `key: value` after `after` in the map at `path` (or anywhere when that fails). */
const insertAfter = (path: EditPath, after: string, key: string, value: unknown): Edit => ({
  apply(text) {
    const e = insertAfterEdit(text, path, after, key, value);
    return e ? applyEdit(text, e) : setIn(text, [...path, key], value);
  },
});
const remove = (path: EditPath): Edit => ({
  apply(text) {
    const e = deleteEdit(text, path);
    return e ? applyEdit(text, e) : text;
  },
});
const set = (path: EditPath, value: unknown): Edit => ({ apply: (text) => setIn(text, path, value) });
const append = (path: EditPath, item: unknown): Edit => ({ apply: (text) => appendIn(text, path, item) });

/** Where every resource (a map that may hold `local`) of a Butane config sits. */
function resourcePaths(cfg: Obj): EditPath[] {
  const out: EditPath[] = [];
  const list = (v: unknown, path: EditPath, each: (item: unknown, p: EditPath) => void) => {
    if (Array.isArray(v)) v.forEach((item, i) => each(item, [...path, i]));
  };
  const res = (v: unknown, p: EditPath) => {
    if (isObj(v)) out.push(p);
  };
  const ign = cfg.ignition;
  if (isObj(ign)) {
    const c = ign.config;
    if (isObj(c)) {
      list(c.merge, ["ignition", "config", "merge"], res);
      res(c.replace, ["ignition", "config", "replace"]);
    }
    const sec = ign.security;
    if (isObj(sec) && isObj(sec.tls)) list(sec.tls.certificate_authorities, ["ignition", "security", "tls", "certificate_authorities"], res);
  }
  const st = cfg.storage;
  if (isObj(st)) {
    list(st.files, ["storage", "files"], (f, p) => {
      if (!isObj(f)) return;
      res(f.contents, [...p, "contents"]);
      list(f.append, [...p, "append"], res);
    });
    list(st.luks, ["storage", "luks"], (l, p) => {
      if (isObj(l)) res(l.key_file, [...p, "key_file"]);
    });
  }
  return out;
}

function at(cfg: unknown, path: EditPath): unknown {
  let v = cfg;
  for (const k of path) v = isObj(v) || Array.isArray(v) ? (v as Record<string | number, unknown>)[k] : undefined;
  return v;
}

interface Planner {
  vs: VariantSpec;
  files: FilesProvider | undefined;
  /** Data URLs for everything (the fallback when a text does not come back exactly). */
  dataOnly: boolean;
  edits: Edit[];
  problems: BundleProblem[];
  inlined: number;
  /** Butane's "unused key" warnings (paths) of the config. */
  unused: Path[];
  strict: boolean;
}

function read(p: Planner, local: string, path: Path): Uint8Array | undefined {
  const r = resolveLocal(p.files, local);
  if (!r.ok) {
    p.problems.push({ severity: "error", message: r.message, path });
    return undefined;
  }
  const d = readLocal(p.files!, r.rel, r.display);
  if (!d.ok) {
    p.problems.push({ severity: "error", message: d.message, path });
    return undefined;
  }
  return d.data;
}

/** The fields that make a resource's contents: `inline`, or `source` and `compression`. */
function contentsFields(p: Planner, bytes: Uint8Array, userCompression: unknown): { inline: string } | { source: string; compression?: string } {
  const text = p.dataOnly ? undefined : asText(bytes);
  if (text !== undefined) return { inline: text };
  if (!p.vs.features.encodedDataUrls) return { source: makePlainDataUrl(bytes) };
  const userSet = typeof userCompression === "string" && userCompression !== "";
  const url = makeDataUrl(bytes, p.vs.autoCompress && !userSet);
  return userSet ? { source: url.source } : { source: url.source, compression: url.gzipped ? "gzip" : "" };
}

/** Edits that put `fields` into the resource map at `path` in place of `local`. */
function writeContents(p: Planner, path: EditPath, fields: { inline: string } | { source: string; compression?: string }, res: Obj, after: string): void {
  if ("inline" in fields) p.edits.push(insertAfter(path, after, "inline", fields.inline));
  else {
    p.edits.push(insertAfter(path, after, "source", fields.source));
    if (fields.compression !== undefined)
      p.edits.push(
        res.compression === undefined ? insertAfter(path, "source", "compression", fields.compression) : set([...path, "compression"], fields.compression),
      );
  }
}

function planResources(p: Planner, cfg: Obj): void {
  for (const path of resourcePaths(cfg)) {
    const r = at(cfg, path) as Obj;
    // Butane reads `local` only when it is the resource's one source of contents.
    if (typeof r.local !== "string" || r.local === "" || r.source !== undefined || r.inline !== undefined) continue;
    const bytes = read(p, r.local, [...path, "local"]);
    if (!bytes) continue;
    writeContents(p, path, contentsFields(p, bytes, r.compression), r, "local");
    p.edits.push(remove([...path, "local"]));
    p.inlined++;
  }
}

function planContentsLocal(p: Planner, cfg: Obj): void {
  const sd = cfg.systemd;
  if (!isObj(sd)) return;
  const one = (o: unknown, path: EditPath) => {
    if (!isObj(o) || typeof o.contents_local !== "string" || o.contents_local === "" || o.contents !== undefined) return;
    const bytes = read(p, o.contents_local, [...path, "contents_local"]);
    if (!bytes) return;
    const text = asText(bytes);
    if (text === undefined) {
      p.problems.push({
        severity: "error",
        message: `${o.contents_local} is not text (UTF-8 without control characters): it cannot be written as contents`,
        path: [...path, "contents_local"],
      });
      return;
    }
    p.edits.push(insertAfter(path, "contents_local", "contents", text), remove([...path, "contents_local"]));
    p.inlined++;
  };
  if (Array.isArray(sd.units)) {
    sd.units.forEach((u, i) => {
      one(u, ["systemd", "units", i]);
      if (isObj(u) && Array.isArray(u.dropins)) u.dropins.forEach((d, j) => one(d, ["systemd", "units", i, "dropins", j]));
    });
  }
  if (Array.isArray(sd.quadlets)) sd.quadlets.forEach((q, i) => one(q, ["systemd", "quadlets", i]));
}

function planSshKeys(p: Planner, cfg: Obj): void {
  const users = isObj(cfg.passwd) ? cfg.passwd.users : undefined;
  if (!Array.isArray(users)) return;
  users.forEach((u, i) => {
    const path: EditPath = ["passwd", "users", i];
    if (!isObj(u) || !Array.isArray(u.ssh_authorized_keys_local) || u.ssh_authorized_keys_local.length === 0) return;
    const keys: string[] = [];
    let failed = false;
    u.ssh_authorized_keys_local.forEach((local, k) => {
      const bytes = typeof local === "string" ? read(p, local, [...path, "ssh_authorized_keys_local", k]) : undefined;
      const text = bytes && asText(bytes.filter((b) => b !== 0x0d));
      if (bytes && text === undefined)
        p.problems.push({
          severity: "error",
          message: `${String(local)} is not text: its keys cannot be written out`,
          path: [...path, "ssh_authorized_keys_local", k],
        });
      if (text === undefined) {
        failed = true;
        return;
      }
      keys.push(
        ...goString(bytes!)
          .split(/\r?\n/)
          .filter((l) => l !== ""),
      );
    });
    if (failed) return;
    if (Array.isArray(u.ssh_authorized_keys)) for (const k of keys) p.edits.push(append([...path, "ssh_authorized_keys"], k));
    else if (keys.length > 0) p.edits.push(insertAfter(path, "ssh_authorized_keys_local", "ssh_authorized_keys", keys));
    p.edits.push(remove([...path, "ssh_authorized_keys_local"]));
    p.inlined++;
  });
}

type NodeKind = "files" | "directories" | "links";

function owner(o: unknown): Obj | undefined {
  if (!isObj(o)) return undefined;
  const r: Obj = {};
  if (o.id !== undefined && o.id !== null) r.id = o.id;
  if (o.name !== undefined && o.name !== null) r.name = o.name;
  return Object.keys(r).length > 0 ? r : undefined;
}

/** `storage.trees` expanded as Butane walks them (translate/trees.ts): depth first, names in byte order. */
function planTrees(p: Planner, cfg: Obj): void {
  const st = cfg.storage;
  if (!isObj(st) || !Array.isArray(st.trees) || st.trees.length === 0) return;
  const index = new Map<string, { kind: NodeKind; path: EditPath | null; node: Obj }>();
  for (const kind of ["files", "directories", "links"] as const) {
    const list = st[kind];
    if (Array.isArray(list)) list.forEach((n, i) => isObj(n) && typeof n.path === "string" && index.set(n.path, { kind, path: ["storage", kind, i], node: n }));
  }
  const added: Record<NodeKind, Obj[]> = { files: [], directories: [], links: [] };
  const files = p.files;
  let ok = true;
  const fail = (message: string, path: Path) => {
    p.problems.push({ severity: "error", message, path });
    ok = false;
  };
  st.trees.forEach((tree, i) => {
    const tp: Path = ["storage", "trees", i];
    if (!isObj(tree) || typeof tree.local !== "string" || tree.local === "") return;
    // Keys Butane ignores here (with a warning) go with the tree: fine, unless warnings fail.
    for (const u of p.unused) {
      if (u.length !== 4 || u[0] !== "storage" || u[1] !== "trees" || u[2] !== i) continue;
      const message = `Butane ignores ${String(u[3])} here (unused key); the bundle drops it with the tree`;
      if (p.strict) fail(`${message}, and --strict makes that an error`, u);
      else p.problems.push({ severity: "warning", message, path: u });
    }
    const root = resolveLocal(files, tree.local);
    if (!root.ok) return fail(root.message, tp);
    const rs = statLocal(files!, root.rel, root.display);
    if (!rs.ok) return fail(rs.message, tp);
    if (rs.stat.kind !== "directory") return fail("root of tree must be a directory", tp);
    const treePath = typeof tree.path === "string" && tree.path !== "" ? tree.path : "/";
    const user = owner(tree.user);
    const group = owner(tree.group);
    const wantDirs = tree.dir_mode !== undefined || user !== undefined || group !== undefined;
    const base = (dest: string): Obj => ({ ...(group ? { group: { ...group } } : {}), path: dest, ...(user ? { user: { ...user } } : {}) });
    const stack = [""];
    while (stack.length > 0) {
      const rel = stack.pop()!;
      const full = rel === "" ? root.rel : root.rel === "" ? rel : `${root.rel}/${rel}`;
      const display = rel === "" ? root.display : pathJoin(root.display, rel);
      const ls = files!.lstat(full);
      if (!ls.ok) {
        fail(failureText("lstat", display, ls), tp);
        continue;
      }
      const dest = pathJoin(treePath, rel);
      const { kind, mode, target } = ls.stat;
      const existing = index.get(dest);
      if (kind === "directory") {
        const listing = files!.readdir(full);
        if (!listing.ok) {
          fail(failureText("open", display, listing), tp);
          continue;
        }
        if (wantDirs) {
          if (existing) fail(`${dest} is both in a tree and in the config`, tp);
          else {
            const node = { ...base(dest), mode: typeof tree.dir_mode === "number" ? tree.dir_mode : 0o755 };
            added.directories.push(node);
            index.set(dest, { kind: "directories", path: null, node });
          }
        }
        const names = listing.names.slice().sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
        for (let k = names.length - 1; k >= 0; k--) stack.push(rel === "" ? names[k]! : `${rel}/${names[k]!}`);
      } else if (kind === "file") {
        const c = existing && isObj(existing.node.contents) ? existing.node.contents : undefined;
        if (
          existing &&
          (existing.kind !== "files" || existing.path === null || (c && (c.source !== undefined || c.inline !== undefined || c.local !== undefined)))
        ) {
          fail(`${dest} is both in a tree and in the config`, tp);
          continue;
        }
        const data = readLocal(files!, full, display);
        if (!data.ok) {
          fail(data.message, tp);
          continue;
        }
        const fields = contentsFields(p, data.data, c?.compression);
        const fileMode = typeof tree.file_mode === "number" ? tree.file_mode : (mode & 0o111) !== 0 ? 0o755 : 0o644;
        if (existing) {
          // The config's own entry for this path, filled in by the tree.
          const path = existing.path!;
          if (c) writeContents(p, [...path, "contents"], fields, c, Object.keys(c).pop()!);
          else p.edits.push(set([...path, "contents"], fields));
          if (existing.node.mode === undefined) p.edits.push(set([...path, "mode"], fileMode));
        } else {
          const node = { ...base(dest), contents: fields, mode: fileMode };
          added.files.push(node);
          index.set(dest, { kind: "files", path: null, node });
        }
      } else if (kind === "symlink") {
        if (existing) {
          fail(`${dest} is both in a tree and in the config`, tp);
          continue;
        }
        const node = { ...base(dest), target: target ?? "" };
        added.links.push(node);
        index.set(dest, { kind: "links", path: null, node });
      } else fail("trees may only contain files, directories, and symlinks", tp);
    }
  });
  if (!ok) return;
  for (const kind of ["files", "directories", "links"] as const) {
    if (added[kind].length === 0) continue;
    if (Array.isArray(st[kind])) for (const n of added[kind]) p.edits.push(append(["storage", kind], n));
    else p.edits.push(insertAfter(["storage"], "trees", kind, added[kind]));
  }
  p.edits.push(remove(["storage", "trees"]));
  p.inlined += st.trees.length;
}

function plan(cfg: Obj, vs: VariantSpec, files: FilesProvider | undefined, dataOnly: boolean, unused: Path[], strict: boolean): Planner {
  const p: Planner = { vs, files, dataOnly, edits: [], problems: [], inlined: 0, unused, strict };
  planResources(p, cfg);
  planContentsLocal(p, cfg);
  planSshKeys(p, cfg);
  planTrees(p, cfg);
  return p;
}

export interface BundleOptions {
  /** Like `butane --strict`: what would drop a Butane warning is an error. */
  strict?: boolean;
}

/**
 * Inlines every files-directory reference of the Butane `source` (see the module comment).
 * `files` is the files directory; without one, any reference is a problem.
 */
export function bundle(source: string, files: FilesProvider | undefined, options: BundleOptions = {}): BundleResult {
  const refuse = (message: string): BundleResult => ({ ok: false, text: source, problems: [{ severity: "error", message, path: [] }], inlined: 0 });
  const read = readYaml(source);
  if (!read.ok) return refuse(`the YAML cannot be edited: ${read.message}`);
  const cfg = isObj(read.value) ? read.value : {};
  const semver = typeof cfg.version === "string" ? parseSemver(cfg.version) : null;
  const vs = semver && typeof cfg.variant === "string" ? lookupSpec(cfg.variant, formatSemver(semver)) : undefined;
  if (!vs) return refuse("no known variant and version: cannot tell how Butane would encode the files");
  const located = (problems: BundleProblem[]) => {
    const parsed = parseYaml(source);
    const root = parsed.ok ? parsed.root : null;
    return problems.map((pr) => {
      const m = markerFor(root, pr.path);
      return m ? { ...pr, line: m.line, column: m.column } : pr;
    });
  };
  const before = transpile(source, files ? { files } : {});
  // Keys the version does not have (Butane's "unused key" warnings) mean nothing: left as they are.
  const unused = before.diagnostics.filter((d) => d.message.startsWith("unused key ") && d.path.length > 0).map((d) => d.path);
  for (const d of before.diagnostics) {
    if (!d.message.startsWith("unused key ") || d.path.length === 0) continue;
    const parent = at(cfg, d.path.slice(0, -1));
    if (isObj(parent)) delete parent[String(d.path[d.path.length - 1])];
  }
  for (const dataOnly of [false, true]) {
    const p = plan(cfg, vs, files, dataOnly, unused, options.strict === true);
    if (p.problems.some((x) => x.severity === "error")) return { ok: false, text: source, problems: located(p.problems), inlined: 0 };
    if (p.edits.length === 0) return { ok: true, text: source, problems: located(p.problems), inlined: 0 };
    let text = source;
    for (const e of p.edits) text = e.apply(text);
    // Same output as before (when there was one): done. Else try again with data URLs only.
    if (before.output === null || transpile(text).output === before.output) return { ok: true, text, problems: located(p.problems), inlined: p.inlined };
  }
  return refuse("the bundled config would not transpile to the same output (please report it)");
}
