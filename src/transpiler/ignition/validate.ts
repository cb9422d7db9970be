/**
 * Ignition validation of a generated config, as Butane runs it: the duplicate pass over the
 * whole tree, then the validation pass, depth-first in Go struct field order with each struct's
 * own checks before its children.
 */
import { objAt, objListAt } from "./access.ts";
import { walkDisk, walkFilesystem } from "./disk-rules.ts";
import { checkDuplicates } from "./duplicates.ts";
import { walkIgnition } from "./ignition-rules.ts";
import { walkLuks } from "./luks-rules.ts";
import { walkRaid } from "./raid-rules.ts";
import { at, Report } from "./report.ts";
import { validateStorage, walkDirectory, walkFile, walkLink } from "./storage-rules.ts";
import { validateSystemdPathConflicts, walkSystemd } from "./systemd-rules.ts";
import type { IgnEntry, IgnitionConfig, IgnitionVersion } from "./types.ts";
import { ignitionFeatures } from "../spec/ignition.ts";

export type { IgnEntry, IgnitionConfig, IgnitionVersion } from "./types.ts";

function walkStorage(r: Report, storage: IgnitionConfig): void {
  const path = ["storage"];
  validateStorage(r, storage, path);
  objListAt(storage, "directories").forEach((d, i) => walkDirectory(r, d, at(path, "directories", i)));
  objListAt(storage, "disks").forEach((d, i) => walkDisk(r, d, at(path, "disks", i)));
  objListAt(storage, "files").forEach((f, i) => walkFile(r, f, at(path, "files", i)));
  objListAt(storage, "filesystems").forEach((f, i) => walkFilesystem(r, f, at(path, "filesystems", i)));
  objListAt(storage, "links").forEach((l, i) => walkLink(r, l, at(path, "links", i)));
  if (r.has.luks) objListAt(storage, "luks").forEach((l, i) => walkLuks(r, l, at(path, "luks", i)));
  objListAt(storage, "raid").forEach((ra, i) => walkRaid(r, ra, at(path, "raid", i)));
}

function validationPass(r: Report, config: IgnitionConfig, version: IgnitionVersion): void {
  validateSystemdPathConflicts(r, config);
  walkIgnition(r, objAt(config, "ignition"), ["ignition"], version);
  // kernelArguments (3.3+) and passwd have no rules beyond duplicates
  walkStorage(r, objAt(config, "storage"));
  walkSystemd(r, objAt(config, "systemd"), ["systemd"]);
}

/** Duplicate pass then validation pass, in upstream's order, on a generated Ignition config. */
export function validateIgnition(config: IgnitionConfig, version: IgnitionVersion): IgnEntry[] {
  const r = new Report(ignitionFeatures(version));
  checkDuplicates(r, config);
  validationPass(r, config, version);
  return r.entries;
}

/**
 * Validation pass then duplicate pass: the order of Ignition's `ValidateWithContext`, which
 * Butane uses on inline child configs (`ignition.config.merge[].inline`/`replace.inline`).
 * The unused-key check that `ValidateWithContext` appends is not included.
 */
export function validateIgnitionChild(config: IgnitionConfig, version: IgnitionVersion): IgnEntry[] {
  const r = new Report(ignitionFeatures(version));
  validationPass(r, config, version);
  checkDuplicates(r, config);
  return r.entries;
}
