/**
 * Runs the validator over every Ignition config upstream Butane emitted successfully in the
 * conformance corpus (../shared/conformance, when present): no errors may appear, and the
 * Ignition-stage warnings must be exactly those upstream printed, in the same order.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import { listSpecs } from "../versions.ts";
import type { IgnitionConfig, IgnitionVersion } from "./types.ts";
import { validateIgnition } from "./validate.ts";

const casesDir = fileURLToPath(new URL("../../../../shared/conformance/cases", import.meta.url));

/** Messages only Ignition's validation (not Butane) prints as warnings. */
const ignitionWarnings = [
  /^setuid\/setgid\/sticky bits are not supported or functional in spec versions older than 3\.6\.0$/,
  /^user\/group ignored for hard link$/,
  /^filesystem overwrites partitioned device$/,
  /^device matches disk with wipeTable enabled; filesystem will be wiped$/,
  /^insecure plaintext HTTP proxy specified for HTTPS resources$/,
  /^unit ".*" is enabled, but has no install section so enable does nothing$/,
  /^template unit ".*" for ".*" doesn't have Install section$/,
];

interface CorpusCase {
  id: string;
  version: IgnitionVersion;
  config: IgnitionConfig;
  expected: string[];
}

function loadCases(): CorpusCase[] {
  const ignitionOf = new Map(listSpecs().map((s) => [`${s.variant}/${s.version}`, s.ignition as IgnitionVersion]));
  const out: CorpusCase[] = [];
  for (const id of readdirSync(casesDir).sort()) {
    const dir = join(casesDir, id);
    const read = (f: string): string => readFileSync(join(dir, f), "utf8");
    if (read("expected.code").trim() !== "0") continue;
    const stdout = read("expected.out");
    if (stdout.trim() === "") continue;
    const meta = JSON.parse(read("meta.json")) as { variant: string; version: string };
    const version = ignitionOf.get(`${meta.variant}/${meta.version}`);
    if (version === undefined) continue;
    const config = (
      stdout.trimStart().startsWith("{") ? JSON.parse(stdout) : (parseYaml(stdout) as { spec: { config: unknown } }).spec.config
    ) as IgnitionConfig;
    const expected: string[] = [];
    for (const line of read("expected.err").split("\n")) {
      const m = /^(error|warning) at [^:]*?(?:, line \d+ col \d+)?: (.*)$/.exec(line);
      if (m && ignitionWarnings.some((re) => re.test(m[2] ?? ""))) expected.push(`${m[1]}: ${m[2]}`);
    }
    out.push({ id, version, config, expected });
  }
  return out;
}

describe.skipIf(!existsSync(casesDir))("conformance corpus: Ignition configs upstream accepted", () => {
  it("validates every accepted config with upstream's warnings", () => {
    const cases = loadCases();
    expect(cases.length).toBeGreaterThan(1000);
    const mismatches: string[] = [];
    for (const c of cases) {
      const got = validateIgnition(c.config, c.version).map((e) => `${e.severity}: ${e.message}`);
      if (JSON.stringify(got) !== JSON.stringify(c.expected)) {
        mismatches.push(`${c.id}: got ${JSON.stringify(got)}, want ${JSON.stringify(c.expected)}`);
      }
    }
    expect(mismatches).toEqual([]);
  });
});
