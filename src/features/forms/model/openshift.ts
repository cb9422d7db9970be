/**
 * OpenShift MachineConfig settings the forms offer: the pool role label and the RHCOS
 * extensions each OpenShift release accepts.
 *
 * Source: openshift/machine-config-operator, the `SupportedExtensions()` allow-list on each
 * `release-4.N` branch (pkg/controller/common/helpers.go; pkg/daemon/update.go before 4.12), and
 * docs/MachineConfig.md ("RHCOS Extensions", "KernelType", "FIPS"). The Machine Config Daemon
 * refuses a MachineConfig with an extension outside its release's list.
 */

/** The label that picks the MachineConfigPool (docs/MachineConfig.md). */
export const ROLE_LABEL = "machineconfiguration.openshift.io/role";

/** The two pools every cluster has; any other value names a custom pool. */
export const ROLES = ["worker", "master"] as const;

/** One extension, with what it installs (from the allow-list's package lists). */
export interface Extension {
  name: string;
  doc: string;
  /** First OpenShift 4 minor whose MCO accepts it. */
  since: number;
  /** First minor that no longer accepts it, if any. */
  until?: number;
}

export const EXTENSIONS: readonly Extension[] = [
  { name: "usbguard", doc: "USBGuard: blocks USB devices that are not allowed.", since: 6 },
  { name: "kernel-devel", doc: "Kernel headers and development files (kernel-devel, kernel-headers).", since: 8 },
  { name: "sandboxed-containers", doc: "Kata Containers for OpenShift sandboxed containers.", since: 8 },
  { name: "kerberos", doc: "Kerberos client tools (krb5-workstation, libkadm5).", since: 11 },
  { name: "ipsec", doc: "IPsec with Libreswan (NetworkManager-libreswan, libreswan).", since: 14 },
  // On release-4.14 … 4.21; gone from release-4.22's list.
  { name: "wasm", doc: "WebAssembly workloads through crun-wasm.", since: 14, until: 22 },
  { name: "sysstat", doc: "sysstat performance tools (sar, iostat).", since: 18 },
  { name: "two-node-ha", doc: "Pacemaker and fencing agents for two-node clusters.", since: 19 },
];

/** The extensions OpenShift 4.`minor` accepts. */
export function extensionsFor(minor: number): Extension[] {
  return EXTENSIONS.filter((e) => minor >= e.since && (e.until === undefined || minor < e.until));
}

/** The OpenShift release (4.`N` → N) a config of this variant/version is for. */
export function openshiftRelease(vs: { version: string }): number {
  return Number(vs.version.split(".")[1]) || 0;
}
