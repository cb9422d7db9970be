/**
 * The proof: the Butane text is transpiled and its output compared with the config it came from
 * (see compare.ts for what "the same" means).
 */
import { transpile, type Diagnostic, type FilesProvider } from "../transpiler/index.ts";
import { firstDifference } from "./compare.ts";

export interface Verification {
  /** Transpiled without errors. */
  ok: boolean;
  /** The first difference from the expected config (null when the same). */
  difference: string | null;
  diagnostics: Diagnostic[];
  failure?: string;
  /** The transpiled config (Ignition, or the MachineConfig object when `machineConfig`). */
  output: unknown;
}

/** Transpiles `butane` (raw Ignition, or a MachineConfig when `machineConfig`) and compares. */
export function verifyButane(butane: string, expected: unknown, machineConfig = false, files?: FilesProvider): Verification {
  const r = transpile(butane, { raw: !machineConfig, ...(files ? { files } : {}) });
  if (r.failure !== undefined) return { ok: false, difference: "$", diagnostics: r.diagnostics, failure: r.failure, output: null };
  return { ok: true, difference: firstDifference(r.config, expected), diagnostics: r.diagnostics, output: r.config };
}
