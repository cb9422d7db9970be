// Types for bench-configs.mjs (imported by the TypeScript UI bench, bench/ui.bench.ts).

/**
 * A config of roughly `targetLines` lines (deterministic for a given seed): fcos 1.6.0, or an
 * openshift 4.19.0 MachineConfig.
 */
export function makeConfig(targetLines: number, seed?: number, variant?: "fcos" | "openshift"): string;

export const SIZES: { S: number; M: number; L: number; XL: number };
