/**
 * `with_mount_unit` (every variant from Ignition 3.1): a `.mount` / `.swap` unit that is exactly
 * what Butane generates for a filesystem becomes `with_mount_unit: true` on that filesystem.
 * Butane lays its generated units first, in filesystem order, under the user's own units, so
 * only units at the head of the list, in filesystem order, can be folded back.
 */
import { generated } from "../generate.ts";
import type { VariantSpec } from "../spec.ts";
import { isObj, type Json } from "../types.ts";
import { unmergeConfig } from "../unmerge.ts";

const MOUNTPOINTS = /^\/(etc|var)(\/|$)/;

export interface MountFold {
  /** The config without the folded units. */
  config: Json;
  /** Indexes (in `storage.filesystems`) of the filesystems that get `with_mount_unit: true`. */
  folded: number[];
}

function eligible(fs: Json, vs: VariantSpec): boolean {
  if (typeof fs.device !== "string" || fs.device === "" || typeof fs.format !== "string" || fs.format === "") return false;
  const swap = vs.features.swapMountUnits && fs.format === "swap";
  if (!swap && (typeof fs.path !== "string" || fs.path === "")) return false;
  // fcos 1.6+ refuses mount units outside /etc and /var
  if (vs.variant === "fcos" && vs.features.mountPointChecks && typeof fs.path === "string" && !MOUNTPOINTS.test(fs.path)) return false;
  return true;
}

/**
 * Folds the generated mount units of `config` (Ignition form). `toButane` gives the Butane form of
 * a partial config (used to ask the transpiler what the filesystems generate).
 */
export function foldMountUnits(config: Json, vs: VariantSpec, toButane: (partial: Json) => Json): MountFold {
  const none = { config, folded: [] };
  if (!vs.features.mountUnits) return none;
  const storage = isObj(config.storage) ? config.storage : {};
  const filesystems = Array.isArray(storage.filesystems) ? storage.filesystems : [];
  const units = isObj(config.systemd) && Array.isArray(config.systemd.units) ? config.systemd.units.filter(isObj) : [];
  if (filesystems.length === 0 || units.length === 0) return none;
  const candidates = filesystems.map((fs, i) => (isObj(fs) && eligible(fs, vs) ? i : -1)).filter((i) => i >= 0);
  if (candidates.length === 0) return none;

  const partial: Json = { storage: { filesystems: candidates.map((i) => pick(filesystems[i] as Json, ["device", "format", "path", "mountOptions"])) } };
  if (Array.isArray(storage.luks)) (partial.storage as Json).luks = storage.luks;
  const bstorage = toButane(partial).storage as Json;
  for (const fs of bstorage.filesystems as Json[]) fs.with_mount_unit = true;
  const gen = generated(vs, { storage: bstorage });
  const genUnits = gen && isObj(gen.systemd) && Array.isArray(gen.systemd.units) ? gen.systemd.units.filter(isObj) : [];
  if (genUnits.length !== candidates.length) return none;

  // Take units from the head of the list while they are generated ones, in filesystem order.
  const taken: Json[] = [];
  const folded: number[] = [];
  let last = -1;
  for (const unit of units) {
    const k = genUnits.findIndex((g) => g.name === unit.name);
    if (k <= last) break;
    const g = genUnits[k]!;
    if (unit.contents !== g.contents || unit.enabled !== g.enabled) break;
    taken.push(g);
    folded.push(candidates[k]!);
    last = k;
  }
  if (taken.length === 0) return none;
  const child = unmergeConfig({ systemd: { units: taken } }, config);
  return child === null ? none : { config: child, folded };
}

function pick(o: Json, keys: string[]): Json {
  const out: Json = {};
  for (const k of keys) if (o[k] !== undefined && o[k] !== null) out[k] = o[k];
  return out;
}
