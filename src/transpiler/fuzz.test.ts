/**
 * The deterministic slice of `npm run fuzz` (scripts/fuzz.mjs): the same input generator, a fixed
 * seed and a few seconds' worth of inputs, plus every input the long runs found (regressions).
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkResult, familyOf, fuzzInput, keysOf, versionsOf } from "../../scripts/fuzz-inputs.mjs";
import { listSpecs } from "./versions.ts";
import { templates } from "../features/templates/templates.ts";
import { transpile } from "./index.ts";
import { SEEDS } from "./test-seeds.ts";

const CASES = join(import.meta.dirname, "../../../shared/conformance/cases");

/** Seeds and templates, plus every 20th conformance input when the corpus is checked out. */
function corpus(): string[] {
  const out = [...SEEDS, ...templates.map((t) => t.source)];
  if (existsSync(CASES)) {
    const names = readdirSync(CASES).sort();
    for (let i = 0; i < names.length; i += 20) {
      const file = join(CASES, names[i] as string, "input.bu");
      if (existsSync(file)) out.push(readFileSync(file, "utf8"));
    }
  }
  return out;
}

/** Transpiles like the worker does; returns a problem description or null. */
function problemWith(source: string): string | null {
  const t = performance.now();
  let result;
  try {
    result = transpile(source, { pretty: true });
  } catch (e) {
    return `threw ${e instanceof Error ? e.message : String(e)}`;
  }
  const ms = performance.now() - t;
  if (ms > 2000) return `took ${ms.toFixed(0)} ms`;
  return checkResult(result);
}

describe("fuzz (deterministic slice of npm run fuzz)", () => {
  const inputs = corpus();
  const keys = keysOf(inputs);
  const versions = versionsOf(listSpecs());

  it("the generator is deterministic and mixes its three families", () => {
    expect(fuzzInput(7, 123, inputs, keys, versions)).toBe(fuzzInput(7, 123, inputs, keys, versions));
    const families = new Set(Array.from({ length: 200 }, (_, i) => familyOf(1, i)));
    expect([...families].sort()).toEqual(["mutated", "random-text", "random-yaml"]);
  });

  it("1,500 inputs (seed 1): a result with output or an error, each under 2 s", () => {
    const failures: string[] = [];
    for (let i = 0; i < 1500; i++) {
      const source = fuzzInput(1, i, inputs, keys, versions);
      const problem = problemWith(source);
      if (problem !== null) failures.push(`seed 1 input ${i}: ${problem}\n${source.slice(0, 300)}`);
    }
    expect(failures).toEqual([]);
  }, 120_000);
});
