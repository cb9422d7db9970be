/**
 * What each Butane variant provisions, as data: the OS, the disk layout its image keeps, its
 * default user, where kernel arguments go and what the output implies. The previews (and the
 * output tab) read their wording from here instead of assuming Fedora CoreOS.
 *
 * Every fact names its source. Sources (read, not copied):
 *  - FCOS-STORAGE: Fedora CoreOS docs, "Configuring Storage" (default layout; coreos-boot-disk).
 *  - FCOS-AUTH: Fedora CoreOS docs, "Configuring Users" (default user `core`).
 *  - FCOS-UPDATES: Zincati docs, "Updates strategy" (default strategy `immediate`).
 *  - FLATCAR-LAYOUT: Flatcar docs, "Flatcar Container Linux disk layout" (9 partitions; ROOT grows).
 *  - FLATCAR-USERS: Flatcar docs (cloud guides: "uses the core user instead of root").
 *  - FLATCAR-UPDATES: Flatcar docs, "Update and reboot strategies" and "update.conf".
 *  - IOT-ADMIN: Fedora IoT docs, "Administration Tasks" (locked root account, no other user).
 *  - R4E: Red Hat docs, "Composing, installing and managing RHEL for Edge images" (users come from
 *    the image builder blueprint; the installer lays out the disk).
 *  - BUTANE-FILTERS: coreos/butane config/{r4e,fiot}/*\/translate.go field filters (no disks,
 *    filesystems, LUKS, RAID or kernel arguments) and config/openshift/*\/translate.go
 *    (spec.config.kernelArguments rejected; kernel arguments go to the MachineConfig spec).
 *  - MCO: openshift/machine-config-operator docs/MachineConfigDaemon.md (what a running node
 *    takes from a MachineConfig) and docs/MachineConfig.md (role label, kernelType, extensions, FIPS).
 */
import { lookupSpec, registry } from "../../transpiler/spec/variants.ts";
import { structOf } from "../../transpiler/spec/kit.ts";
import { compareSemver } from "../../transpiler/lint/semver.ts";

/** A partition of the OS image's own boot disk, by GPT label. */
export interface ImagePartition {
  /** Shown for a device path `/dev/disk/by-partlabel/<label>`: "existing Flatcar ROOT partition". */
  note: string;
  /** What it keeps when the config puts nothing on it: "the existing root filesystem". */
  keeps: string;
}

/** The boot disk of the OS image, as the disk preview draws it. */
export interface ImageLayout {
  /** "Fedora CoreOS", for "the disk Fedora CoreOS booted from". */
  os: string;
  /** The image's partitions, by label. */
  partitions: Readonly<Record<string, ImagePartition>>;
  /** Partition numbers the image already uses on its boot disk. */
  numbers: readonly number[];
  /** How the kept partitions before the first declared one are described. */
  headNote: string;
  /** Their size, to draw them in proportion (MiB). */
  headMiB: number;
  /** Filesystems the OS mounts by label when the config gives no path: label → [mount, note]. */
  mountsByLabel: Readonly<Record<string, readonly [string, string]>>;
}

export interface VariantFacts {
  variant: string;
  /** The OS, in sentences: "Fedora CoreOS". */
  os: string;
  /** What this config provisions, for the preview's heading line: "a Fedora CoreOS machine". */
  target: string;
  /** Whether the variant lets a config declare disks, filesystems, LUKS and RAID. */
  storage: boolean;
  /** The disk layout the machine keeps when the config declares no storage. */
  defaultLayout: string;
  /** The image's login user, or null when it has none. */
  defaultUser: string | null;
  /** The Users section's empty state. */
  noUsers: string;
  /** Where kernel arguments are set in this variant/version, or why they cannot be. */
  kernelArgs: string;
  /** What the output implies that the config does not say. */
  implied: string[];
  image: ImageLayout;
}

// FCOS-STORAGE: partitions 1–4 of the image (BIOS-BOOT or PReP, EFI-SYSTEM, boot, root); 1–3 are
// 1 + 127 + 384 MiB; the root filesystem is mounted by its label "root", /boot by "boot".
const coreosImage = (os: string): ImageLayout => ({
  os,
  partitions: {
    "BIOS-BOOT": { note: `existing ${os} BIOS boot partition`, keeps: "the boot loader" },
    "PowerPC-PReP-boot": { note: `existing ${os} PReP boot partition`, keeps: "the boot loader" },
    "EFI-SYSTEM": { note: `existing ${os} EFI system partition`, keeps: "the existing EFI system partition" },
    boot: { note: `existing ${os} boot partition`, keeps: "the existing /boot filesystem" },
    root: { note: `existing ${os} root partition`, keeps: "the existing root filesystem" },
  },
  numbers: [1, 2, 3, 4],
  headNote: `${os} boot partitions`,
  headMiB: 512,
  mountsByLabel: { root: ["/", `${os} root filesystem (by label)`], boot: ["/boot", `${os} boot filesystem (by label)`] },
});

