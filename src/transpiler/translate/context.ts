/** State shared by the translators of one run. */
import type { FilesProvider, Path, RawEntry } from "../types.ts";
import type { VariantSpec } from "../spec/variants.ts";
import { Provenance } from "./provenance.ts";

export interface TranslateContext {
  vs: VariantSpec;
  files: FilesProvider | undefined;
  prov: Provenance;
  /** Translation-stage report entries (YAML paths). */
  entries: RawEntry[];
}

export function newContext(vs: VariantSpec, files: FilesProvider | undefined): TranslateContext {
  return { vs, files, prov: new Provenance(), entries: [] };
}

export function errorAt(ctx: TranslateContext, path: Path, message: string): void {
  ctx.entries.push({ severity: "error", path, message });
}

export function warnAt(ctx: TranslateContext, path: Path, message: string): void {
  ctx.entries.push({ severity: "warning", path, message });
}

/** Ignition spec minor version (3.x → x; 3.7.0-experimental → 7). */
export function ignMinor(ctx: TranslateContext): number {
  return Number(ctx.vs.ignition.split(".")[1]);
}
