/**
 * What the importer needs from the spec description: which Butane variant/versions emit an
 * Ignition version, and each Butane type's fields (to map Ignition's camelCase keys, to know
 * which fields exist in a version, and which ones hold modes or multi-line text).
 */
import { registry, type VariantSpec } from "../transpiler/spec/variants.ts";
import { snake } from "../transpiler/variants/common.ts";
import type { FieldDesc, SpecDesc, TypeDesc } from "../transpiler/spec/kit.ts";

export type { VariantSpec } from "../transpiler/spec/variants.ts";
export type { FieldDesc, SpecDesc, TypeDesc } from "../transpiler/spec/kit.ts";

/** Butane's name for an Ignition key: `sizeMiB` → `size_mib`, `httpHeaders` → `http_headers` (upstream's rule). */
export const snakeKey = snake;

/** Ignition's name for a Butane key (the inverse of `snakeKey` for every key Butane has). */
export function camelKey(snake: string): string {
  return snake.replace(/_mib$/, "MiB").replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
}

/** Every variant/version (registry order: fcos first, oldest first within a variant). */
export function allSpecs(): VariantSpec[] {
  return [...registry.values()];
}

export function variants(): string[] {
  return [...new Set(allSpecs().map((s) => s.variant))];
}

export function findSpec(variant: string, version: string): VariantSpec | undefined {
  return registry.get(`${variant}+${version}`);
}

/** The variant's versions that emit `ignition`, newest first. */
export function specsEmitting(variant: string, ignition: string): VariantSpec[] {
  return allSpecs()
    .filter((s) => s.variant === variant && s.ignition === ignition)
    .reverse();
}

/** The variant's newest stable version (the experimental one when it has no other). */
export function newestStable(variant: string): VariantSpec | undefined {
  const all = allSpecs().filter((s) => s.variant === variant);
  return [...all].reverse().find((s) => !s.experimental) ?? all.at(-1);
}

/** A field of a Butane struct type, by its Butane key. */
export function fieldOf(spec: SpecDesc, type: string, key: string): FieldDesc | undefined {
  return spec.types[type]?.fields.find((f) => f.key === key);
}

/** The struct type a field holds (directly or as list items), if any. */
export function refName(t: TypeDesc): string | undefined {
  if (t.kind === "ref") return t.name;
  if (t.kind === "list") return refName(t.item);
  return undefined;
}