// FLATCAR-LAYOUT: nine partitions; ROOT (9) is the stateful root filesystem, mounted at /.
const flatcarImage: ImageLayout = {
  os: "Flatcar",
  partitions: {
    "EFI-SYSTEM": { note: "existing Flatcar EFI system partition", keeps: "the boot loader" },
    "BIOS-BOOT": { note: "existing Flatcar BIOS boot partition", keeps: "GRUB's second stage" },
    "USR-A": { note: "existing Flatcar USR-A partition (/usr)", keeps: "the OS (/usr, A slot)" },
    "USR-B": { note: "existing Flatcar USR-B partition (/usr)", keeps: "the OS (/usr, B slot for updates)" },
    "ROOT-C": { note: "existing Flatcar ROOT-C partition (reserved)", keeps: "nothing (reserved)" },
    OEM: { note: "existing Flatcar OEM partition", keeps: "the platform's OEM files" },
    "OEM-CONFIG": { note: "existing Flatcar OEM-CONFIG partition", keeps: "OEM settings" },
    ROOT: { note: "existing Flatcar ROOT partition", keeps: "the existing root filesystem" },
  },
  numbers: [1, 2, 3, 4, 5, 6, 7, 8, 9],
  headNote: "Flatcar's own partitions",
  headMiB: 2048,
  mountsByLabel: { ROOT: ["/", "Flatcar root filesystem (by label)"] },
};

/** Whether `variant`'s config at `version` has the top-level key `key`, per the spec registry (null: no such spec). */
function hasTopLevelKey(variant: string, version: string | undefined, key: string): boolean | null {
  const s = version !== undefined ? lookupSpec(variant, version) : undefined;
  return s ? structOf(s.spec, s.spec.root).fields.some((f) => f.key === key) : null;
}

/** The first stable version of `variant` whose config has the top-level key `key`, from the spec registry. */
export function firstVersionWith(variant: string, key: string): string | null {
  const versions = [...registry.values()].filter((s) => s.variant === variant && !s.experimental && hasTopLevelKey(variant, s.version, key));
  versions.sort((a, b) => compareSemver(a.version, b.version));
  return versions[0]?.version ?? null;
}

const noStorage = (os: string, how: string) => `${os} keeps the disk layout ${how}. Butane's ${os} variant cannot declare disks, filesystems, LUKS or RAID.`;

