/**
 * Snippets merged at authoring time: the main config and each snippet are transpiled to Ignition
 * (openshift as with `--raw`), then each snippet's Ignition is merged over the result so far, in
 * order, exactly as Ignition merges a child config (`ignition.config.merge`) at boot (the merge
 * rules and their tables are the transpiler's, `variants/merge.ts`). Every merged node keeps the
 * file and line it came from; a value that two snippets set differently is a `compose-conflict`
 * finding naming both.
 */
import {
  measureUserData,
  transpile,
  type Diagnostic,
  type FilesProvider,
  type Finding,
  type LintOptions,
  type OutputOrigin,
  type Path,
  type UserDataSize,
} from "../transpiler/index.ts";
import { Provenance, pathKey, type Obj } from "../transpiler/translate/provenance.ts";
import { fieldRule, mergeConfigs, mergeKey } from "../transpiler/variants/merge.ts";
import { marshal } from "../transpiler/go/json.ts";
import { validateIgnitionChild, type IgnitionVersion } from "../transpiler/ignition/validate.ts";
import { formatPath } from "../transpiler/types.ts";
import { checkSize } from "../transpiler/lint/size-meter.ts";

/** One Butane file of a project: its name (shown in messages) and its text or bytes. */
export interface ComposeFile {
  name: string;
  source: string | Uint8Array;
}

export interface ComposeOptions {
  /** The files directory for `local` references (all files share it). */
  files?: FilesProvider;
  /** Any warning of any file fails the build, like `butane --strict`. */
  strict?: boolean;
  /** Indented JSON, like `butane --pretty`. */
  pretty?: boolean;
  /** Also list the origin of every merged node (`ComposeResult.origins`). */
  origins?: boolean;
  /**
   * Transpile results by file text, reused across builds (per-host builds share the files that
   * have no placeholder). Any Map works; the caller decides its lifetime.
   */
  cache?: Map<string, FileResult>;
  /**
   * Kindling's own checks, as `TranspileOptions.lint` runs them for one file: each file's own
   * findings (systemd/Quadlet lint, placeholders, and with `target` the target guard on its
   * `version:`, which is the merged config's spec: all files share one Ignition version), and with
   * `platform` the merged output's user-data size (`ComposeResult.userDataSize`, and
   * `size-over-limit`/`size-near-limit` on the file and line that added the largest embedded file).
   * Findings only: the output, reports and failure are the same without it.
   */
  lint?: LintOptions;
}

/** What one file's transpile said, as upstream Butane would report it for that file alone. */
export interface FileReport {
  name: string;
  diagnostics: Diagnostic[];
  /** Butane's final error line when this file failed. */
  failure?: string;
}

/** Where a node of the merged Ignition config came from. */
export interface EntryOrigin {
  /** Path in the merged Ignition config. */
  path: Path;
  /** Name of the file that produced it. */
  file: string;
  /** Butane YAML path in that file, and the node's 1-based line/column there. */
  source: Path;
  line?: number;
  column?: number;
}

/** A Kindling finding about one file of the project. */
export interface ComposeFinding extends Finding {
  file: string;
}

export interface ComposeResult {
  /** The merged Ignition config as Butane would print it (with its final newline), or null. */
  output: string | null;
  config: Obj | null;
  /** Each file's report, main first. */
  reports: FileReport[];
  /** Why nothing was produced (a file failed, or the files target different Ignition versions). */
  failure?: string;
  findings: ComposeFinding[];
  /** With `origins`: each merged node's file and line. */
  origins?: EntryOrigin[];
  /** With `lint.platform`: the merged output measured as that platform counts user data. */
  userDataSize?: UserDataSize;
}

/** A transpiled file, as kept in `ComposeOptions.cache`. */
export interface FileResult {
  report: Omit<FileReport, "name">;
  config: Obj | null;
  ignitionVersion?: string;
  /** With `ComposeOptions.lint`: Kindling's findings about this file alone (no size check). */
  findings: Finding[];
  /** Output path key → origin in this file (worked out on first use: most builds need none). */
  origins: () => Map<string, OutputOrigin>;
}

