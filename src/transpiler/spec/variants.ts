/**
 * Every variant/version: its declarative field description (a base version plus the variant's
 * own fields) and the behaviour switches the translator needs. `registry` is the only list.
 */
import { v0_1, v0_2, v0_3, v0_4, v0_5, v0_6, v0_7, v0_8_exp } from "./base.ts";
import { bool, extendSpec, field, int, list, map, ref, str, type SpecDesc } from "./kit.ts";
import { formatSemver, parseSemver } from "../go/semver.ts";
import { ignitionOfButaneBase, type IgnitionVersion } from "./ignition.ts";
import { EDGE, FLATCAR_CEX, FLATCAR_CLEVIS, NO_FILTERS, openshiftFilters, type FilterMap, type OpenshiftFilterOptions } from "./filters.ts";

export type { IgnitionVersion };

/**
 * What a variant/version's translation does beyond its fields, each flag named for what it
 * enables. Every check of "which version" reads one of these.
 */
export interface VariantFeatures {
  /** Data URLs may be base64 and gzip-compressed (Ignition 3.0's are plain). */
  encodedDataUrls: boolean;
  /** `with_mount_unit` on filesystems. */
  mountUnits: boolean;
  /** Mount units of network-backed (Tang-bound) devices wait for the network. */
  remoteMountUnits: boolean;
  /** Swap filesystems get `.swap` units and need no path. */
  swapMountUnits: boolean;
  /** `boot_device` (LUKS and mirroring of the boot disk) and the root partition checks. */
  bootDevice: boolean;
  /** `boot_device.luks.discard`. */
  bootDeviceLuksDiscard: boolean;
  /** `grub.users`. */
  grub: boolean;
  /** `boot_device.luks.cex` (IBM Crypto Express). */
  bootDeviceLuksCex: boolean;
  /** s390x boot layouts and `boot_device.luks.device`. */
  bootDeviceS390x: boolean;
  /** Reuse-by-label warnings and /etc, /var mount point errors (fcos `Config.Validate`). */
  mountPointChecks: boolean;
  /** A mirror without a layout is an error (before: a warning); `boot_device.luks` needs a method when it names a device. */
  strictBootDevice: boolean;
  /** openshift: `format: none` filesystems are rejected. */
  rejectsFormatNone: boolean;
  /** openshift: file modes with special bits (setuid, setgid, sticky) are rejected. */
  rejectsSpecialModes: boolean;
  /** openshift: CEX on the root volume needs the `rd.luks.key` kernel argument. */
  cexKernelArgument: boolean;
  /** openshift: `openshift.fips` adds FIPS's cipher to LUKS volumes. */
  fipsLuksCipher: boolean;
  /** openshift: the grub sugar writes /boot/grub2/user.cfg as contents instead of an append. */
  grubUserCfgContents: boolean;
}

export interface VariantSpec {
  variant: string;
  version: string;
  ignition: IgnitionVersion;
  spec: SpecDesc;
  features: Readonly<VariantFeatures>;
  /** Output fields the variant rejects (dotted Ignition paths → message), and those whose zero counts as unset. */
  filters: FilterMap;
  filterZero: ReadonlySet<string>;
  /** Whether inline/local contents may be gzip-compressed automatically. */
  autoCompress: boolean;
  experimental: boolean;
}

const NONE: VariantFeatures = {
  encodedDataUrls: false,
  mountUnits: false,
  remoteMountUnits: false,
  swapMountUnits: false,
  bootDevice: false,
  bootDeviceLuksDiscard: false,
  grub: false,
  bootDeviceLuksCex: false,
  bootDeviceS390x: false,
  mountPointChecks: false,
  strictBootDevice: false,
  rejectsFormatNone: false,
  rejectsSpecialModes: false,
  cexKernelArgument: false,
  fipsLuksCipher: false,
  grubUserCfgContents: false,
};

/** What each Butane base version's sugar does, each the previous plus its changes. */
const BASE_1 = NONE;
const BASE_2 = { ...BASE_1, encodedDataUrls: true, mountUnits: true };
const BASE_3 = { ...BASE_2, remoteMountUnits: true };
const BASE_4 = { ...BASE_3, swapMountUnits: true };
const BASE_FEATURES = new Map<SpecDesc, VariantFeatures>([
  [v0_1, BASE_1],
  [v0_2, BASE_2],
  [v0_3, BASE_3],
  [v0_4, BASE_4],
  [v0_5, BASE_4],
  [v0_6, BASE_4],
  [v0_7, BASE_4],
  [v0_8_exp, BASE_4],
]);

