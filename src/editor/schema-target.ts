/**
 * Which Butane schema completion and hover should use, from the transpiler's reading of the
 * current text: the variant/version it read (a version Butane does not have gets no schema, so
 * no stale completions), nothing when the text names no usable variant/version, and the previous
 * choice while the YAML does not parse (half-typed text should not lose completion). Pure.
 */
import type { TranspileResult } from "../transpiler/index.ts";

export interface SchemaTarget {
  variant: string;
  version: string;
}

/** `Keep` leaves the current schema as it is. */
export const Keep = "keep";

const YAML_FAILURE = "Error translating config: Error unmarshaling yaml";

export function schemaTarget(result: TranspileResult): SchemaTarget | null | typeof Keep {
  if (result.variant && result.version) return { variant: result.variant, version: result.version };
  if (result.failure?.startsWith(YAML_FAILURE)) return Keep;
  return null;
}