const CACHE_ENTRIES = 64;

function transpileFile(file: ComposeFile, options: ComposeOptions): FileResult {
  // Per file only the target guard: the size is the merged output's. Linted and plain results are cached apart.
  const lint = options.lint ? { ...(options.lint.target ? { target: options.lint.target } : {}) } : undefined;
  const key = typeof file.source !== "string" ? undefined : lint ? `\0lint:${lint.target ?? ""}\0${file.source}` : file.source;
  const hit = key !== undefined ? options.cache?.get(key) : undefined;
  if (hit) {
    // most recently used last
    options.cache!.delete(key!);
    options.cache!.set(key!, hit);
    return hit;
  }
  const opts = {
    raw: true,
    ...(options.strict ? { strict: true } : {}),
    ...(options.files ? { files: options.files } : {}),
  };
  const r = transpile(file.source, lint ? { ...opts, lint } : opts);
  let map: Map<string, OutputOrigin> | undefined;
  const origins = () => {
    if (!map) {
      map = new Map();
      for (const o of transpile(file.source, { ...opts, origins: true }).origins ?? []) map.set(pathKey(o.output), o);
    }
    return map;
  };
  const result: FileResult = {
    report: { diagnostics: r.diagnostics, ...(r.failure !== undefined ? { failure: r.failure } : {}) },
    config: r.failure === undefined && r.config !== null && typeof r.config === "object" ? (r.config as Obj) : null,
    ...(r.ignitionVersion !== undefined ? { ignitionVersion: r.ignitionVersion } : {}),
    findings: r.findings ?? [],
    origins,
  };
  if (key !== undefined && options.cache) {
    // bounded: per-host texts are seldom seen again, the shared ones are looked up every time
    if (options.cache.size >= CACHE_ENTRIES) options.cache.delete(options.cache.keys().next().value!);
    options.cache.set(key, result);
  }
  return result;
}

/** Records every node of file `index`'s config as coming from `[index, ...its path]`. */
function markFile(prov: Provenance, config: Obj, index: number): void {
  const walk = (node: object, path: Path) => {
    prov.mark(node, [index, ...path]);
    const entries: [string | number, unknown][] = Array.isArray(node) ? node.map((v, i) => [i, v] as [number, unknown]) : Object.entries(node);
    for (const [k, v] of entries) {
      const p = [...path, k];
      prov.markKey(node, k, [index, ...p]);
      if (v !== null && typeof v === "object") walk(v, p);
    }
  };
  walk(config, []);
}

/**
 * Transpiles `main` and `snippets` and merges each snippet's Ignition over the result so far, as
 * Ignition merges child configs at boot. Never throws on bad input.
 */
