// npm run fuzz: feeds generated inputs (scripts/fuzz-inputs.mjs: mutated conformance inputs,
// random YAML, random text) to the transpiler, in Node (the bundled dist-cli/transpiler.js, in a
// worker thread with a heap cap and a hang watchdog) and then, a smaller batch, to the real
// transpile worker of the built app in Chromium. A failure is an exception, a result without
// output or error, unparseable output, an input taking over 2 s, a hang or running out of memory.
//
//   node scripts/fuzz.mjs [--seed 1] [--time 300] [--count N] [--browser-share 0.1]
//                         [--browser-count N] [--no-browser] [--heap-mb 1024]
//
// Failing inputs are written to test-results/fuzz/<seed>-<index>.bu; the exit code is 1 when any.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import { dirname, extname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { Worker, isMainThread, parentPort, workerData } from "node:worker_threads";
import { getHeapStatistics } from "node:v8";
import { checkResult, fuzzInput, keysOf, versionsOf } from "./fuzz-inputs.mjs";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const SLOW_MS = 2000;
/** A worker that has not moved on for this long is stuck in one input. */
const HANG_MS = 10_000;

function loadCorpus() {
  const cases = resolve(ROOT, "../shared/conformance/cases");
  const out = [];
  if (existsSync(cases)) {
    for (const name of readdirSync(cases).sort()) {
      const file = join(cases, name, "input.bu");
      if (existsSync(file)) out.push(readFileSync(file, "utf8"));
    }
  }
  const templates = join(ROOT, "public/templates");
  if (existsSync(templates)) for (const f of readdirSync(templates).sort()) out.push(readFileSync(join(templates, f), "utf8"));
  return out;
}

// ---------------------------------------------------------------------------------------------
// Node: the loop in a worker thread.

async function nodeLoop({ seed, from, to, deadline, corpusFile, progress }) {
  const { transpile, listSpecs } = await import(pathToFileURL(join(ROOT, "dist-cli/transpiler.js")).href);
  const corpus = JSON.parse(readFileSync(corpusFile, "utf8"));
  const keys = keysOf(corpus);
  const versions = versionsOf(listSpecs());
  const at = new Int32Array(progress);
  let peakHeap = 0;
  let slowest = { ms: 0, index: -1 };
  for (let i = from; i < to && Date.now() < deadline; i++) {
    Atomics.store(at, 0, i);
    const source = fuzzInput(seed, i, corpus, keys, versions);
    const t = performance.now();
    let problem;
    try {
      problem = checkResult(transpile(source, { pretty: true }));
    } catch (e) {
      problem = `threw ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`;
    }
    const ms = performance.now() - t;
    if (ms > slowest.ms) slowest = { ms, index: i };
    if (problem === null && ms > SLOW_MS) problem = `took ${ms.toFixed(0)} ms`;
    if (problem !== null) parentPort.postMessage({ type: "failure", index: i, problem, ms });
    if ((i & 7) === 0) peakHeap = Math.max(peakHeap, getHeapStatistics().used_heap_size);
    Atomics.store(at, 1, i + 1);
  }
  parentPort.postMessage({ type: "done", peakHeap, slowest });
}

/** Runs indices [from, to) until `deadline`, restarting past a hang or an out-of-memory. */
async function runNode({ seed, count, deadline, corpus, heapMb, onFailure }) {
  const corpusFile = join(ROOT, "test-results/fuzz/corpus.json");
  writeFileSync(corpusFile, JSON.stringify(corpus));
  const stats = { ran: 0, peakHeap: 0, slowest: { ms: 0, index: -1 } };
  let from = 0;
  while (from < count && Date.now() < deadline) {
    const progress = new SharedArrayBuffer(8);
    const at = new Int32Array(progress);
    Atomics.store(at, 0, from);
    Atomics.store(at, 1, from);
    const worker = new Worker(fileURLToPath(import.meta.url), {
      workerData: { seed, from, to: count, deadline, corpusFile, progress },
      resourceLimits: { maxOldGenerationSizeMb: heapMb },
    });
    const outcome = await new Promise((resolveRun) => {
      let last = from;
      let lastMove = Date.now();
      const timer = setInterval(() => {
        const now = Atomics.load(at, 0);
        if (now !== last) {
          last = now;
          lastMove = Date.now();
        } else if (Date.now() - lastMove > HANG_MS) {
          clearInterval(timer);
          void worker.terminate();
          resolveRun({ kind: "hang", index: now });
        }
      }, 250);
      worker.on("message", (m) => {
        if (m.type === "failure") onFailure("node", m.index, m.problem);
        if (m.type === "done") {
          clearInterval(timer);
          stats.peakHeap = Math.max(stats.peakHeap, m.peakHeap);
          if (m.slowest.ms > stats.slowest.ms) stats.slowest = m.slowest;
          resolveRun({ kind: "done" });
        }
      });
      worker.on("error", (e) => {
        clearInterval(timer);
        resolveRun({
          kind: "error",
          index: Atomics.load(at, 0),
          message: e.code === "ERR_WORKER_OUT_OF_MEMORY" ? `out of memory (heap cap ${heapMb} MB)` : String(e),
        });
      });
    });
    if (outcome.kind === "done") {
      stats.ran = Atomics.load(at, 1);
      break;
    }
    onFailure("node", outcome.index, outcome.kind === "hang" ? `no answer after ${HANG_MS / 1000} s` : outcome.message);
    stats.peakHeap = Math.max(stats.peakHeap, heapMb * 1024 * 1024);
    from = outcome.index + 1;
    stats.ran = from;
  }
  return stats;
}

