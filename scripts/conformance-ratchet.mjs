#!/usr/bin/env node
// Runs the upstream conformance corpus against bin/kindling.js and fails when fewer cases pass, or
// fewer give stdout byte-identical to upstream's (same data URL choices and gzip bytes, same
// spacing), than the counts recorded in conformance-baseline.json (raise them as fidelity
// improves: `node scripts/conformance-ratchet.mjs --update`).
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, realpathSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const runner = resolve(root, "../shared/conformance/run.mjs");
const baselineFile = join(root, "conformance-baseline.json");
if (!existsSync(runner)) {
  console.log("conformance corpus not present; skipped");
  process.exit(0);
}
// The runner only starts when invoked by its real path (it compares argv[1] with its own URL).
const runnerPath = realpathSync(runner);
const cmd = `node ${JSON.stringify(join(root, "bin/kindling.js"))} {args} {input}`;
const json = execFileSync(process.execPath, [runnerPath, "--cmd", cmd, "--json"], { maxBuffer: 256 * 1024 * 1024 }).toString();
const summary = JSON.parse(json);
const byVariant = {};
for (const [tag, s] of Object.entries(summary.tags)) if (tag.startsWith("variant:")) byVariant[tag] = `${s.passed}/${s.total}`;
const baseline = existsSync(baselineFile) ? JSON.parse(readFileSync(baselineFile, "utf8")) : { passed: 0, byteIdentical: 0 };
const byteIdentical = summary.stdout_byte_identical;
console.log(`conformance: ${summary.passed} of ${summary.total} cases match upstream (baseline ${baseline.passed})`);
console.log(`byte-identical stdout: ${byteIdentical} of ${summary.total} (baseline ${baseline.byteIdentical ?? 0})`);
console.log(`by variant: ${JSON.stringify(byVariant)}`);
if (process.argv.includes("--update")) {
  writeFileSync(baselineFile, JSON.stringify({ passed: summary.passed, byteIdentical, total: summary.total, byVariant }, null, 2) + "\n");
  console.log("baseline updated");
} else {
  let failed = false;
  if (summary.passed < baseline.passed) {
    const failing = summary.cases.filter((c) => !c.pass).map((c) => c.id);
    console.error(`conformance regressed: ${summary.passed} < ${baseline.passed}. Failing cases:\n  ${failing.join("\n  ")}`);
    failed = true;
  }
  if (byteIdentical < (baseline.byteIdentical ?? 0)) {
    const differing = summary.cases.filter((c) => c.pass && !c.stdout_byte_identical).map((c) => c.id);
    console.error(
      `byte-identical stdout regressed: ${byteIdentical} < ${baseline.byteIdentical}. Passing but not byte-identical:\n  ${differing.join("\n  ")}`,
    );
    failed = true;
  }
  if (failed) process.exit(1);
}
