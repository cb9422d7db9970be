/**
 * Which form sections a variant/version offers: a section appears only where the spec has its
 * fields and the variant does not reject them (r4e/fiot refuse disks, filesystems, LUKS, RAID
 * and kernel arguments; openshift allows only the `core` user, no directories or links, and takes
 * kernel arguments under `openshift:`; Zincati and countme exist on Fedora CoreOS only, Flatcar
 * has its own update.conf; the OpenShift section edits the MachineConfig's metadata and spec).
 */
import { hasField, type VariantSpec } from "./spec-walk.ts";
import type { EditPath } from "./config.ts";

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
  const openshift = vs.variant === "openshift";
  // A field is offered where the spec has it and the variant's filters let it through.
  const allowed = (output: string, butane: EditPath) => !vs.filters.has(output) && hasField(vs, butane);
  const disks = allowed("storage.disks", ["storage", "disks"]);
  const filesystems = allowed("storage.filesystems", ["storage", "filesystems"]);
  const luks = allowed("storage.luks", ["storage", "luks"]);
  const raid = allowed("storage.raid", ["storage", "raid"]);
  const kargs: Capabilities["kargs"] = allowed("kernelArguments", ["kernel_arguments"]) ? "butane" : openshift ? "openshift" : null;
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
    groups: allowed("passwd.groups", ["passwd", "groups"]),
    directories: !vs.filters.has("storage.directories"),
    links: !vs.filters.has("storage.links"),
    disks,
    filesystems,
    luks,
    clevis: luks && allowed("storage.luks.clevis", ["storage", "luks", 0, "clevis"]),
    raid,
    kargs,
    append: !vs.filters.has("storage.files.append"),
    updates,
  };
}
