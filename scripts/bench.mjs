#!/usr/bin/env node
// npm run bench: median warm transpile time against the YAML parse floor (`yaml` parseDocument on
// the same text, same process), their ratio, and heap, for S/M/L/XL configs. Transpile and parse
// runs are interleaved so machine load affects both alike. `ratio` is a one-off run like the CLI's
// (no memoization; each run's file contents also differ from the run before). `keystroke_ms` is
// the studio's case: `memoize: true`, the same config again with one character changed (unchanged
// file contents and units are looked up, not re-encoded or re-parsed). The XL heap budget is also proven by
// transpiling XL in a child process whose V8 heap is capped (--max-old-space-size). Last, the cost
// of one call of the exact (Go level-9) gzip that file contents go through, at 10 B to 1 MB of
// config-like text.
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import v8 from "node:v8";
import { parseDocument } from "yaml";
import { makeConfig, SIZES } from "./bench-configs.mjs";
import { gzipBestCompression } from "../dist-cli/gzip.js";
import { transpile } from "../dist-cli/transpiler.js";
import { importConfig } from "../dist-cli/import.js";
import { makeBootstrapIgn } from "./import-bench-config.mjs";
import { buildHosts, parseHosts } from "../dist-cli/compose.js";
import { makeComposeProject } from "./compose-bench-project.mjs";

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

if (process.argv[2] === "--heap-child") {
  const r = transpile(makeConfig(SIZES.XL, 7), { pretty: true });
  process.stdout.write(r.failure ? "failed" : "ok");
  process.exit(0);
}

const cases = [...Object.entries(SIZES).map(([name, target]) => [name, makeConfig(target, 7)]), ["M openshift", makeConfig(SIZES.M, 7, "openshift")]];
const rows = [];
for (const [name, src] of cases) {
  const runs = name === "XL" ? 9 : name === "L" ? 21 : 41;
  for (let i = 0; i < 3; i++) {
    transpile(src, { pretty: true });
    parseDocument(src);
  }
  const check = transpile(src, { pretty: true });
  if (check.failure) throw new Error(`${name}: bench config failed: ${check.failure}`);
  globalThis.gc?.();
  const before = v8.getHeapStatistics().used_heap_size;
  let maxAfter = 0;
  const tt = [];
  const tp = [];
  const tk = [];
  for (let i = 0; i < runs; i++) {
    const text = src.replaceAll("alpha", `alpha${i}x`);
    let t = performance.now();
    const r = transpile(text, { pretty: true });
    tt.push(performance.now() - t);
    maxAfter = Math.max(maxAfter, v8.getHeapStatistics().used_heap_size);
    if (r.failure) throw new Error(`${name}: bench config failed: ${r.failure}`);
    t = performance.now();
    parseDocument(text);
    tp.push(performance.now() - t);
    // One keystroke later: a name changed, every file's contents as before.
    transpile(text, { pretty: true, memoize: true });
    const typed = text.replace("-disk", `-disk${i % 10}`);
    t = performance.now();
    transpile(typed, { pretty: true, memoize: true });
    tk.push(performance.now() - t);
  }
  rows.push({
    size: name,
    lines: src.split("\n").length,
    kib: Math.round(src.length / 1024),
    transpile_ms: +median(tt).toFixed(2),
    parse_ms: +median(tp).toFixed(2),
    // Median of each run's own ratio: a run and its parse share the machine's load at that moment.
    ratio: +median(tt.map((t, k) => t / tp[k])).toFixed(2),
    keystroke_ms: +median(tk).toFixed(2),
    heap_mb: +(Math.max(maxAfter, before) / 1024 / 1024).toFixed(1),
  });
}
console.table(rows);
const bad = rows.filter((r) => r.size !== "S" && r.ratio > 2.0);
console.log(bad.length ? `over budget (ratio > 2.0): ${bad.map((r) => r.size).join(", ")}` : "M, L, XL and M openshift within the 2.0x parse-floor budget");

