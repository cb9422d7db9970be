// Type-checked by scripts/pack-check.mjs against the installed package (tsc --noEmit).
import { transpile, listSpecs, renderReport, type Diagnostic, type TranspileResult } from "kindling";

const result: TranspileResult = transpile("variant: fcos\nversion: 1.6.0\n", { strict: true, pretty: true });
const diagnostics: Diagnostic[] = result.diagnostics;
const text: string = renderReport(diagnostics, { raw: false, source: "variant: fcos\n", filename: "a.bu" });
const variants: string[] = listSpecs().map((s) => s.variant);
// @ts-expect-error -- `strict` is a boolean
transpile("variant: fcos\nversion: 1.6.0\n", { strict: "yes" });
export { text, variants };

// Typed configs: accepted as written, a wrong field rejected, for fcos, flatcar and openshift.
import { toButaneYaml, transpileObject, type ButaneConfig } from "kindling";

const fcos: ButaneConfig<"fcos", "1.6.0"> = {
  variant: "fcos",
  version: "1.6.0",
  passwd: { users: [{ name: "core", ssh_authorized_keys: ["ssh-ed25519 AAAA"] }] },
  storage: { files: [{ path: "/etc/motd", mode: 0o644, contents: { inline: "hi\n" } }] },
};
const fcosBad: ButaneConfig<"fcos", "1.6.0"> = {
  variant: "fcos",
  version: "1.6.0",
  // @ts-expect-error -- `mode` is a number (0o644), not a string
  storage: { files: [{ path: "/etc/motd", mode: "0644" }] },
};
// @ts-expect-error -- `grub` is new in fcos 1.5.0
const fcosOld: ButaneConfig<"fcos", "1.4.0"> = { variant: "fcos", version: "1.4.0", grub: { users: [] } };

const flatcar: ButaneConfig<"flatcar", "1.1.0"> = {
  variant: "flatcar",
  version: "1.1.0",
  systemd: { units: [{ name: "hello.service", enabled: true, contents: "[Unit]\n" }] },
};
const flatcarBad: ButaneConfig<"flatcar", "1.1.0"> = {
  variant: "flatcar",
  version: "1.1.0",
  // @ts-expect-error -- misspelled key
  systemd: { units: [{ name: "hello.service", enabeld: true }] },
};

const openshift: ButaneConfig<"openshift", "4.18.0"> = {
  variant: "openshift",
  version: "4.18.0",
  metadata: { name: "99-worker", labels: { "machineconfiguration.openshift.io/role": "worker" } },
  openshift: { kernel_type: "realtime", fips: true },
};
const openshiftBad: ButaneConfig<"openshift", "4.18.0"> = {
  variant: "openshift",
  version: "4.18.0",
  metadata: { name: "99-worker", labels: {} },
  // @ts-expect-error -- not a kernel type
  openshift: { kernel_type: "rt" },
};
// @ts-expect-error -- openshift needs `metadata`
const openshiftNoMeta: ButaneConfig<"openshift", "4.18.0"> = { variant: "openshift", version: "4.18.0" };

const yaml: string = toButaneYaml(fcos);
const outputs: (string | null)[] = [fcos, flatcar, openshift].map((c) => transpileObject(c, { pretty: true }).output);
export { fcosBad, fcosOld, flatcarBad, openshiftBad, openshiftNoMeta, yaml, outputs };
