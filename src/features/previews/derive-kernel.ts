/**
 * Kernel arguments and the MachineConfig's own settings: Ignition's `kernelArguments`
 * (should exist / should not exist), and for an OpenShift MachineConfig its name, role label,
 * kernel type, FIPS, extensions and `spec.kernelArguments`.
 */
import { bool, field, ignitionOf, isRecord, nonEmptyStr, safely, strings } from "./shape.ts";

/** The label that picks the MachineConfigPool (openshift/machine-config-operator docs/MachineConfig.md). */
export const ROLE_LABEL = "machineconfiguration.openshift.io/role";

export interface MachineConfigView {
  name: string | null;
  /** The pool role (`worker`, `master`, a custom pool), or null when the label is missing. */
  role: string | null;
  /** Other labels, as `key=value`. */
  labels: string[];
  kernelType: string | null;
  fips: boolean;
  extensions: string[];
  /** `spec.kernelArguments`: added to the node's command line. */
  kernelArguments: string[];
}

export interface KernelView {
  /** Ignition's `kernelArguments.shouldExist`. */
  shouldExist: string[];
  /** Ignition's `kernelArguments.shouldNotExist`. */
  shouldNotExist: string[];
  /** The MachineConfig around the Ignition config, when the output is one. */
  machineConfig: MachineConfigView | null;
}

export const emptyKernelView: KernelView = { shouldExist: [], shouldNotExist: [], machineConfig: null };

/** Derives the kernel view; never throws. */
export function deriveKernel(config: unknown): KernelView {
  return safely(() => derive(config), emptyKernelView);
}

function derive(config: unknown): KernelView {
  const kargs = field(ignitionOf(config), "kernelArguments");
  return {
    shouldExist: strings(kargs, "shouldExist"),
    shouldNotExist: strings(kargs, "shouldNotExist"),
    machineConfig: machineConfigOf(config),
  };
}

function machineConfigOf(config: unknown): MachineConfigView | null {
  if (field(config, "kind") !== "MachineConfig") return null;
  const meta = field(config, "metadata");
  const spec = field(config, "spec");
  const rawLabels = field(meta, "labels");
  const labels: string[] = [];
  let role: string | null = null;
  if (isRecord(rawLabels)) {
    for (const [k, v] of Object.entries(rawLabels)) {
      if (typeof v !== "string") continue;
      if (k === ROLE_LABEL) role = v;
      else labels.push(`${k}=${v}`);
    }
  }
  return {
    name: nonEmptyStr(meta, "name"),
    role,
    labels,
    kernelType: nonEmptyStr(spec, "kernelType"),
    fips: bool(spec, "fips") === true,
    extensions: strings(spec, "extensions"),
    kernelArguments: strings(spec, "kernelArguments"),
  };
}