/** fcos's own rules (also openshift's, which embeds an fcos config), each level the previous plus its changes. */
const FCOS_1_0: Partial<VariantFeatures> = {};
const FCOS_1_3 = { ...FCOS_1_0, bootDevice: true };
const FCOS_1_5 = { ...FCOS_1_3, bootDeviceLuksDiscard: true, grub: true };
const FCOS_1_6 = { ...FCOS_1_5, bootDeviceLuksCex: true, bootDeviceS390x: true, mountPointChecks: true };
const FCOS_1_7 = { ...FCOS_1_6, strictBootDevice: true };

/** openshift's own rules and what its filters let through. */
interface OpenshiftLevel {
  features: Partial<VariantFeatures>;
  accepts: OpenshiftFilterOptions;
}
const ocp = (prev: OpenshiftLevel, features: Partial<VariantFeatures>, accepts: Partial<OpenshiftFilterOptions> = {}): OpenshiftLevel => ({
  features: { ...prev.features, ...features },
  accepts: { ...prev.accepts, ...accepts },
});
/** openshift's levels, each the previous plus its changes. */
const OCP_4_8: OpenshiftLevel = { features: { fipsLuksCipher: true }, accepts: { kargsInOpenshiftOnly: false, passwordHash: false, fileCompression: false } };
const OCP_4_10 = ocp(OCP_4_8, { rejectsSpecialModes: true }, { fileCompression: true });
const OCP_4_13 = ocp(OCP_4_10, {}, { passwordHash: true });
const OCP_4_14 = ocp(OCP_4_13, { rejectsFormatNone: true }, { kargsInOpenshiftOnly: true });
const OCP_4_19 = ocp(OCP_4_14, { cexKernelArgument: true });
const OCP_4_20 = ocp(OCP_4_19, { fipsLuksCipher: false });
const OCP_4_23 = ocp(OCP_4_20, { grubUserCfgContents: true });

const LAYOUTS_1_3 = ["aarch64", "ppc64le", "x86_64"] as const;
const LAYOUTS_1_6 = ["aarch64", "ppc64le", "s390x-eckd", "s390x-virt", "s390x-zfcp", "x86_64"] as const;

/** fcos's own fields on top of the base schema `base`, as far as `f` enables them. */
function fcosSpec(base: SpecDesc, f: VariantFeatures, pkg: string): SpecDesc {
  if (!f.bootDevice) return extendSpec(base, { variantPkg: pkg });
  const luksFields = [
    // Butane's own struct for the card is the base package's Cex.
    ...(f.bootDeviceLuksCex ? [field("cex", ref("Cex"), "Protect the root volume with an IBM Crypto Express card (s390x).")] : []),
    ...(f.bootDeviceLuksDiscard ? [field("discard", bool(), "Allow discards (TRIM) through the root volume.")] : []),
    ...(f.bootDeviceS390x ? [field("device", str(), "The boot disk, required on s390x-eckd and s390x-zfcp layouts.", { hint: "path" as const })] : []),
    field("tang", list(ref("Tang")), "Tang servers that unlock the root volume."),
    field("threshold", int(), "How many Tang servers/TPM2 must succeed."),
    field("tpm2", bool(), "Bind the root volume to the machine's TPM2."),
  ];
  return extendSpec(base, {
    variantPkg: pkg,
    variantTypes: ["BootDevice", "BootDeviceLuks", "BootDeviceMirror", "Grub", "GrubUser"],
    types: {
      BootDevice: {
        fields: [
          field("layout", str(f.bootDeviceS390x ? LAYOUTS_1_6 : LAYOUTS_1_3), "CPU architecture layout of the boot disk (default x86_64)."),
          field("luks", ref("BootDeviceLuks"), "Encrypt the root filesystem."),
          field("mirror", ref("BootDeviceMirror"), "Mirror the boot disk across several disks (RAID 1)."),
        ],
      },
      BootDeviceLuks: { fields: luksFields },
      BootDeviceMirror: { fields: [field("devices", list(str()), "Disks to mirror the boot disk onto (at least two).")] },
      ...(f.grub
        ? {
            Grub: { fields: [field("users", list(ref("GrubUser")), "GRUB superusers.")] },
            GrubUser: {
              fields: [
                field("name", str(), "GRUB user name.", { required: true, goPtr: false }),
                field("password_hash", str(), "PBKDF2 hash from grub2-mkpasswd-pbkdf2.", { required: true, hint: "secret" }),
              ],
            },
          }
        : {}),
    },
    add: {
      Config: [
        { field: field("boot_device", ref("BootDevice"), "Boot disk encryption and mirroring.") },
        ...(f.grub ? [{ field: field("grub", ref("Grub"), "GRUB bootloader settings.") }] : []),
      ],
    },
  });
}

