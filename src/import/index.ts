/**
 * Public API of the importer: an Ignition config (spec 2.x or 3.x, or an OpenShift MachineConfig)
 * or a Container Linux Config in, readable Butane out — proven by transpiling it back. Pure like
 * the transpiler: no DOM, no Node APIs.
 */
import { parseDocument } from "yaml";
import { candidateSpecs, IGNITION_3, importIgnition3, type ButaneBuild } from "./from-ignition.ts";
import { importMachineConfig, isMachineConfig } from "./machineconfig.ts";
import { importSpec2 } from "./spec2/index.ts";
import { importClc } from "./clc/index.ts";
import { clearContentsCache } from "./contents.ts";
import { ImportError, isObj, type ImportOptions, type ImportResult, type Json, type SourceKind } from "./types.ts";

/** "3.0.0–3.6.0 (and 3.7.0-experimental)": the Ignition 3 versions Butane emits. */
function ignition3Range(): string {
  const stable = IGNITION_3.filter((v) => !v.includes("-experimental"));
  const experimental = IGNITION_3.filter((v) => v.includes("-experimental"));
  return `${stable[0] ?? ""}–${stable[stable.length - 1] ?? ""}` + (experimental.length > 0 ? ` (and ${experimental.join(", ")})` : "");
}

export type { ImportFrom, ImportOptions, ImportResult, ImportStats, SourceKind, Finding } from "./types.ts";
export { CLC_PLATFORMS } from "./clc/templating.ts";

/** Imports `text` as Butane. Never throws on bad input: an unimportable input is `{ ok: false }`. */
export function importConfig(text: string, options: ImportOptions = {}): ImportResult {
  let source: { kind: SourceKind; version: string } | undefined;
  clearContentsCache();
  try {
    const input = readInput(text, options.from ?? "auto");
    source = { kind: input.kind, version: input.version };
    const built = dispatch(input, options);
    return { ok: true, ...built, source };
  } catch (e) {
    if (e instanceof ImportError) return { ok: false, error: e.message, findings: e.findings, ...(source ? { source } : {}) };
    throw e;
  } finally {
    clearContentsCache();
  }
}

interface Input {
  kind: SourceKind;
  version: string;
  value: Json;
  /** The original text (CLC keeps comments from it). */
  text: string;
}

function dispatch(input: Input, options: ImportOptions): ButaneBuild {
  switch (input.kind) {
    case "ignition-3": {
      const specs = candidateSpecs(input.version, options.variant ?? "fcos", options.version);
      return importIgnition3(input.value, specs);
    }
    case "machineconfig":
      return importMachineConfig(input.value, options.variant, options.version);
    case "ignition-2":
      return importSpec2(input.value, options);
    case "clc":
      return importClc(input.text, options);
  }
}

/** Recognizes the input: Ignition JSON (by its version), a MachineConfig, or a Container Linux Config. */
function readInput(text: string, from: "auto" | "ignition" | "clc"): Input {
  if (text.trim() === "") throw new ImportError("the input is empty");
  if (from === "clc") return { kind: "clc", version: "0", value: {}, text };
  let value: unknown;
  if (/^\s*\{/.test(text)) {
    try {
      value = JSON.parse(text);
    } catch (e) {
      throw new ImportError(`the input looks like JSON but is not valid JSON: ${(e as Error).message}`);
    }
  } else {
    const doc = parseDocument(text, { uniqueKeys: false, prettyErrors: false });
    if (doc.errors.length > 0) throw new ImportError(`the input is neither JSON nor valid YAML: ${doc.errors[0]!.message.split("\n")[0]}`);
    value = doc.toJS({ maxAliasCount: 1000 });
  }
  if (!isObj(value)) throw new ImportError("the input is not a config: expected a JSON or YAML object at the top");
  if (isMachineConfig(value)) {
    const spec = isObj(value.spec) ? value.spec : {};
    const v = isObj(spec.config) && isObj(spec.config.ignition) ? spec.config.ignition.version : undefined;
    return { kind: "machineconfig", version: typeof v === "string" ? v : "", value, text };
  }
  if (typeof value.variant === "string" && value.version !== undefined) {
    throw new ImportError(`this is already a Butane config (variant ${value.variant}); open it as it is`);
  }
  if (value.ignitionVersion !== undefined) throw new ImportError("this is an Ignition spec 1 config; only spec 2.x and 3.x can be imported");
  const ign = isObj(value.ignition) ? value.ignition.version : undefined;
  if (typeof ign === "string") {
    if (IGNITION_3.includes(ign)) return { kind: "ignition-3", version: ign, value, text };
    if (/^2\.[0-4]\.0(-experimental)?$/.test(ign)) return { kind: "ignition-2", version: ign, value, text };
    throw new ImportError(`unsupported Ignition version ${ign}; spec 2.0.0–2.4.0 and ${ignition3Range()} can be imported`);
  }
  if (from === "ignition") throw new ImportError("the input has no ignition.version, so it is not an Ignition config");
  if (/^\s*\{/.test(text)) throw new ImportError("the JSON has no ignition.version, so it is not an Ignition config");
  return { kind: "clc", version: "0", value, text };
}
