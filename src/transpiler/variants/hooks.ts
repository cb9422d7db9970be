/**
 * What a variant adds to the shared pipeline. Each hook is optional; the pipeline runs them at
 * upstream's stages so report entries come out in upstream's order:
 *   unused keys → source validation (validatePre, base rules, validatePost) → translation
 *   (base, then sugar, then checks) → filters → Ignition validation → output (wrap).
 */
import type { Path, Severity } from "../types.ts";
import type { BObject } from "../decode.ts";
import type { VariantSpec } from "../spec/variants.ts";
import type { TranslateContext } from "../translate/context.ts";
import type { Obj } from "../translate/provenance.ts";

/** A report entry whose path is in Butane YAML space ("yaml") or in output JSON space ("json", mapped back later). */
export interface StageEntry {
  severity: Severity;
  path: Path;
  message: string;
  space: "yaml" | "json";
}

export interface VariantHooks {
  /** Source validation that upstream runs at the config root, before the fields' own rules. */
  validatePre?(cfg: BObject, vs: VariantSpec): StageEntry[];
  /** Source validation of the variant's own fields (boot_device, grub, metadata, openshift …), after the base fields. */
  validatePost?(cfg: BObject, vs: VariantSpec): StageEntry[];
  /**
   * Desugaring on top of the base translation: returns the final Ignition config (e.g. generated
   * boot_device/grub/mount-unit storage merged *under* the user's config). Record provenance with ctx.prov.
   */
  sugar?(ctx: TranslateContext, cfg: BObject, out: Obj): Obj;
  /**
   * Translation-stage checks on the desugared config (warnings about partitions, openshift support
   * checks …). `raw` is openshift's --raw: it changes which paths upstream can map back and adds
   * the "field ignored in raw mode" warnings.
   */
  check?(ctx: TranslateContext, cfg: BObject, out: Obj, raw?: boolean): StageEntry[];
  /**
   * Field filters: errors for output fields the variant forbids (only run when earlier stages had
   * no error). openshift has none in `raw` mode (upstream's filters never match the bare config).
   */
  filter?(vs: VariantSpec, out: Obj, cfg: BObject, raw?: boolean): StageEntry[];
  /**
   * Final output object and format: openshift wraps the config in a MachineConfig unless `raw`.
   * `jsonPrefix` is where the Ignition config sits inside the output (for mapping paths), e.g. ["spec","config"].
   * Entries (e.g. raw-mode warnings) are appended to the report after Ignition validation.
   */
  wrap?(vs: VariantSpec, cfg: BObject, out: Obj, raw: boolean): { value: unknown; format: "json" | "yaml"; jsonPrefix: Path; entries: StageEntry[] };
}