function openshiftSpec(base: SpecDesc, pkg: string): SpecDesc {
  return extendSpec(base, {
    variantPkg: pkg,
    variantTypes: ["Metadata", "OpenShift"],
    types: {
      Metadata: {
        fields: [
          field("name", str(), "Name of the MachineConfig.", { required: true, goPtr: false }),
          field("labels", map(str()), "Labels; machineconfiguration.openshift.io/role is required.", { required: true }),
        ],
      },
      OpenShift: {
        fields: [
          field("kernel_arguments", list(str()), "Kernel arguments for the nodes."),
          field("extensions", list(str()), "RHCOS extensions to install."),
          field("fips", bool(), "Enable FIPS mode."),
          field("kernel_type", str(["", "default", "realtime"]), "Kernel type."),
        ],
      },
    },
    add: {
      Config: [
        // Go's order: the embedded fcos config's fields, then metadata and openshift.
        { field: field("metadata", ref("Metadata"), "MachineConfig metadata.", { required: true }) },
        { field: field("openshift", ref("OpenShift"), "OpenShift-specific settings.") },
      ],
    },
  });
}

/** One variant/version: its Butane base, Go packages, rules and filters. */
interface Row {
  variant: "fcos" | "flatcar" | "r4e" | "fiot" | "openshift";
  version: string;
  base: SpecDesc;
  /** Go package of the variant (v1_5, v4_18, …). */
  pkg: string;
  /** fcos and openshift: the fcos rules that apply, and (openshift) the fcos package its config embeds. */
  fcos?: Partial<VariantFeatures>;
  fcosPkg?: string;
  openshift?: OpenshiftLevel;
  filters?: FilterMap;
}