export function compose(main: ComposeFile, snippets: readonly ComposeFile[], options: ComposeOptions = {}): ComposeResult {
  const files = [main, ...snippets];
  const results = files.map((f) => transpileFile(f, options));
  const reports = results.map((r, i) => ({ name: files[i]!.name, ...r.report }));
  // Each file's own findings come first, also when the merge cannot happen.
  const ownFindings: ComposeFinding[] = results.flatMap((r, i) => r.findings.map((f) => ({ ...f, file: files[i]!.name })));
  const base: ComposeResult = { output: null, config: null, reports, findings: ownFindings };
  const failed = results.findIndex((r) => r.config === null);
  if (failed >= 0) return { ...base, failure: `${files[failed]!.name}: ${results[failed]!.report.failure ?? "no Ignition config"}` };
  const version = results[0]!.ignitionVersion;
  const odd = results.findIndex((r) => r.ignitionVersion !== version);
  if (odd >= 0) {
    return {
      ...base,
      failure: `${files[odd]!.name} produces Ignition ${results[odd]!.ignitionVersion ?? "?"} but ${main.name} produces Ignition ${version ?? "?"}: give snippets a version of the same Ignition spec`,
    };
  }

  const prov = new Provenance();
  const configs = results.map((r) => r.config!);
  // Provenance is keyed by object: a config shared by two files (the same text) is copied.
  const own = configs.map((c, i) => (configs.indexOf(c) < i ? copyJson(c) : c));
  own.forEach((c, i) => markFile(prov, c, i));
  const where = (from: Path | undefined) => locate(from, files, results);
  const findings: ComposeFinding[] = [...ownFindings];
  let merged = own[0]!;
  for (let i = 1; i < own.length; i++) {
    // only what an earlier snippet set can conflict
    if (i > 1) findConflicts(prov, merged, own[i]!, i, where, findings, version as IgnitionVersion);
    merged = mergeConfigs(prov, merged, own[i]!, version as IgnitionVersion);
  }
  // Ignition validates the merged config at boot ("merging configs resulted in an invalid config").
  if (own.length > 1) {
    let invalid = false;
    for (const e of validateIgnitionChild(merged as never, version as IgnitionVersion)) {
      invalid ||= e.severity === "error";
      const w = where(originAt(prov, merged, e.path)) ?? { file: main.name, source: [] };
      findings.push({
        code: "compose-merged-invalid",
        severity: e.severity,
        file: w.file,
        path: w.source,
        ...(w.line !== undefined ? { line: w.line, column: w.column! } : {}),
        message: `the merged config at ${formatPath(e.path)}: ${e.message}`,
        data: { output: formatPath(e.path) },
      });
    }
    if (invalid) return { ...base, findings, failure: "merging the snippets resulted in an invalid config (Ignition would refuse it at boot)" };
  }
  const out: ComposeResult = { ...base, config: merged, output: marshal(merged, options.pretty === true) + "\n", findings };
  if (options.lint?.platform) {
    const size = measureUserData(out.output!, options.lint.platform);
    const f = size ? checkSize(size, merged) : null;
    if (size) out.userDataSize = size;
    if (f) {
      // On the entry that added the largest embedded file (what to move out first), else the main config.
      const index = f.data?.largestFileIndex;
      const w = (typeof index === "number" ? where(originAt(prov, merged, ["storage", "files", index])) : undefined) ?? { file: main.name, source: [] };
      findings.push({ ...f, file: w.file, path: w.source, ...(w.line !== undefined ? { line: w.line, column: w.column! } : {}) });
    }
  }
  if (options.origins) {
    const origins: EntryOrigin[] = [];
    const walk = (node: unknown, path: Path) => {
      if (node === null || typeof node !== "object") return;
      const entries: [string | number, unknown][] = Array.isArray(node) ? node.map((v, i) => [i, v] as [number, unknown]) : Object.entries(node as Obj);
      for (const [k, v] of entries) {
        const p = [...path, k];
        const w = where(prov.keyOf(node, k));
        if (w) origins.push({ path: p, ...w });
        walk(v, p);
      }
    };
    walk(merged, []);
    out.origins = origins;
  }
  return out;
}

/** The provenance of the merged node at `path` (or of the deepest node on the way that has one). */
function originAt(prov: Provenance, root: Obj, path: readonly (string | number)[]): Path | undefined {
  let node: unknown = root;
  let found: Path | undefined = prov.selfOf(root);
  for (const k of path) {
    if (node === null || typeof node !== "object") break;
    found = prov.keyOf(node, k) ?? found;
    node = (node as Record<string | number, unknown>)[k];
  }
  return found;
}

type Where = { file: string; source: Path; line?: number; column?: number };

/** The file and Butane line of a provenance path `[file index, ...output path]`. */
function locate(from: Path | undefined, files: readonly ComposeFile[], results: readonly FileResult[]): Where | undefined {
  if (!from || typeof from[0] !== "number") return undefined;
  const index = from[0];
  const file = files[index]?.name;
  if (file === undefined) return undefined;
  const o = results[index]!.origins().get(pathKey(from.slice(1)));
  if (!o) return { file, source: [] };
  return { file, source: o.source, ...(o.line !== undefined ? { line: o.line, column: o.column! } : {}) };
}

function copyJson<T>(v: T): T {
  if (Array.isArray(v)) return v.map(copyJson) as T;
  if (v !== null && typeof v === "object") return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, copyJson(x)])) as T;
  return v;
}