// ---------------------------------------------------------------------------------------------
// Chromium: the built transpile worker, driven from a blank same-origin page.

function serveDist() {
  const dist = join(ROOT, "dist");
  const types = { ".js": "text/javascript", ".html": "text/html", ".css": "text/css", ".json": "application/json" };
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname);
    if (path === "/__fuzz") {
      res.writeHead(200, { "content-type": "text/html" });
      return res.end("<!doctype html><title>fuzz</title>");
    }
    const file = join(dist, path);
    if (!file.startsWith(dist) || !existsSync(file)) {
      res.writeHead(404);
      return res.end();
    }
    res.writeHead(200, { "content-type": types[extname(file)] ?? "application/octet-stream" });
    res.end(readFileSync(file));
  });
  return new Promise((ok) => server.listen(0, "127.0.0.1", () => ok(server)));
}

/** In the page: transpiles each input in the worker, replacing it after a timeout or an error. */
function pageBatch({ workerUrl, inputs, first, timeoutMs }) {
  const w = globalThis; // the page's window (this function runs in Chromium)
  const spawn = () => {
    w.__fuzzWorker?.terminate();
    w.__fuzzWorker = new Worker(workerUrl, { type: "module" });
  };
  if (!w.__fuzzWorker) spawn();
  const one = (source, id) =>
    new Promise((ok) => {
      const worker = w.__fuzzWorker;
      const t0 = performance.now();
      const timer = setTimeout(() => {
        spawn();
        ok({ id, problem: `no answer within ${timeoutMs} ms` });
      }, timeoutMs);
      worker.onmessage = (ev) => {
        const m = ev.data;
        if (m.type !== "result" && m.type !== "crash") return;
        if (m.id !== id) return;
        clearTimeout(timer);
        const ms = performance.now() - t0;
        if (m.type === "crash") return ok({ id, ms, problem: `crash: ${m.message}` });
        const r = m.result;
        let outputOk = true;
        if (r.output !== null && r.outputFormat === "json") {
          try {
            JSON.parse(r.output);
          } catch {
            outputOk = false;
          }
        }
        ok({
          id,
          ms,
          result: {
            output: r.output === null ? null : outputOk ? (r.outputFormat === "json" ? "{}" : r.output.slice(0, 40)) : "not json",
            outputFormat: r.outputFormat,
            failure: r.failure,
            diagnostics: r.diagnostics.map((d) => ({ severity: d.severity, message: d.message })),
          },
        });
      };
      worker.onerror = (ev) => {
        clearTimeout(timer);
        ev.preventDefault();
        spawn();
        ok({ id, problem: `worker error: ${ev.message}` });
      };
      worker.postMessage({ type: "transpile", id, source, options: { strict: false, pretty: true, raw: false } });
    });
  return (async () => {
    const out = [];
    for (let k = 0; k < inputs.length; k++) out.push(await one(inputs[k], first + k));
    return out;
  })();
}

async function runBrowser({ seed, offset, count, deadline, corpus, onFailure }) {
  const { chromium } = await import("@playwright/test");
  const assets = join(ROOT, "dist/assets");
  const workerFile = existsSync(assets) ? readdirSync(assets).find((f) => /^transpile\.worker-.*\.js$/.test(f)) : undefined;
  if (!workerFile) throw new Error("dist/ has no transpile worker: run `npm run build` first");
  const server = await serveDist();
  const base = `http://127.0.0.1:${server.address().port}`;
  const system = "/usr/bin/chromium";
  const browser = await chromium.launch(existsSync(system) ? { executablePath: system, args: ["--no-sandbox", "--disable-gpu"] } : {});
  const keys = keysOf(corpus);
  const versions = await specVersions();
  const stats = { ran: 0, slowest: { ms: 0, index: -1 } };
  try {
    const page = await browser.newPage();
    await page.goto(`${base}/__fuzz`);
    const BATCH = 50;
    for (let i = 0; i < count && Date.now() < deadline; i += BATCH) {
      const n = Math.min(BATCH, count - i);
      const first = offset + i;
      const inputs = Array.from({ length: n }, (_, k) => fuzzInput(seed, first + k, corpus, keys, versions));
      const results = await page.evaluate(pageBatch, { workerUrl: `${base}/assets/${workerFile}`, inputs, first, timeoutMs: SLOW_MS * 2 });
      for (const r of results) {
        const problem = r.problem ?? checkResult(r.result) ?? (r.ms > SLOW_MS ? `took ${r.ms.toFixed(0)} ms` : null);
        if (r.ms > stats.slowest.ms) stats.slowest = { ms: r.ms, index: r.id };
        if (problem !== null) onFailure("chromium", r.id, problem);
      }
      stats.ran += n;
    }
  } finally {
    await browser.close();
    server.close();
  }
  return stats;
}

