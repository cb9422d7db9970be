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
