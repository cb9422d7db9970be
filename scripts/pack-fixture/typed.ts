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

// Compose: a main config with snippets, per host, and bundles, with their types.
import {
  buildHosts,
  bundle,
  compose,
  parseHosts,
  substitute,
  type ComposeFile,
  type ComposeFinding,
  type ComposeResult,
  type FilesProvider,
  type Host,
  type HostBuild,
  type Project,
  type UserDataSize,
} from "kindling";

const mainFile: ComposeFile = { name: "main.bu", source: "variant: fcos\nversion: 1.6.0\n" };
const snippetFile: ComposeFile = { name: "s.bu", source: Uint8Array.from("variant: fcos\nversion: 1.6.0\n", (c) => c.charCodeAt(0)) };
const composed: ComposeResult = compose(mainFile, [snippetFile], { pretty: true, origins: true, lint: { target: "fcos-stable", platform: "aws" } });
const merged: string | null = composed.output;
const size: UserDataSize | undefined = composed.userDataSize;
const conflicts: ComposeFinding[] = composed.findings.filter((f) => f.code === "compose-conflict");
const originFiles: string[] = (composed.origins ?? []).map((o) => `${o.file}:${o.line ?? 0}`);
// @ts-expect-error -- a snippet is a file with a name, not a string
compose(mainFile, ["variant: fcos\nversion: 1.6.0\n"]);
// @ts-expect-error -- lint's platform is a platform id string
compose(mainFile, [], { lint: { platform: 16384 } });

const table = parseHosts("host,IP\nweb1,10.0.0.1\n", "hosts.csv");
const hostList: Host[] = table.ok ? table.hosts : [];
const project: Project = { main: mainFile, snippets: [snippetFile] };
const builds: HostBuild[] = buildHosts(project, hostList, { strict: true });
const filled = hostList[0] ? substitute("ip: ${IP}\n", hostList[0], "main.bu") : null;
const filledText: string | undefined = filled?.ok ? filled.text : undefined;
// @ts-expect-error -- parseHosts's result must be checked (ok) before its hosts are read
const unchecked: Host[] = parseHosts("", "hosts.yaml").hosts;

const noFiles: FilesProvider | undefined = undefined;
const bundled = bundle("variant: fcos\nversion: 1.6.0\n", noFiles, { strict: true });
const bundledText: string = bundled.ok ? bundled.text : bundled.problems.map((p) => p.message).join("\n");
export { merged, size, conflicts, originFiles, builds, filledText, unchecked, bundledText };
