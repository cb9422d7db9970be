/**
 * The transpile pipeline, stage by stage as upstream runs it, so report entries come out in
 * upstream's order: dispatch → typed decode → unused keys → source validation → translation →
 * filters → Ignition validation → output.
 */
import type { OutputOrigin, TranspileOptions, TranspileResult } from "./options.ts";
import type { Diagnostic, Path, RawEntry } from "./types.ts";
import { parseYaml } from "./yaml/parse.ts";
import { decodeInput } from "./yaml/reader.ts";
import type { YNode } from "./yaml/node.ts";
import { decodeConfig, decodeDispatch, type BObject } from "./decode.ts";
import { findUnusedKeys } from "./unused.ts";
import { lookupSpec, type VariantSpec } from "./spec/variants.ts";
import { validateSource } from "./validate/source.ts";
import { newContext } from "./translate/context.ts";
import { translateBase } from "./translate/base.ts";
import { pathKey, type Obj } from "./translate/provenance.ts";
import { hooksFor } from "./variants/index.ts";
import type { StageEntry } from "./variants/hooks.ts";
import { validateIgnition } from "./ignition/validate.ts";
import { markerFor } from "./correlate.ts";
import { snakePath } from "./variants/common.ts";
import { marshal as marshalJson } from "./go/json.ts";
import { formatSemver, parseSemver } from "./go/semver.ts";
import { marshalMachineConfigYaml } from "./output/machineconfig-yaml.ts";
import { withHint } from "./hints.ts";
import { memoizing } from "./util/memo.ts";
import { runLint } from "./lint/index.ts";
import { listSpecs } from "./versions.ts";

const FAIL = "Error translating config: ";

/**
 * Transpiles Butane YAML into Ignition (or an openshift MachineConfig), like `butane`. Never throws
 * on bad input. `source` is the file's bytes (read as `butane` reads them: UTF-8, or UTF-16 after a
 * byte order mark; malformed input is an error) or text (read as its UTF-8 form).
 */
export function transpile(source: string | Uint8Array, options: TranspileOptions = {}): TranspileResult {
  return memoizing(options.memoize === true, () => {
    const seen: Seen = {};
    const result = transpileNow(source, options, seen);
    if (options.lint) addFindings(result, typeof source === "string" ? source : decodeInput(source).text, seen, options);
    return result;
  });
}

/** What the stages learned that Kindling's own checks reuse. */
interface Seen {
  root?: YNode | null;
  cfg?: BObject;
}

/** Runs Kindling's checks on a finished transpile; `output`, `diagnostics` and `failure` stay as they are. */
function addFindings(result: TranspileResult, source: string, seen: Seen, options: TranspileOptions): void {
  const lintOptions = options.lint === true || options.lint === undefined || options.lint === false ? {} : options.lint;
  try {
    const r = runLint(
      {
        source,
        ...(seen.root !== undefined ? { root: seen.root } : {}),
        ...(seen.cfg ? { cfg: seen.cfg } : {}),
        ...(result.variant !== undefined ? { variant: result.variant } : {}),
        ...(result.version !== undefined ? { version: result.version } : {}),
        ...(result.ignitionVersion !== undefined ? { ignition: result.ignitionVersion } : {}),
        output: result.output,
        outputFormat: result.outputFormat,
        config: result.config,
        diagnostics: result.diagnostics,
      },
      lintOptions,
      { specs: listSpecs(), transpile, options },
    );
    result.findings = r.findings;
    if (r.userDataSize) result.userDataSize = r.userDataSize;
  } catch (e) {
    // A bug in a check must not cost the user the transpile: say so, as a finding.
    result.findings = [
      {
        code: "lint-internal-error",
        severity: "info",
        path: [],
        message: `Kindling's own checks failed (please report it): ${e instanceof Error ? e.message : String(e)}`,
      },
    ];
  }
}

