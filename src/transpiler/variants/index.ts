/** The hooks of each variant. */
import type { VariantSpec } from "../spec/variants.ts";
import type { VariantHooks } from "./hooks.ts";
import { fcosHooks } from "./fcos.ts";
import { openshiftHooks } from "./openshift.ts";
import { fiotHooks, flatcarHooks, r4eHooks } from "./filters.ts";

const byVariant: Readonly<Record<string, VariantHooks>> = {
  fcos: fcosHooks,
  openshift: openshiftHooks,
  flatcar: flatcarHooks,
  r4e: r4eHooks,
  fiot: fiotHooks,
};

/** The hooks for a variant/version (empty hooks for an unknown variant). */
export function hooksFor(vs: VariantSpec): VariantHooks {
  return byVariant[vs.variant] ?? {};
}
