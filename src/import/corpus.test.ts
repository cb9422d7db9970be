/**
 * Round trip over the conformance corpus (skipped when ../shared is absent): every Ignition output
 * (and openshift MachineConfig output) imports to Butane that transpiles back to the same config
 * with no warning, and importing that output again gives byte-for-byte the same Butane.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { transpile } from "../transpiler/index.ts";
import { importConfig } from "./index.ts";

const CASES = join(import.meta.dirname, "../../../shared/conformance/cases");
const present = existsSync(CASES);

interface Case {
  id: string;
  variant: string;
  out: string;
  /** The warnings upstream printed for the original Butane config. */
  warnings: string[];
  /** Filesystems of the original Butane config with `with_mount_unit: true`. */
  withMountUnit: number;
}

function corpus(): Case[] {
  const out: Case[] = [];
  for (const id of readdirSync(CASES).sort()) {
    const dir = join(CASES, id);
    if (readFileSync(join(dir, "expected.code"), "utf8").trim() !== "0") continue;
    const text = readFileSync(join(dir, "expected.out"), "utf8");
    if (text.trim() === "") continue;
    const meta = JSON.parse(readFileSync(join(dir, "meta.json"), "utf8")) as { variant: string };
    const err = readFileSync(join(dir, "expected.err"), "utf8");
    const warnings = [...err.matchAll(/^warning at [^:]*: (.*)$/gm)].map((m) => m[1]!);
    const input = readFileSync(join(dir, "input.bu"), "utf8");
    const withMountUnit = [...input.matchAll(/with_mount_unit:\s*true/g)].length;
    out.push({ id, variant: meta.variant, out: text, warnings, withMountUnit });
  }
  return out;
}

describe.skipIf(!present)("import round trip over the conformance corpus", () => {
  it("imports every output back to the same config, stably", () => {
    const cases = corpus();
    const failures: string[] = [];
    let ok = 0, stable = 0, dataUrls = 0, inlined = 0, mounts = 0, folded = 0, warned = 0, generatedMounts = 0;
    for (const c of cases) {
      const machineConfig = !c.out.trimStart().startsWith("{");
      const r = importConfig(c.out, machineConfig ? {} : { variant: c.variant });
      if (!r.ok) {
        failures.push(`${c.id}: ${r.error}`);
        continue;
      }
      dataUrls += r.stats.dataUrls;
      inlined += r.stats.inlined;
      mounts += r.stats.mountUnits;
      folded += r.stats.foldedMountUnits;
      generatedMounts += c.withMountUnit;
      const warnings = r.findings.filter((f) => f.code === "import-transpile-warning").map((f) => f.message.replace(/^Butane warns: /, ""));
      const added = warnings.filter((w) => !c.warnings.includes(w));
      if (added.length > 0) {
        failures.push(`${c.id}: new warnings: ${added.join("; ")}`);
        continue;
      }
      if (warnings.length > 0) warned++;
      if (!r.verified) {
        failures.push(`${c.id}: not verified: ${r.findings.find((f) => f.code === "import-not-verified")?.message}`);
        continue;
      }
      ok++;
      const again = transpile(r.butane, { raw: !machineConfig, pretty: true });
      const r2 = again.output === null ? null : importConfig(again.output, machineConfig ? {} : { variant: c.variant });
      if (r2?.ok && r2.butane === r.butane) stable++;
      else failures.push(`${c.id}: re-import differs`);
    }
    const pct = (a: number, b: number) => (b === 0 ? "n/a" : `${((100 * a) / b).toFixed(1)}%`);
    console.log(
      `round trip: ${ok}/${cases.length} same config; re-import stable ${stable}/${cases.length}; ` +
        `zero new warnings (${warned} keep a warning the original config had); data URLs → inline ${inlined}/${dataUrls} (${pct(inlined, dataUrls)}); ` +
        `mount units folded ${folded}/${mounts} (${pct(folded, mounts)}; the original configs generated ${generatedMounts} with with_mount_unit)`,
    );
    if (failures.length) console.log(failures.slice(0, 40).join("\n"));
    expect(failures).toEqual([]);
  });
});