function transpileNow(source: string | Uint8Array, options: TranspileOptions, seen: Seen): TranspileResult {
  const result: TranspileResult = { output: null, config: null, outputFormat: "json", diagnostics: [] };
  // Duplicate keys are type errors of the decodes below (the dispatch decode sees the root's only).
  const parsed = parseYaml(source, { duplicateKeys: "none" });
  if (!parsed.ok) return { ...result, failure: `${FAIL}Error unmarshaling yaml: ${parsed.message}` };
  const root = parsed.root;
  seen.root = root;

  const dispatch = decodeDispatch(root);
  if ("error" in dispatch) return { ...result, failure: `${FAIL}Error unmarshaling yaml: ${dispatch.error}` };
  const { variant } = dispatch;
  if (variant === "") return { ...result, failure: `${FAIL}error parsing variant; must be specified` };
  // Butane reads the version with go-semver and looks its translator up by the version's String(),
  // so `01.5.0` and `+1.5.0` are 1.5.0, and `1.5.0+meta` is a version no translator has.
  const semver = parseSemver(dispatch.version);
  if (semver === null) return { ...result, variant, failure: `${FAIL}error parsing version; must be a valid semver` };
  const version = formatSemver(semver);
  const vs = lookupSpec(variant, version);
  if (!vs) {
    const msg =
      variant === "rhcos" && version === "0.1.0"
        ? "rhcos variant has been removed; use openshift variant instead: https://coreos.github.io/butane/upgrading-openshift/"
        : `No translator exists for variant ${variant} with version ${version}`;
    return { ...result, variant, version, failure: FAIL + msg };
  }
  result.variant = variant;
  result.version = version;
  result.ignitionVersion = vs.ignition;
  if (vs.variant === "openshift" && !options.raw) result.outputFormat = "yaml";

  const decoded = decodeConfig(root, vs.spec);
  if (decoded.fatal !== undefined) return { ...result, failure: FAIL + decoded.fatal };
  if (decoded.errors.length > 0) return { ...result, failure: `${FAIL}yaml: unmarshal errors:\n  ${decoded.errors.join("\n  ")}` };
  const cfg = decoded.value;
  seen.cfg = cfg;
  return runStages(result, root, cfg, vs, options);
}

