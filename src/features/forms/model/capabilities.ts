/**
 * Which form sections a variant/version offers: a section appears only where the spec has its
 * fields and the variant does not reject them (r4e/fiot refuse disks, filesystems, LUKS, RAID
 * and kernel arguments; openshift allows only the `core` user, no directories or links, and takes
 * kernel arguments under `openshift:`; Zincati and countme exist on Fedora CoreOS only, Flatcar
 * has its own update.conf; the OpenShift section edits the MachineConfig's metadata and spec).
 */
import { hasField, type VariantSpec } from "./spec-walk.ts";

export const Section = {
  Users: "users",
  Files: "files",
  Units: "units",
  Storage: "storage",
  BootDevice: "boot",
  KernelArgs: "kargs",
  Updates: "updates",
  Telemetry: "telemetry",
  OpenShift: "openshift",
} as const;
export type Section = (typeof Section)[keyof typeof Section];

export const sectionTitles: Record<Section, string> = {
  users: "Users & groups",
  files: "Files",
  units: "Systemd units",
  storage: "Storage",
  boot: "Boot device",
  kargs: "Kernel arguments",
  updates: "Updates",
  telemetry: "Telemetry",
  openshift: "OpenShift",
};

export interface Capabilities {
  sections: Section[];
  /** openshift: users other than `core` and most user fields are rejected. */
  coreUserOnly: boolean;
  groups: boolean;
  directories: boolean;
  links: boolean;
  disks: boolean;
  filesystems: boolean;
  luks: boolean;
  /** TPM2/Tang (clevis) on storage.luks. */
  clevis: boolean;
  raid: boolean;
  /** Where kernel arguments go: Butane's `kernel_arguments` or openshift's list. */
  kargs: "butane" | "openshift" | null;
  append: boolean;
  /** Which update agent the Updates section configures: Zincati (fcos) or update.conf (flatcar). */
  updates: "zincati" | "flatcar" | null;
}

export function capabilitiesOf(vs: VariantSpec): Capabilities {
  const edge = vs.variant === "r4e" || vs.variant === "fiot";
  const openshift = vs.variant === "openshift";
  const disks = !edge && hasField(vs, ["storage", "disks"]);
  const filesystems = !edge && hasField(vs, ["storage", "filesystems"]);
  const luks = !edge && hasField(vs, ["storage", "luks"]);
  const raid = !edge && hasField(vs, ["storage", "raid"]);
  const kargs: Capabilities["kargs"] =
    openshift && (vs.openshift ?? 0) >= 14 ? "openshift"
    : !edge && hasField(vs, ["kernel_arguments"]) ? "butane"
    : openshift ? "openshift"
    : null;
  const updates: Capabilities["updates"] = vs.variant === "fcos" ? "zincati" : vs.variant === "flatcar" ? "flatcar" : null;
  const sections: Section[] = openshift ? [Section.OpenShift, Section.Users, Section.Files, Section.Units] : [Section.Users, Section.Files, Section.Units];
  if (disks || filesystems || luks || raid) sections.push(Section.Storage);
  if (hasField(vs, ["boot_device"])) sections.push(Section.BootDevice);
  if (kargs) sections.push(Section.KernelArgs);
  if (updates) sections.push(Section.Updates);
  if (vs.variant === "fcos") sections.push(Section.Telemetry);
  return {
    sections,
    coreUserOnly: openshift,
    groups: !openshift && hasField(vs, ["passwd", "groups"]),
    directories: !openshift,
    links: !openshift,
    disks,
    filesystems,
    luks,
    clevis: luks && hasField(vs, ["storage", "luks", 0, "clevis"]) && !(vs.variant === "flatcar" && vs.base < 8),
    raid,
    kargs,
    append: !openshift,
    updates,
  };
}
