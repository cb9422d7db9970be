/** Rules for disks, partitions and filesystems. */
import { boolAt, intAt, isFalse, isTrue, listAt, notEmpty, objListAt, plainStrAt, strAt } from "./access.ts";
import { byteLength } from "../go/utf8.ts";
import { MSG } from "./messages.ts";
import { validatePath, validatePathNilOk } from "./node-rules.ts";
import { at, type IgnPath, type Report } from "./report.ts";
import type { IgnObject } from "./types.ts";

const guidRe = /^(|[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12})$/;

function number(p: IgnObject): number {
  return intAt(p, "number") ?? 0;
}

/**
 * Index of the second partition sharing a non-zero number. Go iterates a map here (random
 * order when several numbers collide); we take the numbers in order of first appearance.
 */
function partitionNumbersCollide(parts: IgnObject[]): number | null {
  const byNumber = new Map<number, number[]>();
  parts.forEach((p, i) => {
    const n = number(p);
    if (n === 0) return;
    const list = byNumber.get(n);
    if (list) list.push(i);
    else byNumber.set(n, [i]);
  });
  for (const idx of byNumber.values()) {
    if (idx.length > 1) return idx[1] ?? null;
  }
  return null;
}

function partitionLabelsCollide(parts: IgnObject[]): number | null {
  const seen = new Set<string>();
  for (let i = 0; i < parts.length; i++) {
    const label = strAt(parts[i], "label");
    if (label === undefined) continue;
    if (seen.has(label)) return i;
    seen.add(label);
  }
  return null;
}

function partitionEnd(start: number, size: number): number {
  return size === 0 ? start : start + size - 1;
}

/** Index of the partition some explicitly placed partition overlaps, if any. */
function partitionsOverlap(parts: IgnObject[]): number | null {
  for (let pi = 0; pi < parts.length; pi++) {
    const p = parts[pi];
    const ps = intAt(p, "startMiB");
    const pz = intAt(p, "sizeMiB");
    if (ps === undefined || pz === undefined || ps === 0) continue;
    const pe = partitionEnd(ps, pz);
    for (let oi = 0; oi < parts.length; oi++) {
      const o = parts[oi];
      const os = intAt(o, "startMiB");
      const oz = intAt(o, "sizeMiB");
      if (os === undefined || oz === undefined || oi === pi || os === 0) continue;
      const oe = partitionEnd(os, oz);
      if (ps >= os && ps <= oe) return oi;
      if (pe >= os && pe <= oe) return oi;
      if (ps < os && pe > oe) return oi;
    }
  }
  return null;
}

function validatePartition(r: Report, p: IgnObject, path: IgnPath): void {
  const label = strAt(p, "label");
  if (
    isFalse(boolAt(p, "shouldExist")) &&
    (label !== undefined ||
      notEmpty(strAt(p, "typeGuid")) ||
      notEmpty(strAt(p, "guid")) ||
      intAt(p, "startMiB") !== undefined ||
      intAt(p, "sizeMiB") !== undefined)
  ) {
    r.error(path, MSG.shouldNotExistWithOthers);
  }
  if (number(p) === 0 && label === undefined) r.error(path, MSG.needLabelOrNumber);
  if (label !== undefined) {
    if (byteLength(label) > 36) r.error(at(path, "label"), MSG.labelTooLong);
    else if (label.includes(":")) r.error(at(path, "label"), MSG.labelContainsColon);
  }
  for (const key of ["guid", "typeGuid"]) {
    const guid = strAt(p, key);
    if (guid !== undefined && !guidRe.test(guid)) r.error(at(path, key), MSG.doesntMatchGuidRegex);
  }
}

/** A disk (`Disk.Validate`), then its partitions. */
export function walkDisk(r: Report, disk: IgnObject, path: IgnPath): void {
  const device = plainStrAt(disk, "device");
  const parts = objListAt(disk, "partitions");
  if (device === "") {
    r.error(at(path, "device"), MSG.diskDeviceRequired);
  } else {
    r.error(at(path, "device"), validatePath(device));
    const collide = partitionNumbersCollide(parts);
    if (collide !== null) r.error(at(path, "partitions", collide), MSG.partitionNumbersCollide);
    const overlap = partitionsOverlap(parts);
    if (overlap !== null) r.error(at(path, "partitions", overlap), MSG.partitionsOverlap);
    const hasZero = parts.some((p) => number(p) === 0);
    const hasShouldNotExist = parts.some((p) => isFalse(boolAt(p, "shouldExist")));
    if (hasZero && hasShouldNotExist) r.error(at(path, "partitions"), MSG.zeroesWithShouldNotExist);
    const dupLabel = partitionLabelsCollide(parts);
    if (dupLabel !== null) r.error(at(path, "partitions", dupLabel), MSG.duplicateLabels);
  }
  parts.forEach((p, i) => validatePartition(r, p, at(path, "partitions", i)));
}

const labelLimits: Record<string, [number, string]> = {
  ext4: [16, MSG.ext4LabelTooLong],
  btrfs: [256, MSG.btrfsLabelTooLong],
  xfs: [12, MSG.xfsLabelTooLong],
  swap: [15, MSG.swapLabelTooLong],
  vfat: [11, MSG.vfatLabelTooLong],
};

function validateFormat(r: Report, fs: IgnObject): string | null {
  const format = strAt(fs, "format");
  if (format === undefined || format === "") {
    if (
      notEmpty(strAt(fs, "path")) ||
      notEmpty(strAt(fs, "label")) ||
      notEmpty(strAt(fs, "uuid")) ||
      isTrue(boolAt(fs, "wipeFilesystem")) ||
      (r.has.mountOptions && listAt(fs, "mountOptions").length !== 0) ||
      listAt(fs, "options").length !== 0
    ) {
      return MSG.formatNilWithOthers;
    }
    return null;
  }
  const formats = ["ext4", "btrfs", "xfs", "swap", "vfat"];
  if (r.has.formatNone) formats.push("none");
  return formats.includes(format) ? null : MSG.filesystemInvalidFormat;
}

function validateFsLabel(fs: IgnObject): string | null {
  const label = strAt(fs, "label");
  if (label === undefined || label === "") return null;
  const format = strAt(fs, "format");
  if (format === undefined || format === "") return MSG.labelNeedsFormat;
  const limit = labelLimits[format];
  if (limit !== undefined && byteLength(label) > limit[0]) return limit[1];
  return null;
}

/** `Filesystem.Validate`. */
export function walkFilesystem(r: Report, fs: IgnObject, path: IgnPath): void {
  r.error(at(path, "path"), validatePathNilOk(strAt(fs, "path")));
  r.error(at(path, "device"), validatePath(plainStrAt(fs, "device")));
  r.error(at(path, "format"), validateFormat(r, fs));
  r.error(at(path, "label"), validateFsLabel(fs));
}