const isObj = (v: unknown): v is Obj => v !== null && typeof v === "object" && !Array.isArray(v);

function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  return (
    JSON.stringify(a, (_k, v: unknown) => (typeof v === "bigint" ? v.toString() : v)) ===
    JSON.stringify(b, (_k, v: unknown) => (typeof v === "bigint" ? v.toString() : v))
  );
}

/**
 * Walks snippet `s` (file `index`) over the merge result so far `m` as Ignition's merge will, and
 * reports each value `s` changes that an earlier snippet (not the main config) set.
 */
function findConflicts(
  prov: Provenance,
  m: Obj,
  s: Obj,
  index: number,
  where: (p: Path | undefined) => Where | undefined,
  out: ComposeFinding[],
  version: IgnitionVersion,
): void {
  const owner = (o: object, k: string | number): number | undefined => {
    const p = prov.keyOf(o, k);
    return typeof p?.[0] === "number" ? p[0] : undefined;
  };
  const fromSnippet = (n: number | undefined): n is number => n !== undefined && n > 0 && n !== index;
  const report = (label: string, earlier: Where | undefined, later: Where | undefined, how?: readonly [string, string]) => {
    if (!earlier || !later) return;
    const at = (w: Where) => `${w.file}${w.line !== undefined ? `:${w.line}` : ""}`;
    const said = how ? `is ${how[0]} in ${at(earlier)} and ${how[1]} in ${at(later)}` : `is set to different values by ${at(earlier)} and by ${at(later)}`;
    out.push({
      code: "compose-conflict",
      severity: "warning",
      file: later.file,
      path: later.source,
      ...(later.line !== undefined ? { line: later.line, column: later.column! } : {}),
      message: `${label} ${said}; ${later.file} wins (later snippets merge over earlier ones)`,
      data: { otherFile: earlier.file, ...(earlier.line !== undefined ? { otherLine: earlier.line } : {}), output: label },
    });
  };
  const kind = (list: string) =>
    ({ files: "a file", directories: "a directory", links: "a link", shouldExist: "a kernel argument to add", shouldNotExist: "a kernel argument to remove" })[
      list
    ] ?? `an entry of ${list}`;

  const walk = (type: string, mo: Obj, so: Obj, label: string) => {
    for (const [k, sv] of Object.entries(so)) {
      const mv = mo[k];
      const rule = fieldRule(type, k, version);
      if (mv === undefined && !(rule && "list" in rule && rule.handle)) continue;
      const here = label === "" ? k : `${label}.${k}`;
      if (rule && "obj" in rule) {
        if (isObj(mv) && isObj(sv)) walk(rule.obj, mv, sv, here);
        continue;
      }
      if (rule && "list" in rule) {
        if (rule.ignoreDups || !Array.isArray(sv)) continue;
        const handle = rule.handle ?? k;
        // Lists sharing the key space (files, directories, links) in the result so far.
        const siblings = Object.keys(mo).filter((f) => {
          const r = fieldRule(type, f, version);
          return r !== undefined && "list" in r && (r.handle ?? f) === handle;
        });
        sv.forEach((item, j) => {
          const key = mergeKey(rule.list, item);
          for (const f of siblings) {
            const list = mo[f];
            if (!Array.isArray(list)) continue;
            list.forEach((mItem, mi) => {
              if (mergeKey(rule.list, mItem) !== key) return;
              if (f !== k) {
                if (fromSnippet(owner(list, mi)))
                  report(`${label === "" ? "" : label + "."}${f}[${key}]`, where(prov.keyOf(list, mi)), where(prov.keyOf(sv, j)), [kind(f), kind(k)]);
                return;
              }
              if (rule.item && isObj(mItem) && isObj(item)) walk(rule.item, mItem, item, `${here}[${key}]`);
            });
          }
        });
        continue;
      }
      // A scalar (or an object the tables do not describe): the snippet's value wins.
      if (sameValue(mv, sv)) continue;
      if (fromSnippet(owner(mo, k))) report(here, where(prov.keyOf(mo, k)), where(prov.keyOf(so, k)));
    }
  };
  walk("Config", m, s, "");
}
