/**
 * Every variant/version: its declarative field description (a base version plus the variant's
 * own fields) and the behaviour switches the translator needs. `registry` is the only list.
 */
import { v0_1, v0_2, v0_3, v0_4, v0_5, v0_6, v0_7, v0_8_exp } from "./base.ts";
import { bool, extendSpec, field, int, list, map, ref, str, type SpecDesc } from "./kit.ts";
import { formatSemver, parseSemver } from "../go/semver.ts";
import { ignitionOfButaneBase, type IgnitionVersion } from "./ignition.ts";

export type { IgnitionVersion };

export interface VariantSpec {
  variant: string;
  version: string;
  ignition: IgnitionVersion;
  /** Butane base schema generation: 1 for v0_1 … 8 for v0_8_exp. */
  base: number;
  spec: SpecDesc;
  /** fcos rule level (the fcos minor version whose checks apply), for fcos and openshift. */
  fcos?: number;
  /** openshift minor version (8 … 23). */
  openshift?: number;
  /** Whether inline/local contents may be gzip-compressed automatically. */
  autoCompress: boolean;
  experimental: boolean;
}

/** The Butane base schema versions by generation (1 = v0_1 … 8 = v0_8_exp). */
export const bases: Readonly<Record<number, SpecDesc>> = { 1: v0_1, 2: v0_2, 3: v0_3, 4: v0_4, 5: v0_5, 6: v0_6, 7: v0_7, 8: v0_8_exp };

const LAYOUTS_1_3 = ["aarch64", "ppc64le", "x86_64"] as const;
const LAYOUTS_1_6 = ["aarch64", "ppc64le", "s390x-eckd", "s390x-virt", "s390x-zfcp", "x86_64"] as const;

/** fcos's own fields at fcos minor `minor`, on top of the base schema `base`. */
function fcosSpec(base: SpecDesc, minor: number, pkg: string): SpecDesc {
  if (minor < 3) return extendSpec(base, { variantPkg: pkg });
  const luksFields = [
    // Butane's own struct for the card is the base package's Cex.
    ...(minor >= 6 ? [field("cex", ref("Cex"), "Protect the root volume with an IBM Crypto Express card (s390x).")] : []),
    ...(minor >= 5 ? [field("discard", bool(), "Allow discards (TRIM) through the root volume.")] : []),
    ...(minor >= 6 ? [field("device", str(), "The boot disk, required on s390x-eckd and s390x-zfcp layouts.", { hint: "path" as const })] : []),
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
          field("layout", str(minor >= 6 ? LAYOUTS_1_6 : LAYOUTS_1_3), "CPU architecture layout of the boot disk (default x86_64)."),
          field("luks", ref("BootDeviceLuks"), "Encrypt the root filesystem."),
          field("mirror", ref("BootDeviceMirror"), "Mirror the boot disk across several disks (RAID 1)."),
        ],
      },
      BootDeviceLuks: { fields: luksFields },
      BootDeviceMirror: { fields: [field("devices", list(str()), "Disks to mirror the boot disk onto (at least two).")] },
      ...(minor >= 5
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
        ...(minor >= 5 ? [{ field: field("grub", ref("Grub"), "GRUB bootloader settings.") }] : []),
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

function make(
  variant: string,
  version: string,
  base: number,
  opts: { fcos?: number; openshift?: number; autoCompress?: boolean; pkg: string },
): VariantSpec {
  const baseSpec = bases[base];
  if (!baseSpec) throw new Error(`no base ${base}`);
  // openshift embeds an fcos config: the fcos types stay in fcos's package.
  const fcosPkg = opts.openshift === undefined ? opts.pkg : opts.fcos === 8 ? "v1_8_exp" : `v1_${opts.fcos ?? 0}`;
  let spec = opts.fcos !== undefined ? fcosSpec(baseSpec, opts.fcos, fcosPkg) : extendSpec(baseSpec, { variantPkg: opts.pkg });
  if (opts.openshift !== undefined) spec = openshiftSpec(spec, opts.pkg);
  const out: VariantSpec = {
    variant,
    version,
    ignition: ignitionOfButaneBase(baseSpec),
    base,
    spec,
    autoCompress: opts.autoCompress ?? base >= 2,
    experimental: version.includes("-experimental"),
  };
  if (opts.fcos !== undefined) out.fcos = opts.fcos;
  if (opts.openshift !== undefined) out.openshift = opts.openshift;
  return out;
}

const fcosBase: Record<number, number> = { 0: 1, 1: 2, 2: 3, 3: 3, 4: 4, 5: 5, 6: 6, 7: 7, 8: 8 };

function buildRegistry(): Map<string, VariantSpec> {
  const r = new Map<string, VariantSpec>();
  const add = (s: VariantSpec) => r.set(`${s.variant}+${s.version}`, s);
  for (let minor = 0; minor <= 8; minor++) {
    const version = minor === 8 ? "1.8.0-experimental" : `1.${minor}.0`;
    add(make("fcos", version, fcosBase[minor] ?? 1, { fcos: minor, pkg: minor === 8 ? "v1_8_exp" : `v1_${minor}` }));
  }
  add(make("flatcar", "1.0.0", 4, { pkg: "v1_0" }));
  add(make("flatcar", "1.1.0", 5, { pkg: "v1_1" }));
  add(make("flatcar", "1.2.0-experimental", 8, { pkg: "v1_2_exp" }));
  add(make("r4e", "1.0.0", 4, { pkg: "v1_0" }));
  add(make("r4e", "1.1.0", 5, { pkg: "v1_1" }));
  add(make("r4e", "1.2.0-experimental", 8, { pkg: "v1_2_exp" }));
  add(make("fiot", "1.0.0", 5, { pkg: "v1_0" }));
  add(make("fiot", "1.1.0-experimental", 8, { pkg: "v1_1_exp" }));
  for (let minor = 8; minor <= 23; minor++) {
    const version = minor === 23 ? "4.23.0-experimental" : `4.${minor}.0`;
    const fcos = minor <= 13 ? 3 : minor <= 18 ? 5 : minor <= 22 ? 6 : 8;
    const pkg = minor === 23 ? "v4_23_exp" : `v4_${minor}`;
    add(make("openshift", version, fcosBase[fcos] ?? 3, { fcos, openshift: minor, autoCompress: minor >= 10, pkg }));
  }
  return r;
}

/** `variant+version` → its spec; the only place that lists versions. */
export const registry: ReadonlyMap<string, VariantSpec> = buildRegistry();

/**
 * The spec for a variant and version, if Butane has one. The version is read as Butane reads it
 * (go-semver, then its String(): `01.5.0` is 1.5.0); one it cannot parse names no spec.
 */
export function lookupSpec(variant: string, version: string): VariantSpec | undefined {
  if (typeof version !== "string") return undefined; // callers holding parsed JSON/YAML may pass anything
  const v = parseSemver(version);
  return v === null ? undefined : registry.get(`${variant}+${formatSemver(v)}`);
}
