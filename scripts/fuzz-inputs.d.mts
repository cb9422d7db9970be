// Types for fuzz-inputs.mjs (imported by src/transpiler/fuzz.test.ts).

export interface Rng {
  next(): number;
  int(n: number): number;
  pick<T>(arr: readonly T[]): T;
  chance(p: number): boolean;
}
export function rng(seed: number): Rng;

/** The keys used across `corpus`, plus Butane's own: the mutation dictionary. */
export function keysOf(corpus: readonly string[]): string[];

export type Family = "mutated" | "random-yaml" | "random-text";
export function familyOf(seed: number, index: number): Family;

export interface Versions {
  /** `variant version` of every spec. */
  valid: string[];
  /** The same, then headers that name no spec. */
  all: string[];
}
/** The versions the inputs use, from the transpiler's `listSpecs()`. */
export function versionsOf(specs: readonly { variant: string; version: string }[]): Versions;

/** Fuzz input number `index` for `seed` (deterministic). */
export function fuzzInput(seed: number, index: number, corpus: readonly string[], keys: readonly string[], versions: Versions): string;

interface ResultLike {
  output: string | null;
  outputFormat: "json" | "yaml";
  failure?: string;
  diagnostics: readonly { severity: string; message: string }[];
}
/** A problem with a transpile result (no output and no error, unparseable output, …), or null. */
export function checkResult(result: ResultLike): string | null;
