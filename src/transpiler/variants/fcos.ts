/**
 * fcos hooks (also the base of openshift's): Config-level rules (1.6+), boot_device and grub
 * rules and sugar, mount units, and the post-translation partition checks.
 */
import { intNumber } from "../ignition/access.ts";
import type { Path } from "../types.ts";
import type { BObject } from "../decode.ts";
import type { TranslateContext } from "../translate/context.ts";
import type { VariantFeatures } from "../spec/variants.ts";
import type { Obj } from "../translate/provenance.ts";
import type { StageEntry, VariantHooks } from "./hooks.ts";
import { blist, bobj, bstrings, hasErrors, isTrue, olist, oobj } from "./common.ts";
import { applyMountUnits } from "./mount-units.ts";
import { applyBootDevice, applyGrub, validateBootDevice, validateGrub } from "./boot-device.ts";

export const ERR_REUSE_BY_LABEL =
  "partitions cannot be reused by label; number must be specified except on boot disk (/dev/disk/by-id/coreos-boot-disk) or when wipe_table is true";
export const ERR_MOUNT_POINT_FORBIDDEN = "path must be under /etc or /var if with_mount_unit is true";
export const ERR_WRONG_PARTITION_NUMBER = "incorrect partition number; a new partition will be created using reserved label";
export const ERR_ROOT_TOO_SMALL = "root should have 8GiB of space assigned";
export const ERR_ROOT_CONSTRAINED = "root partition cannot expand; it is set to fill available space but is followed by an auto-positioned partition";

const BOOT_DISK = "/dev/disk/by-id/coreos-boot-disk";
const MOUNTPOINTS = /^\/(etc|var)(\/|$)/;

/** fcos 1.6+ `Config.Validate`: reuse-by-label warnings, then mount-point errors (yaml paths). */
export function validateFcosConfig(cfg: BObject, f: VariantFeatures): StageEntry[] {
  if (!f.mountPointChecks) return [];
  const out: StageEntry[] = [];
  const storage = bobj(cfg.storage);
  const mirror = new Set(bstrings(bobj(bobj(cfg.boot_device).mirror).devices));
  blist(storage.disks).forEach((disk, i) => {
    const device = typeof disk.device === "string" ? disk.device : "";
    if (device === BOOT_DISK || isTrue(disk.wipe_table) || mirror.has(device)) return;
    blist(disk.partitions).forEach((p, j) => {
      if ((p.number ?? 0) === 0 && p.label !== undefined) {
        out.push({ severity: "warning", space: "yaml", path: ["storage", "disks", i, "partitions", j, "number"], message: ERR_REUSE_BY_LABEL });
      }
    });
  });
  blist(storage.filesystems).forEach((fs, i) => {
    if (typeof fs.path === "string" && !MOUNTPOINTS.test(fs.path) && isTrue(fs.with_mount_unit)) {
      out.push({ severity: "error", space: "yaml", path: ["storage", "filesystems", i, "path"], message: ERR_MOUNT_POINT_FORBIDDEN });
    }
  });
  return out;
}

/** Variant-field source validation of fcos: boot_device, then grub. */
export function validateFcosFields(cfg: BObject, f: VariantFeatures): StageEntry[] {
  return [...validateBootDevice(cfg, f), ...validateGrub(cfg, f)];
}

/** fcos desugaring on top of the base translation: mount units, then boot_device, then grub. */
export function fcosSugar(ctx: TranslateContext, cfg: BObject, out: Obj): Obj {
  let r = applyMountUnits(ctx, cfg, out);
  if (hasErrors(ctx)) return r;
  r = applyBootDevice(ctx, cfg, r);
  r = applyGrub(ctx, cfg, r);
  return r;
}

function isReservedMisnumbered(label: string, number: number): boolean {
  return (
    (label === "BIOS-BOOT" && number !== 1) ||
    (label === "PowerPC-PReP-boot" && number !== 1) ||
    (label === "EFI-SYSTEM" && number !== 2) ||
    (label === "boot" && number !== 3) ||
    (label === "root" && number !== 4)
  );
}

/**
 * The post-translation disk checks on the output config, with output indices. `mapped` says
 * whether upstream can map the JSON paths back (false for openshift MachineConfig output, whose
 * translations live under spec.config): unmapped paths are printed as they are (yaml space).
 */
export function partitionChecks(out: Obj, f: VariantFeatures, mapped = true): StageEntry[] {
  const entries: StageEntry[] = [];
  const disks = olist(oobj(out.storage)?.disks);
  const labelEntry = (i: number, p: number, message: string) =>
    entries.push({ severity: "warning", space: mapped ? "json" : "yaml", path: ["storage", "disks", i, "partitions", p, "label"], message });
  disks.forEach((disk, i) => {
    const parts = olist(disk.partitions);
    const wipe = disk.wipeTable === true;
    parts.forEach((part, p) => {
      if (typeof part.label !== "string") return;
      const label = part.label;
      const number = intNumber(part.number) ?? 0;
      if (f.bootDevice && label === "root") {
        const size = intNumber(part.sizeMiB) ?? 0;
        if (size === 0) {
          const autoPositioned = parts.some((q, idx) => idx !== p && (intNumber(q.startMiB) ?? 0) === 0);
          if (autoPositioned) labelEntry(i, p, ERR_ROOT_CONSTRAINED);
        } else if (size < 8192) {
          const at: Path = ["storage", "disks", i, "partitions", p, "size_mib"];
          entries.push({ severity: "warning", space: "yaml", path: at, message: ERR_ROOT_TOO_SMALL });
        }
      }
      if (!wipe && isReservedMisnumbered(label, number)) labelEntry(i, p, ERR_WRONG_PARTITION_NUMBER);
    });
  });
  return entries;
}

export const fcosHooks: VariantHooks = {
  validatePre(cfg, vs) {
    return validateFcosConfig(cfg, vs.features);
  },
  validatePost(cfg, vs) {
    return validateFcosFields(cfg, vs.features);
  },
  sugar(ctx, cfg, out) {
    return fcosSugar(ctx, cfg, out);
  },
  check(ctx, _cfg, out) {
    if (hasErrors(ctx)) return [];
    return partitionChecks(out, ctx.vs.features);
  },
};
