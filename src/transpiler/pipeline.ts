/**
 * The transpile pipeline, stage by stage as upstream runs it, so report entries come out in
 * upstream's order: dispatch → typed decode → unused keys → source validation → translation →
 * filters → Ignition validation → output.
 */
import type { TranspileOptions, TranspileResult } from "./index.ts";
import type { Diagnostic, Path, RawEntry } from "./types.ts";
import { parseYaml } from "./yaml/parse.ts";
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
import { markerFor, snakeCase } from "./correlate.ts";
import { marshalJson } from "./output/json.ts";
import { marshalMachineConfigYaml } from "./output/machineconfig-yaml.ts";
import { withHint } from "./hints.ts";
import { memoizing } from "./util/memo.ts";
import { placeholderFindings } from "./lint/placeholders.ts";

const SEMVER = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-([0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*))?(?:\+([0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*))?$/;

const FAIL = "Error translating config: ";

/** Transpiles Butane YAML into Ignition (or an openshift MachineConfig), like `butane`. Never throws on bad input. */
export function transpile(source: string, options: TranspileOptions = {}): TranspileResult {
  return memoizing(options.memoize === true, () => transpileNow(source, options));
}

function transpileNow(source: string, options: TranspileOptions): TranspileResult {
  const result: TranspileResult = { output: null, config: null, outputFormat: "json", diagnostics: [] };
  // The first (dispatch) decode only visits the root mapping, so only its duplicate keys are fatal here;
  // the typed decode reports the others as unmarshal errors.
  const parsed = parseYaml(source, { duplicateKeys: "root" });
  if (!parsed.ok) return { ...result, failure: `${FAIL}Error unmarshaling yaml: ${parsed.message}` };
  const out = transpileTree(parsed.root, options);
  // Kindling's own findings, beside upstream's report (never in it).
  if (options.lint) out.findings = [...(out.findings ?? []), ...placeholderFindings(source, parsed.root)];
  return out;
}

function transpileTree(root: YNode | null, options: TranspileOptions): TranspileResult {
  const result: TranspileResult = { output: null, config: null, outputFormat: "json", diagnostics: [] };
  const dispatch = decodeDispatch(root);
  if ("error" in dispatch) return { ...result, failure: `${FAIL}Error unmarshaling yaml: ${dispatch.error}` };
  const { variant, version } = dispatch;
  if (variant === "") return { ...result, failure: `${FAIL}error parsing variant; must be specified` };
  if (!SEMVER.test(version)) return { ...result, variant, failure: `${FAIL}error parsing version; must be a valid semver` };
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
  if (vs.openshift !== undefined && !options.raw) result.outputFormat = "yaml";

  const decoded = decodeConfig(root, vs.spec);
  if (decoded.errors.length > 0) return { ...result, failure: `${FAIL}yaml: unmarshal errors:\n  ${decoded.errors.join("\n  ")}` };
  const cfg = decoded.value;
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
  const fallbackPrefix: Path = vs.openshift !== undefined && options.raw !== true ? ["spec", "config"] : [];
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
  for (const e of validateIgnition(out as never, vs.ignition)) addYaml({ severity: e.severity, path: mapJsonPath(ts(), e.path, wrapped.jsonPrefix), message: e.message });
  for (const e of wrapped.entries) addYaml(mapEntry(e));
  if (hasError()) return finish(result, diags, `${FAIL}config generated was invalid`, options);

  result.outputFormat = wrapped.format;
  result.config = wrapped.value;
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

/** Maps an output JSON path to the Butane YAML path it came from, or upstream's snake_case fallback. */
function mapJsonPath(ts: Map<string, Path>, path: Path, prefix: Path): Path {
  const hit = ts.get(pathKey(path));
  if (hit) return hit;
  const snake = path.map((p) => (typeof p === "string" ? snakeCase(p) : p));
  return [...prefix, ...snake];
}

export type { Obj };
