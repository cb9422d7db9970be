/**
 * What a piece of Butane sugar generates, asked of the transpiler itself: a small Butane config
 * holding just that sugar (and the context it reads) is transpiled, and its Ignition output is
 * what the importer looks for in the config being imported.
 */
import { transpile } from "../transpiler/index.ts";
import type { VariantSpec } from "./spec.ts";
import { isObj, type Json } from "./types.ts";

/** Placeholder metadata an openshift config needs to transpile at all (raw output ignores it). */
export const PLACEHOLDER_METADATA = { name: "imported", labels: { "machineconfiguration.openshift.io/role": "worker" } };

/** The Butane document header of `vs` (with placeholder metadata for openshift). */
export function header(vs: VariantSpec): Json {
  const h: Json = { variant: vs.variant, version: vs.version };
  if (vs.variant === "openshift") h.metadata = PLACEHOLDER_METADATA;
  return h;
}

/** The Ignition config `fragment` (Butane form, without variant/version) transpiles to, or null on errors. */
export function generated(vs: VariantSpec, fragment: Json): Json | null {
  const r = transpile(JSON.stringify({ ...header(vs), ...fragment }), { raw: true });
  if (r.failure !== undefined || !isObj(r.config)) return null;
  const config = { ...r.config };
  delete config.ignition;
  return config;
}
