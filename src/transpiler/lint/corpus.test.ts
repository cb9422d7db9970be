/**
 * Kindling's lint against the conformance corpus (../shared/conformance, when present): on every
 * input upstream Butane accepts without a word (tag `valid`), the systemd and Quadlet checks find
 * nothing. The units, drop-ins and Quadlet files checked are counted, so a lint that silently
 * checks nothing cannot pass.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { transpile } from "../index.ts";
import { nodeFilesProvider } from "../../cli/node-files.ts";
import { parseYaml } from "../yaml/parse.ts";
import { decodeDispatch, decodeConfig } from "../decode.ts";
import { lookupSpec } from "../spec/variants.ts";
import { collectUnits } from "./unit-sources.ts";

const casesDir = fileURLToPath(new URL("../../../../shared/conformance/cases", import.meta.url));

/** Codes of the unit-file checks (the ones that must not fire on valid configs). */
const UNIT_CODE = /^(systemd|quadlet|unit)-/;

describe.skipIf(!existsSync(casesDir))("lint on the conformance corpus", () => {
  it("finds no systemd/Quadlet problem in any valid input", () => {
    const counts = { cases: 0, units: 0, unitFiles: 0, dropins: 0, quadlets: 0, quadletFiles: 0 };
    const falsePositives: string[] = [];
    const otherCodes = new Map<string, number>();
    for (const id of readdirSync(casesDir).sort()) {
      const dir = join(casesDir, id);
      const meta = JSON.parse(readFileSync(join(dir, "meta.json"), "utf8")) as { tags: string[] };
      if (!meta.tags.includes("valid")) continue;
      counts.cases++;
      const source = readFileSync(join(dir, "input.bu"), "utf8");
      const args = readFileSync(join(dir, "args"), "utf8");
      const files = args.includes("--files-dir") ? nodeFilesProvider(join(dir, "files")) : undefined;
      const result = transpile(source, { lint: true, raw: args.includes("--raw"), ...(files ? { files } : {}) });
      for (const f of result.findings ?? []) {
        if (UNIT_CODE.test(f.code)) falsePositives.push(`${id} ${f.code} line ${f.line}: ${f.message}`);
        else otherCodes.set(f.code, (otherCodes.get(f.code) ?? 0) + 1);
      }
      // What was checked.
      const parsed = parseYaml(source);
      if (!parsed.ok) continue;
      const d = decodeDispatch(parsed.root);
      const vs = "error" in d ? undefined : lookupSpec(d.variant, d.version);
      if (!vs) continue;
      const cfg = decodeConfig(parsed.root, vs.spec);
      for (const g of collectUnits(cfg.value, parsed.root, source.split("\n"))) {
        const texts = (g.main ? 1 : 0) + g.dropins.length;
        if (g.kind === "systemd") {
          counts.units++;
          counts.unitFiles += g.main ? 1 : 0;
          counts.dropins += g.dropins.length;
        } else {
          counts.quadlets++;
          counts.quadletFiles += texts;
        }
      }
    }
    console.log(`lint corpus: ${JSON.stringify(counts)}; other findings: ${JSON.stringify(Object.fromEntries(otherCodes))}`);
    expect(falsePositives).toEqual([]);
    expect(counts.cases).toBeGreaterThan(1000);
    expect(counts.unitFiles).toBeGreaterThan(100);
    expect(counts.dropins).toBeGreaterThan(10);
    expect(counts.quadletFiles).toBeGreaterThan(0);
  });
});
