#!/usr/bin/env node
// Runs the upstream conformance corpus against bin/kindling.js and fails when fewer cases pass
// than the count recorded in conformance-baseline.json (raise it as fidelity improves:
// `node scripts/conformance-ratchet.mjs --update`).
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
const baseline = existsSync(baselineFile) ? JSON.parse(readFileSync(baselineFile, "utf8")) : { passed: 0 };
console.log(`conformance: ${summary.passed} of ${summary.total} cases match upstream (baseline ${baseline.passed})`);
console.log(`by variant: ${JSON.stringify(byVariant)}`);
if (process.argv.includes("--update")) {
  writeFileSync(baselineFile, JSON.stringify({ passed: summary.passed, total: summary.total, byVariant }, null, 2) + "\n");
  console.log("baseline updated");
} else if (summary.passed < baseline.passed) {
  const failing = summary.cases.filter((c) => !c.pass).map((c) => c.id);
  console.error(`conformance regressed: ${summary.passed} < ${baseline.passed}. Failing cases:\n  ${failing.join("\n  ")}`);
  process.exit(1);
}
