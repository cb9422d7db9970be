/**
 * An OpenShift MachineConfig (the YAML `butane` writes for the openshift variant without --raw)
 * → openshift Butane: `metadata` (name, labels) and `openshift` (kernel arguments, extensions,
 * FIPS, kernel type) from the MachineConfig, the rest from its Ignition config.
 */
import { candidateSpecs, IGNITION_3, importIgnition3, type ButaneBuild } from "./from-ignition.ts";
import { ImportError, isObj, type Finding, type Json } from "./types.ts";

export const MC_KIND = "MachineConfig";
export const MC_API = "machineconfiguration.openshift.io/v1";

export function isMachineConfig(v: unknown): boolean {
  return isObj(v) && v.kind === MC_KIND && typeof v.apiVersion === "string" && v.apiVersion.startsWith("machineconfiguration.openshift.io/");
}

const SPEC_FIELDS: Readonly<Record<string, string>> = {
  kernelArguments: "kernel_arguments",
  extensions: "extensions",
  fips: "fips",
  kernelType: "kernel_type",
};

export function importMachineConfig(mc: Json, variant: string | undefined, version: string | undefined): ButaneBuild {
  if (variant !== undefined && variant !== "openshift") throw new ImportError(`a MachineConfig imports as the openshift variant, not ${variant}`);
  const findings: Finding[] = [];
  const dropped = (path: (string | number)[], what: string) =>
    findings.push({ code: "import-machineconfig-field", severity: "warning", path, message: `${what} has no Butane field and was left out` });

  const md = isObj(mc.metadata) ? mc.metadata : {};
  const spec = isObj(mc.spec) ? mc.spec : {};
  const config = spec.config;
  if (!isObj(config)) throw new ImportError("the MachineConfig has no spec.config (Ignition config)");
  const ignVersion = isObj(config.ignition) ? config.ignition.version : undefined;
  if (typeof ignVersion !== "string" || !IGNITION_3.includes(ignVersion)) {
    throw new ImportError(`spec.config is Ignition ${String(ignVersion ?? "(no version)")}; Butane's openshift variant writes Ignition 3.2.0 or newer`);
  }

  const metadata: Json = {};
  if (typeof md.name === "string") metadata.name = md.name;
  if (isObj(md.labels)) metadata.labels = Object.fromEntries(Object.entries(md.labels).map(([k, v]) => [k, String(v)]));
  for (const k of Object.keys(md)) if (k !== "name" && k !== "labels") dropped(["metadata", k], `metadata.${k}`);
  for (const k of Object.keys(mc)) if (!["apiVersion", "kind", "metadata", "spec"].includes(k)) dropped([k], k);

  const openshift: Json = {};
  const expectedSpec: Json = { config };
  for (const [k, v] of Object.entries(spec)) {
    if (k === "config" || v === null) continue;
    const bk = SPEC_FIELDS[k];
    if (!bk) {
      dropped(["spec", k], `spec.${k}`);
      continue;
    }
    openshift[bk] = v;
    expectedSpec[k] = v;
  }
  const root: Json = { metadata };
  if (Object.keys(openshift).length > 0) root.openshift = openshift;
  const expectedMd: Json = { name: metadata.name ?? "" };
  if (metadata.labels && Object.keys(metadata.labels).length > 0) expectedMd.labels = metadata.labels;
  const expected = { apiVersion: MC_API, kind: MC_KIND, metadata: expectedMd, spec: expectedSpec };
  if (mc.apiVersion !== MC_API) dropped(["apiVersion"], `apiVersion ${String(mc.apiVersion)}`);

  const result = importIgnition3(config, candidateSpecs(ignVersion, "openshift", version), { root, expected, machineConfig: true });
  const count = Object.keys(openshift).length + Object.keys(metadata).length;
  result.stats.openshiftFields = count;
  if (count > 0) {
    result.findings.unshift({ code: "import-machineconfig", severity: "info", path: [], message: `${count} MachineConfig field(s) became metadata/openshift` });
  }
  result.findings.push(...findings);
  return result;
}
