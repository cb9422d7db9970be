/**
 * Configs as typed objects: `ButaneConfig<"fcos", "1.6.0">` (generated from the spec by
 * `npm run gen`), their Butane YAML, and their transpile.
 */
import { transpile, type TranspileOptions, type TranspileResult } from "../transpiler/index.ts";
import { lookupSpec } from "../transpiler/spec/variants.ts";
import { emitButane } from "../import/emit.ts";
import type { ButaneConfigs } from "./generated/butane-config.ts";

export type { ButaneConfigs } from "./generated/butane-config.ts";

/** A Butane variant: `fcos`, `flatcar`, `r4e`, `fiot`, `openshift`. */
export type ButaneVariant = keyof ButaneConfigs;
/** The spec versions of a variant. */
export type ButaneVersion<V extends ButaneVariant> = keyof ButaneConfigs[V] & string;
/** The config of one variant and version, e.g. `ButaneConfig<"fcos", "1.6.0">`. */
export type ButaneConfig<V extends ButaneVariant, Ver extends ButaneVersion<V>> = ButaneConfigs[V][Ver];
/** A config of any variant and version. */
export type AnyButaneConfig = { [V in ButaneVariant]: ButaneConfigs[V][ButaneVersion<V>] }[ButaneVariant];

/**
 * The Butane YAML of a config object: block style, `variant` and `version` first, modes in octal,
 * multi-line text as literal blocks. Keys set to `undefined` or `null` are left out.
 */
export function toButaneYaml(config: AnyButaneConfig): string {
  const c = config as unknown as { [key: string]: unknown };
  const vs = lookupSpec(String(c.variant), String(c.version));
  // An unknown variant/version keeps the object's own key order; transpiling reports it as Butane does.
  const spec = vs?.spec ?? { pkg: "", variantPkg: "", typePkgs: {}, types: {}, root: "Config" };
  return emitButane(c, { spec });
}

/** Transpiles a config object (through its Butane YAML, so diagnostics point at that text). */
export function transpileObject(config: AnyButaneConfig, options: TranspileOptions = {}): TranspileResult {
  return transpile(toButaneYaml(config), options);
}
