/**
 * Field filters (Butane's `FieldFilters.Verify`): output fields a variant rejects, reported at the
 * filtered node in output-struct traversal order, and the flatcar / r4e / fiot hooks, which are
 * the base schema plus mount units plus filters.
 */
import type { Path } from "../types.ts";
import type { Obj } from "../translate/provenance.ts";
import type { StageEntry, VariantHooks } from "./hooks.ts";
import { applyMountUnits } from "./mount-units.ts";

/** Dotted output path (list levels transparent, e.g. `storage.luks.clevis`) → error message. */
export type FilterMap = ReadonlyMap<string, string>;

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

export const ERR_CLEVIS_SUPPORT = "clevis is not supported in this spec version";
export const ERR_CEX_NOT_SUPPORTED = "cex is not currently supported on the target platform";
export const ERR_GENERAL_KARGS_SUPPORT = "kernel argument customization is not supported in this spec version";
export const ERR_DISK_SUPPORT = "disk customization is not supported in this spec version";
export const ERR_FILESYSTEM_SUPPORT = "filesystem customization is not supported in this spec version";
export const ERR_LUKS_SUPPORT = "luks is not supported in this spec version";
export const ERR_RAID_SUPPORT = "raid is not supported in this spec version";

const FLATCAR_CLEVIS: FilterMap = new Map([["storage.luks.clevis", ERR_CLEVIS_SUPPORT]]);
const FLATCAR_CEX: FilterMap = new Map([["storage.luks.cex", ERR_CEX_NOT_SUPPORTED]]);
const EDGE: FilterMap = new Map([
  ["kernelArguments", ERR_GENERAL_KARGS_SUPPORT],
  ["storage.disks", ERR_DISK_SUPPORT],
  ["storage.filesystems", ERR_FILESYSTEM_SUPPORT],
  ["storage.luks", ERR_LUKS_SUPPORT],
  ["storage.raid", ERR_RAID_SUPPORT],
]);

const mountUnitSugar: VariantHooks["sugar"] = (ctx, cfg, out) => applyMountUnits(ctx, cfg, out);

export const flatcarHooks: VariantHooks = {
  sugar: mountUnitSugar,
  filter(vs, out) {
    return runFilters(out, vs.base >= 8 ? FLATCAR_CEX : FLATCAR_CLEVIS);
  },
};

export const r4eHooks: VariantHooks = {
  sugar: mountUnitSugar,
  filter(_vs, out) {
    return runFilters(out, EDGE);
  },
};

export const fiotHooks: VariantHooks = r4eHooks;
