/** The list of variant/versions shown to users, derived from the registry. */
import { registry } from "./spec/variants.ts";

export interface SpecInfo {
  variant: string;
  version: string;
  ignition: string;
  experimental: boolean;
}

/** All variant/versions, in registry order (fcos first), experimental ones marked. */
export function listSpecs(): SpecInfo[] {
  return [...registry.values()].map((s) => ({
    variant: s.variant,
    version: s.version,
    ignition: s.ignition,
    experimental: s.experimental,
  }));
}