/** Every variant/version Butane knows, in the order users see them: the only list. */
const ROWS: readonly Row[] = [
  { variant: "fcos", version: "1.0.0", base: v0_1, pkg: "v1_0", fcos: FCOS_1_0 },
  { variant: "fcos", version: "1.1.0", base: v0_2, pkg: "v1_1", fcos: FCOS_1_0 },
  { variant: "fcos", version: "1.2.0", base: v0_3, pkg: "v1_2", fcos: FCOS_1_0 },
  { variant: "fcos", version: "1.3.0", base: v0_3, pkg: "v1_3", fcos: FCOS_1_3 },
  { variant: "fcos", version: "1.4.0", base: v0_4, pkg: "v1_4", fcos: FCOS_1_3 },
  { variant: "fcos", version: "1.5.0", base: v0_5, pkg: "v1_5", fcos: FCOS_1_5 },
  { variant: "fcos", version: "1.6.0", base: v0_6, pkg: "v1_6", fcos: FCOS_1_6 },
  { variant: "fcos", version: "1.7.0", base: v0_7, pkg: "v1_7", fcos: FCOS_1_7 },
  { variant: "fcos", version: "1.8.0-experimental", base: v0_8_exp, pkg: "v1_8_exp", fcos: FCOS_1_7 },
  { variant: "flatcar", version: "1.0.0", base: v0_4, pkg: "v1_0", filters: FLATCAR_CLEVIS },
  { variant: "flatcar", version: "1.1.0", base: v0_5, pkg: "v1_1", filters: FLATCAR_CLEVIS },
  { variant: "flatcar", version: "1.2.0-experimental", base: v0_8_exp, pkg: "v1_2_exp", filters: FLATCAR_CEX },
  { variant: "r4e", version: "1.0.0", base: v0_4, pkg: "v1_0", filters: EDGE },
  { variant: "r4e", version: "1.1.0", base: v0_5, pkg: "v1_1", filters: EDGE },
  { variant: "r4e", version: "1.2.0-experimental", base: v0_8_exp, pkg: "v1_2_exp", filters: EDGE },
  { variant: "fiot", version: "1.0.0", base: v0_5, pkg: "v1_0", filters: EDGE },
  { variant: "fiot", version: "1.1.0-experimental", base: v0_8_exp, pkg: "v1_1_exp", filters: EDGE },
  { variant: "openshift", version: "4.8.0", base: v0_3, pkg: "v4_8", fcos: FCOS_1_3, fcosPkg: "v1_3", openshift: OCP_4_8 },
  { variant: "openshift", version: "4.9.0", base: v0_3, pkg: "v4_9", fcos: FCOS_1_3, fcosPkg: "v1_3", openshift: OCP_4_8 },
  { variant: "openshift", version: "4.10.0", base: v0_3, pkg: "v4_10", fcos: FCOS_1_3, fcosPkg: "v1_3", openshift: OCP_4_10 },
  { variant: "openshift", version: "4.11.0", base: v0_3, pkg: "v4_11", fcos: FCOS_1_3, fcosPkg: "v1_3", openshift: OCP_4_10 },
  { variant: "openshift", version: "4.12.0", base: v0_3, pkg: "v4_12", fcos: FCOS_1_3, fcosPkg: "v1_3", openshift: OCP_4_10 },
  { variant: "openshift", version: "4.13.0", base: v0_3, pkg: "v4_13", fcos: FCOS_1_3, fcosPkg: "v1_3", openshift: OCP_4_13 },
  { variant: "openshift", version: "4.14.0", base: v0_5, pkg: "v4_14", fcos: FCOS_1_5, fcosPkg: "v1_5", openshift: OCP_4_14 },
  { variant: "openshift", version: "4.15.0", base: v0_5, pkg: "v4_15", fcos: FCOS_1_5, fcosPkg: "v1_5", openshift: OCP_4_14 },
  { variant: "openshift", version: "4.16.0", base: v0_5, pkg: "v4_16", fcos: FCOS_1_5, fcosPkg: "v1_5", openshift: OCP_4_14 },
  { variant: "openshift", version: "4.17.0", base: v0_5, pkg: "v4_17", fcos: FCOS_1_5, fcosPkg: "v1_5", openshift: OCP_4_14 },
  { variant: "openshift", version: "4.18.0", base: v0_5, pkg: "v4_18", fcos: FCOS_1_5, fcosPkg: "v1_5", openshift: OCP_4_14 },
  { variant: "openshift", version: "4.19.0", base: v0_6, pkg: "v4_19", fcos: FCOS_1_6, fcosPkg: "v1_6", openshift: OCP_4_19 },
  { variant: "openshift", version: "4.20.0", base: v0_6, pkg: "v4_20", fcos: FCOS_1_6, fcosPkg: "v1_6", openshift: OCP_4_20 },
  { variant: "openshift", version: "4.21.0", base: v0_6, pkg: "v4_21", fcos: FCOS_1_6, fcosPkg: "v1_6", openshift: OCP_4_20 },
  { variant: "openshift", version: "4.22.0", base: v0_6, pkg: "v4_22", fcos: FCOS_1_6, fcosPkg: "v1_6", openshift: OCP_4_20 },
  { variant: "openshift", version: "4.23.0-experimental", base: v0_8_exp, pkg: "v4_23_exp", fcos: FCOS_1_7, fcosPkg: "v1_8_exp", openshift: OCP_4_23 },
];

function rowSpec(row: Row): VariantSpec {
  const features: VariantFeatures = { ...(BASE_FEATURES.get(row.base) ?? NONE), ...row.fcos, ...row.openshift?.features };
  let spec = row.fcos !== undefined ? fcosSpec(row.base, features, row.fcosPkg ?? row.pkg) : extendSpec(row.base, { variantPkg: row.pkg });
  let filters = row.filters ?? NO_FILTERS;
  let filterZero: ReadonlySet<string> = new Set();
  // openshift's MachineConfigs could not hold compressed contents before it accepted them.
  let autoCompress = features.encodedDataUrls;
  if (row.openshift) {
    spec = openshiftSpec(spec, row.pkg);
    ({ filters, ignoreZero: filterZero } = openshiftFilters(row.openshift.accepts));
    autoCompress &&= row.openshift.accepts.fileCompression;
  }
  return {
    variant: row.variant,
    version: row.version,
    ignition: ignitionOfButaneBase(row.base),
    spec,
    features,
    filters,
    filterZero,
    autoCompress,
    experimental: row.version.includes("-experimental"),
  };
}

/** `variant+version` → its spec; the only place that lists versions. */
export const registry: ReadonlyMap<string, VariantSpec> = new Map(ROWS.map((r) => [`${r.variant}+${r.version}`, rowSpec(r)]));

/**
 * The spec for a variant and version, if Butane has one. The version is read as Butane reads it
 * (go-semver, then its String(): `01.5.0` is 1.5.0); one it cannot parse names no spec.
 */
export function lookupSpec(variant: string, version: string): VariantSpec | undefined {
  if (typeof version !== "string") return undefined; // callers holding parsed JSON/YAML may pass anything
  const v = parseSemver(version);
  return v === null ? undefined : registry.get(`${variant}+${formatSemver(v)}`);
}