const describe: Record<string, (version: string | undefined, raw: boolean) => VariantFacts> = {
  fcos: (version) => {
    // From the spec registry: kernel_arguments is a field of base v0_4 (fcos 1.4.0, Ignition 3.3.0's kernelArguments).
    const noKargs = hasTopLevelKey("fcos", version, "kernel_arguments") === false;
    return {
      variant: "fcos",
      os: "Fedora CoreOS",
      target: "a Fedora CoreOS machine",
      storage: true,
      // FCOS-STORAGE: "the root partition is the last one and expands to take the full size of the disk".
      defaultLayout: "Fedora CoreOS keeps its default layout: the root filesystem grows to fill the boot disk.",
      // FCOS-AUTH: a privileged user `core` exists, without password or SSH key.
      defaultUser: "core",
      noUsers: "Fedora CoreOS has a core user, but without an SSH key or password nobody can log in.",
      kernelArgs: noKargs
        ? `fcos ${version ?? ""} cannot change kernel arguments: kernel_arguments arrived in fcos ${firstVersionWith("fcos", "kernel_arguments") ?? "a later version"}.`
        : "Set them under kernel_arguments (should_exist / should_not_exist).",
      // FCOS-UPDATES: without a Zincati strategy the machine reboots into each update as soon as it is staged.
      implied: ["Zincati installs OS updates automatically and reboots right away unless a strategy under /etc/zincati/config.d says otherwise."],
      image: coreosImage("Fedora CoreOS"),
    };
  },
  flatcar: () => ({
    variant: "flatcar",
    os: "Flatcar",
    target: "a Flatcar Container Linux machine",
    storage: true,
    // FLATCAR-LAYOUT: "On first boot, the ROOT partition and filesystem will expand to fill any remaining free space".
    defaultLayout:
      "Flatcar keeps its default layout (EFI, BIOS boot, USR-A and USR-B for updates, OEM, ROOT): the ROOT partition grows to fill the boot disk on first boot.",
    // FLATCAR-USERS: "it uses the core user instead of root and doesn't use a password".
    defaultUser: "core",
    noUsers: "Flatcar has a core user, but without an SSH key or password nobody can log in.",
    kernelArgs: "Set them under kernel_arguments (should_exist / should_not_exist).",
    // FLATCAR-UPDATES: update_engine follows the image's channel; locksmithd's default strategy is
    // `reboot` (with a 5 minute delay); both read /etc/flatcar/update.conf.
    implied: [
      "update_engine installs updates from the image's channel and locksmithd reboots into them (strategy reboot) unless /etc/flatcar/update.conf says otherwise.",
    ],
    image: flatcarImage,
  }),
  r4e: () => ({
    variant: "r4e",
    os: "RHEL for Edge",
    target: "a RHEL for Edge machine",
    storage: false,
    // R4E + BUTANE-FILTERS.
    defaultLayout: noStorage("RHEL for Edge", "its installer made (kickstart or the simplified installer)"),
    // R4E: the image has no login user unless the blueprint's customizations add one.
    defaultUser: null,
    noUsers: "RHEL for Edge has no login user of its own: add one here (or in the image builder blueprint), with an SSH key or password.",
    // BUTANE-FILTERS: kernelArguments is filtered for r4e.
    kernelArgs: "RHEL for Edge configs cannot change kernel arguments (Butane's r4e variant refuses kernel_arguments).",
    implied: ["Disks are set up by the installer; this config adds users, files and units on first boot."],
    image: coreosImage("RHEL for Edge"),
  }),
  fiot: () => ({
    variant: "fiot",
    os: "Fedora IoT",
    target: "a Fedora IoT machine",
    storage: false,
    // BUTANE-FILTERS (+ the image or simplified provisioner lays out the disk).
    defaultLayout: noStorage("Fedora IoT", "of its image or of the simplified provisioner"),
    // IOT-ADMIN: "The initial image includes a locked root account without a password".
    defaultUser: null,
    noUsers: "Fedora IoT has only a locked root account: add a user here, with an SSH key or password, to log in.",
    kernelArgs: "Fedora IoT configs cannot change kernel arguments (Butane's fiot variant refuses kernel_arguments).",
    implied: ["Disks are set up by the image or installer; this config adds users, files and units on first boot."],
    image: coreosImage("Fedora IoT"),
  }),
  openshift: (version, raw) => {
    const release = /^(\d+\.\d+)\./.exec(version ?? "")?.[1] ?? "4";
    const implied = raw
      ? // BUTANE-FILTERS: with --raw, metadata and openshift are not in the output (Butane warns about the openshift section).
        [
          "Raw Ignition (--raw): the MachineConfig's metadata and the openshift section (kernel arguments, extensions, FIPS, kernel type) are left out; use it for a node's first boot, not with oc apply.",
        ]
      : [
          // MCO (MachineConfig.md): the pool is chosen by the role label; MCD applies files, units and the core user's SSH keys/password.
          "A MachineConfig: the Machine Config Operator renders it into the pool named by its machineconfiguration.openshift.io/role label.",
          // MCO (MachineConfigDaemon.md): disks, filesystems, directories, links, groups cannot change on a running node.
          "Running nodes take its files, units and the core user's SSH keys; disk and filesystem changes apply only to nodes installed with it.",
        ];
    return {
      variant: "openshift",
      os: "RHCOS",
      target: `an OpenShift ${release} node (Red Hat Enterprise Linux CoreOS)`,
      storage: true,
      // RHCOS is built like Fedora CoreOS (FCOS-STORAGE); MCO: storage only applies at install.
      defaultLayout: "RHCOS keeps its default layout: the root filesystem grows to fill the boot disk.",
      // FCOS-AUTH applies to RHCOS; Butane's openshift variant accepts only the user core.
      defaultUser: "core",
      noUsers: "RHCOS has a core user (the only one a MachineConfig may configure); without an SSH key nobody can log in.",
      // BUTANE-FILTERS: spec.config.kernelArguments is rejected; openshift.kernel_arguments goes to spec.kernelArguments.
      kernelArgs: raw
        ? "Raw Ignition has no kernel arguments: openshift.kernel_arguments only reaches a MachineConfig."
        : "Set them under openshift.kernel_arguments; they become the MachineConfig's spec.kernelArguments.",
      implied,
      image: coreosImage("RHCOS"),
    };
  },
};

/** The facts for `variant` at `version`; `raw` is openshift's --raw. Unknown variants read as fcos. */
export function variantFacts(variant: string | undefined, version?: string, raw = false): VariantFacts {
  const make = (variant !== undefined ? describe[variant] : undefined) ?? describe.fcos;
  return make!(version, raw);
}

/** The Fedora CoreOS image: what the disk preview assumes without a variant. */
export const defaultImage: ImageLayout = coreosImage("Fedora CoreOS");