// Import: an openshift-install-style 2.5 MB .ign → Butane, verified by transpiling it back (budget 1 s).
{
  const ign = JSON.stringify(makeBootstrapIgn(2.5 * 1024 * 1024, 7));
  for (let i = 0; i < 2; i++) importConfig(ign);
  const wall = [];
  const cpu = [];
  let last;
  for (let i = 0; i < 7; i++) {
    const c = process.cpuUsage();
    const t = performance.now();
    last = importConfig(ign);
    wall.push(performance.now() - t);
    const u = process.cpuUsage(c);
    cpu.push((u.user + u.system) / 1000);
  }
  if (!last.ok || !last.verified) throw new Error(`import bench: ${last.ok ? "not verified" : last.error}`);
  const row = {
    case: "import 2.5 MB .ign",
    kib: Math.round(ign.length / 1024),
    files: last.stats.dataUrls,
    import_ms: +median(wall).toFixed(1),
    cpu_ms: +median(cpu).toFixed(1),
    budget_ms: 1000,
  };
  console.table([row]);
  console.log(
    row.import_ms <= 1000 ? "import within its 1 s budget" : `import over its 1 s budget (${row.import_ms} ms; cpu ${row.cpu_ms} ms: is the machine loaded?)`,
  );
}

// Compose: 1,000 hosts of a main config and 3 snippets (hosts table parsed, placeholders filled,
// every file transpiled or reused, snippets merged), one-off like `kindling build --out-dir`.
{
  const project = makeComposeProject(1000);
  const once = () => {
    const table = parseHosts(project.hostsCsv, "hosts.csv");
    if (!table.ok) throw new Error(`compose bench: ${table.problems[0].message}`);
    return buildHosts(project, table.hosts, { pretty: true });
  };
  once();
  const wall = [];
  const cpu = [];
  let builds;
  for (let i = 0; i < 5; i++) {
    const c = process.cpuUsage();
    const t = performance.now();
    builds = once();
    wall.push(performance.now() - t);
    const u = process.cpuUsage(c);
    cpu.push((u.user + u.system) / 1000);
  }
  const bad = builds.find((b) => !b.result || b.result.output === null);
  if (bad) throw new Error(`compose bench: host ${bad.host} failed: ${bad.problems[0]?.message ?? bad.result?.failure}`);
  const row = {
    case: "compose 1,000 hosts, main + 3 snippets",
    hosts: builds.length,
    build_ms: +median(wall).toFixed(0),
    per_host_ms: +(median(wall) / builds.length).toFixed(2),
    cpu_ms: +median(cpu).toFixed(0),
    budget_ms: 2000,
  };
  console.table([row]);
  console.log(
    row.build_ms <= 2000 ? "compose within its 2 s budget" : `compose over its 2 s budget (${row.build_ms} ms; cpu ${row.cpu_ms} ms: is the machine loaded?)`,
  );
}

const self = fileURLToPath(import.meta.url);
let capped;
try {
  capped = execFileSync(process.execPath, ["--max-old-space-size=300", self, "--heap-child"], { stdio: ["ignore", "pipe", "ignore"] }).toString();
} catch {
  capped = "out of memory";
}
console.log(`XL with the V8 heap capped at 300 MB: ${capped === "ok" ? "transpiled (peak heap < 300 MB)" : capped}`);

// Per-call gzip cost: each input is config text of the given size, fresh per call (a different
// seed's config), as file contents are; calls of small inputs are batched so timer resolution
// does not count.
const GZIP_SIZES = [
  ["10 B", 10],
  ["1 KB", 1000],
  ["100 KB", 100_000],
  ["1 MB", 1_000_000],
];
const encoder = new TextEncoder();
const gzipRows = [];
for (const [label, size] of GZIP_SIZES) {
  const inputs = [];
  for (let seed = 1, text = ""; inputs.length < 8; seed++) {
    while (text.length < size) text += makeConfig(SIZES.L, seed + text.length);
    inputs.push(encoder.encode(text.slice(0, size)));
    text = text.slice(size);
  }
  const batch = Math.max(1, Math.round(20_000 / size));
  const runs = size >= 1_000_000 ? 9 : 31;
  for (let i = 0; i < 3; i++) gzipBestCompression(inputs[i % inputs.length]);
  const times = [];
  let compressed = 0;
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    for (let k = 0; k < batch; k++) compressed = gzipBestCompression(inputs[(i + k) % inputs.length]).length;
    times.push((performance.now() - t) / batch);
  }
  const ms = median(times);
  gzipRows.push({ input: label, us_per_call: +(ms * 1000).toFixed(1), mb_per_s: +(size / 1e6 / (ms / 1000)).toFixed(1), gzip_bytes: compressed });
}
console.log("gzip (Go level 9, exact) per call:");
console.table(gzipRows);