// ---------------------------------------------------------------------------------------------

function parseArgs(argv) {
  const opts = { seed: 1, time: 300, count: Infinity, browserShare: 0.1, browserCount: undefined, browser: true, heapMb: 1024 };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const next = () => Number(argv[++i]);
    if (a === "--seed") opts.seed = next();
    else if (a === "--time") opts.time = next();
    else if (a === "--count") opts.count = next();
    else if (a === "--browser-share") opts.browserShare = next();
    else if (a === "--browser-count") opts.browserCount = next();
    else if (a === "--no-browser") opts.browser = false;
    else if (a === "--heap-mb") opts.heapMb = next();
    else throw new Error(`unknown option ${a}`);
  }
  return opts;
}

/** The spec versions the inputs use, from the built transpiler. */
async function specVersions() {
  const { listSpecs } = await import(pathToFileURL(join(ROOT, "dist-cli/transpiler.js")).href);
  return versionsOf(listSpecs());
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  if (!existsSync(join(ROOT, "dist-cli/transpiler.js"))) throw new Error("dist-cli/transpiler.js is missing: run `npm run build:cli` first");
  mkdirSync(join(ROOT, "test-results/fuzz"), { recursive: true });
  const corpus = loadCorpus();
  if (corpus.length === 0) throw new Error("no corpus: neither ../shared/conformance nor public/templates");
  const start = Date.now();
  const browserShare = opts.browser ? opts.browserShare : 0;
  const nodeDeadline = start + opts.time * 1000 * (1 - browserShare);
  const failures = [];
  const versions = await specVersions();
  const onFailure = (where, index, problem) => {
    const source = fuzzInput(opts.seed, index, corpus, keysOf(corpus), versions);
    writeFileSync(join(ROOT, `test-results/fuzz/${opts.seed}-${index}.bu`), source);
    failures.push({ where, index, problem });
    console.log(`FAIL [${where}] seed ${opts.seed} input ${index}: ${problem.split("\n")[0]}`);
  };

  console.log(`fuzz: seed ${opts.seed}, ${corpus.length} corpus configs, budget ${opts.time} s`);
  const node = await runNode({ seed: opts.seed, count: opts.count, deadline: nodeDeadline, corpus, heapMb: opts.heapMb, onFailure });
  const nodeSecs = (Date.now() - start) / 1000;
  console.log(
    `node: ${node.ran} inputs in ${nodeSecs.toFixed(0)} s, peak heap ${(node.peakHeap / 2 ** 20).toFixed(0)} MB, slowest ${node.slowest.ms.toFixed(0)} ms (input ${node.slowest.index})`,
  );

  let browser = { ran: 0, slowest: { ms: 0, index: -1 } };
  if (opts.browser) {
    const t = Date.now();
    // Browser inputs continue the Node sequence, so both halves together cover distinct inputs.
    const count = opts.browserCount ?? (Number.isFinite(opts.count) ? Math.max(50, Math.round(opts.count * opts.browserShare)) : Infinity);
    browser = await runBrowser({ seed: opts.seed, offset: node.ran, count, deadline: start + opts.time * 1000, corpus, onFailure });
    console.log(
      `chromium worker: ${browser.ran} inputs in ${((Date.now() - t) / 1000).toFixed(0)} s, slowest ${browser.slowest.ms.toFixed(0)} ms (input ${browser.slowest.index})`,
    );
  }

  const summary = { seed: opts.seed, corpus: corpus.length, node, browser, failures, seconds: (Date.now() - start) / 1000 };
  writeFileSync(join(ROOT, "test-results/fuzz/summary.json"), JSON.stringify(summary, null, 2));
  console.log(`total: ${node.ran + browser.ran} inputs, ${failures.length} failures${failures.length ? " (inputs in test-results/fuzz/)" : ""}`);
  process.exitCode = failures.length > 0 ? 1 : 0;
}

if (isMainThread) await main();
else await nodeLoop(workerData);
