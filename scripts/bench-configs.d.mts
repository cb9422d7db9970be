// Types for bench-configs.mjs (imported by the TypeScript UI bench, bench/ui.bench.ts).

/** A fcos 1.6.0 config of roughly `targetLines` lines (deterministic for a given seed). */
export function makeConfig(targetLines: number, seed?: number): string;

export const SIZES: { S: number; M: number; L: number; XL: number };
