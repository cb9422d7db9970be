#!/usr/bin/env node
// npm run bench: warm transpile time vs the YAML parse floor, per config size, and peak heap.
// Run with --expose-gc (npm run bench does) for stable heap figures.
import { parseDocument } from "yaml";
import { makeConfig, SIZES } from "./bench-configs.mjs";
import { transpile } from "../dist-cli/transpiler.js";

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
};

function time(fn, runs) {
  const out = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn();
    out.push(performance.now() - t);
  }
  return median(out);
}

const only = process.argv[2];
const rows = [];
for (const [name, target] of Object.entries(SIZES)) {
  if (only && only !== name) continue;
  const src = makeConfig(target, 7);
  const lines = src.split("\n").length;
  const runs = name === "XL" ? 7 : name === "L" ? 15 : 31;
  // warm up both
  for (let i = 0; i < 3; i++) {
    transpile(src, { pretty: true });
    parseDocument(src);
  }
  const check = transpile(src, { pretty: true });
  if (check.failure) throw new Error(`${name}: bench config failed: ${check.failure}`);
  globalThis.gc?.();
  const base = process.memoryUsage().heapUsed;
  let peak = base;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().heapUsed)), 1);
  const tTranspile = time(() => {
    transpile(src, { pretty: true });
    peak = Math.max(peak, process.memoryUsage().heapUsed);
  }, runs);
  clearInterval(sampler);
  const tParse = time(() => parseDocument(src), runs);
  rows.push({
    size: name,
    lines,
    kib: Math.round(src.length / 1024),
    transpile_ms: +tTranspile.toFixed(2),
    parse_ms: +tParse.toFixed(2),
    ratio: +(tTranspile / tParse).toFixed(2),
    peak_heap_mb: +(peak / 1024 / 1024).toFixed(1),
  });
}
console.table(rows);
const bad = rows.filter((r) => r.size !== "S" && r.ratio > 2.5);
console.log(bad.length ? `over budget (ratio > 2.5): ${bad.map((r) => r.size).join(", ")}` : "all sizes within the 2.5x parse-floor budget");