function runStages(result: TranspileResult, root: YNode | null, cfg: BObject, vs: VariantSpec, options: TranspileOptions): TranspileResult {
  const hooks = hooksFor(vs);
  const diags: Diagnostic[] = [];
  const addYaml = (e: RawEntry) => diags.push(withMarker(root, e));
  const hasError = () => diags.some((d) => d.severity === "error");

  // Unused keys (warnings only).
  for (const u of findUnusedKeys(root, cfg, vs.spec)) diags.push({ severity: "warning", path: u.path, line: u.line, column: u.column, message: u.message });

  // Source validation.
  const source: StageEntry[] = [...(hooks.validatePre?.(cfg, vs) ?? []), ...validateSource(cfg, vs), ...(hooks.validatePost?.(cfg, vs) ?? [])];
  for (const e of source) addYaml(e);
  if (hasError()) return finish(result, diags, `${FAIL}source config is invalid`, options);

  // Translation.
  const ctx = newContext(vs, options.files);
  let out = translateBase(ctx, cfg);
  if (hooks.sugar) out = hooks.sugar(ctx, cfg, out);
  // The translation set is only needed to map entries back, so it is built on first use.
  let tsCache: Map<string, Path> | undefined;
  const ts = () => (tsCache ??= ctx.prov.translationSet(out));
  // openshift MachineConfig output: upstream's unmapped JSON paths keep their `spec.config` prefix
  const fallbackPrefix: Path = vs.variant === "openshift" && options.raw !== true ? ["spec", "config"] : [];
  const mapEntry = (e: StageEntry): RawEntry => (e.space === "json" ? { ...e, path: mapJsonPath(ts(), e.path, fallbackPrefix) } : e);
  for (const e of ctx.entries) addYaml(e);
  for (const e of hooks.check?.(ctx, cfg, out, options.raw === true) ?? []) addYaml(mapEntry(e));
  if (hasError()) return finish(result, diags, `${FAIL}source config is invalid`, options);

  // Field filters.
  for (const e of hooks.filter?.(vs, out, cfg, options.raw === true) ?? []) addYaml(mapEntry(e));
  if (hasError()) return finish(result, diags, `${FAIL}source config is invalid`, options);

  // Output wrapping (openshift MachineConfig), then Ignition validation of the config.
  const wrapped = hooks.wrap?.(vs, cfg, out, options.raw === true) ?? { value: out, format: "json" as const, jsonPrefix: [] as Path, entries: [] };
  tsCache = undefined; // wrapping may have adjusted the config
  for (const e of validateIgnition(out as never, vs.ignition))
    addYaml({ severity: e.severity, path: mapJsonPath(ts(), e.path, wrapped.jsonPrefix), message: e.message });
  for (const e of wrapped.entries) addYaml(mapEntry(e));
  if (hasError()) return finish(result, diags, `${FAIL}config generated was invalid`, options);

  result.outputFormat = wrapped.format;
  result.config = wrapped.value;
  if (options.origins) result.origins = listOrigins(root, out, ts());
  const text =
    wrapped.format === "yaml"
      ? "# Generated by Butane; do not edit\n" + marshalMachineConfigYaml(wrapped.value).replace(/\n+$/, "")
      : marshalJson(wrapped.value, options.pretty === true);
  return finish(result, diags, undefined, options, text + "\n");
}

function finish(result: TranspileResult, diags: Diagnostic[], failure: string | undefined, options: TranspileOptions, output?: string): TranspileResult {
  result.diagnostics = diags.map(withHint);
  if (failure) {
    result.failure = failure;
    result.config = null;
    return result;
  }
  if (options.strict && diags.length > 0) {
    result.failure = "Config produced warnings and --strict was specified";
    result.config = null;
    return result;
  }
  result.output = output ?? null;
  return result;
}

function withMarker(root: YNode | null, e: RawEntry): Diagnostic {
  const m = markerFor(root, e.path);
  const d: Diagnostic = { severity: e.severity, path: e.path, message: e.message };
  if (m) {
    d.line = m.line;
    d.column = m.column;
  }
  return d;
}

/** Every node of `out` whose Butane origin is known, with its line/column, in tree order. */
/** Where ignition.version comes from: the config's `version:` (the translation set maps it to itself, a key no config has). */
const VERSION_KEY: Path = ["version"];

function listOrigins(root: YNode | null, out: Obj, ts: Map<string, Path>): OutputOrigin[] {
  const list: OutputOrigin[] = [];
  const walk = (node: unknown, path: Path, depth: number) => {
    if (node === null || typeof node !== "object" || depth > 100) return;
    const entries: [string | number, unknown][] = Array.isArray(node) ? node.map((v, i) => [i, v] as [number, unknown]) : Object.entries(node as Obj);
    for (const [k, v] of entries) {
      const output = [...path, k];
      const source = path.length === 1 && path[0] === "ignition" && k === "version" ? VERSION_KEY : ts.get(pathKey(output));
      if (source) {
        const m = markerFor(root, source);
        list.push(m ? { output, source, line: m.line, column: m.column } : { output, source });
      }
      walk(v, output, depth + 1);
    }
  };
  walk(out, [], 0);
  return list;
}

/** Maps an output JSON path to the Butane YAML path it came from, or upstream's snake_case fallback. */
function mapJsonPath(ts: Map<string, Path>, path: Path, prefix: Path): Path {
  const hit = ts.get(pathKey(path));
  if (hit) return hit;
  return [...prefix, ...snakePath(path)];
}

export type { Obj };
