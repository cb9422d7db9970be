// Run by scripts/pack-check.mjs inside a directory where the packed tarball was installed.
import { listSpecs, renderReport, toButaneYaml, transpile, transpileObject } from "kindling";

const specs = listSpecs();
if (!specs.some((s) => s.variant === "fcos")) throw new Error("listSpecs: no fcos");
const ok = transpile("variant: fcos\nversion: 1.6.0\npasswd:\n  users:\n    - name: core\n");
if (ok.failure !== undefined || JSON.parse(ok.output ?? "null")?.passwd?.users?.[0]?.name !== "core") {
  throw new Error(`transpile failed: ${ok.failure} ${ok.output}`);
}
const bad = transpile("variant: fcos\nversion: 1.6.0\nstorage:\n  files:\n    - path: rel\n");
const report = renderReport(bad.diagnostics, { raw: true, source: "", filename: "<stdin>" });
if (bad.failure === undefined || !report.includes("path not absolute")) throw new Error(`expected an error, got ${report}`);
console.log(`library: ${specs.length} specs; ok; ${report.trim()}`);

const typed = transpileObject({ variant: "flatcar", version: "1.1.0", storage: { files: [{ path: "/etc/motd", mode: 0o600, contents: { inline: "hi\n" } }] } });
if (typed.failure !== undefined || typed.config?.storage?.files?.[0]?.mode !== 0o600) throw new Error(`transpileObject: ${typed.failure}`);
if (!toButaneYaml({ variant: "fcos", version: "1.6.0" }).startsWith("variant: fcos\nversion: 1.6.0\n")) throw new Error("toButaneYaml");
console.log("library: transpileObject and toButaneYaml ok");

// Compose: snippets merged over a main config, per host, and a bundle.
import { buildHosts, bundle, compose, parseHosts } from "kindling";

const head = "variant: fcos\nversion: 1.6.0\n";
const main = { name: "main.bu", source: `${head}storage:\n  files:\n    - path: /etc/hostname\n      contents:\n        inline: \${HOST}\n` };
const users = { name: "users.bu", source: `${head}passwd:\n  users:\n    - name: core\n      shell: /bin/zsh\n` };
const composedPlain = compose({ name: "a.bu", source: `${head}passwd:\n  users:\n    - name: core\n` }, [users], { origins: true });
const mergedPlain = JSON.parse(composedPlain.output ?? "null");
if (mergedPlain?.passwd?.users?.[0]?.shell !== "/bin/zsh" || !composedPlain.origins?.some((o) => o.file === "users.bu" && o.line === 6)) {
  throw new Error(`compose: ${composedPlain.failure} ${composedPlain.output}`);
}
const table = parseHosts("host,HOST\nweb1,web1\nweb2,web2\n", "hosts.csv");
if (!table.ok) throw new Error("parseHosts");
const builds = buildHosts({ main, snippets: [users] }, table.hosts, { lint: { platform: "aws" } });
const names = builds.map((b) => JSON.parse(b.result?.output ?? "null")?.storage?.files?.[0]?.contents?.source);
if (names.join(",") !== "data:,web1,data:,web2" || builds.some((b) => b.result?.userDataSize?.platform !== "aws")) throw new Error(`buildHosts: ${names}`);
const b = bundle(`${head}storage:\n  files:\n    - path: /etc/motd\n      contents:\n        inline: hi\n`, undefined);
if (!b.ok) throw new Error(`bundle: ${b.problems.map((p) => p.message)}`);
console.log(`library: compose, parseHosts, buildHosts (${builds.length} hosts) and bundle ok`);
