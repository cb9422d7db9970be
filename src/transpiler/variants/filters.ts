/**
 * Field filters (Butane's `FieldFilters.Verify`): output fields a variant rejects, reported at the
 * filtered node in output-struct traversal order, and the flatcar / r4e / fiot hooks, which are
 * the base schema plus mount units plus filters.
 */
import type { Path } from "../types.ts";
import type { Obj } from "../translate/provenance.ts";
import type { StageEntry, VariantHooks } from "./hooks.ts";
import type { FilterMap } from "../spec/filters.ts";
import { applyMountUnits } from "./mount-units.ts";

export type { FilterMap } from "../spec/filters.ts";

/** Go's emptiness for filters: unset, zero-length lists, objects with only empty members. */
function isEmpty(v: unknown, filter: string, ignoreZero: ReadonlySet<string>): boolean {
  if (v === undefined || v === null) return true;
  if (Array.isArray(v)) return v.length === 0;
  if (typeof v === "object") {
    return Object.entries(v as Obj).every(([k, c]) => isEmpty(c, filter === "" ? k : `${filter}.${k}`, ignoreZero));
  }
  // a present primitive is a set pointer (non-empty even when zero), unless listed in ignoreZero
  return ignoreZero.has(filter) && (v === "" || v === 0 || v === false);
}

/** Runs `filters` over the Ignition config `out`; errors carry Ignition JSON paths. */
export function runFilters(out: Obj, filters: FilterMap, ignoreZero: ReadonlySet<string> = new Set()): StageEntry[] {
  const entries: StageEntry[] = [];
  const walk = (v: unknown, filter: string, p: Path) => {
    const message = filters.get(filter);
    if (message !== undefined) {
      if (!isEmpty(v, filter, ignoreZero)) entries.push({ severity: "error", space: "json", path: p, message });
      return;
    }
    if (Array.isArray(v)) v.forEach((item, i) => walk(item, filter, [...p, i]));
    else if (v !== null && typeof v === "object") {
      for (const [k, c] of Object.entries(v as Obj)) walk(c, filter === "" ? k : `${filter}.${k}`, [...p, k]);
    }
  };
  walk(out, "", []);
  return entries;
}

export {
  EDGE,
  ERR_CEX_NOT_SUPPORTED,
  ERR_CLEVIS_SUPPORT,
  ERR_DISK_SUPPORT,
  ERR_FILESYSTEM_SUPPORT,
  ERR_GENERAL_KARGS_SUPPORT,
  ERR_LUKS_SUPPORT,
  ERR_RAID_SUPPORT,
  FLATCAR_CEX,
  FLATCAR_CLEVIS,
} from "../spec/filters.ts";

const mountUnitSugar: VariantHooks["sugar"] = (ctx, cfg, out) => applyMountUnits(ctx, cfg, out);

export const flatcarHooks: VariantHooks = {
  sugar: mountUnitSugar,
  filter(vs, out) {
    return runFilters(out, vs.filters, vs.filterZero);
  },
};

export const r4eHooks: VariantHooks = {
  sugar: mountUnitSugar,
  filter(vs, out) {
    return runFilters(out, vs.filters, vs.filterZero);
  },
};

export const fiotHooks: VariantHooks = r4eHooks;
