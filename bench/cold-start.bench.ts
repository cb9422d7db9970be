/**
 * `npm run bench:ui`, part 2: a cold start of the production build, as a first visit meets it.
 *
 * Each run opens the studio in a fresh browser context (empty HTTP cache, no stored draft) and
 * records, in page time from navigation start:
 * - first output: the Ignition output of the welcome config is on screen (the plain-text view
 *   that shows while Monaco loads, or Monaco's view);
 * - editor interactive: the Monaco source editor has rendered its lines (it takes keystrokes);
 * - bytes transferred before the editor was interactive: the encoded (gzip) bodies and headers
 *   of every response that finished by then, the workers' scripts included.
 * The median of RUNS runs is compared with the goals. Missing a goal is reported, not a failure.
 * Writes bench-results/cold-start.json. The machine's load average is recorded: on a busy machine
 * the times are mostly waiting for a core.
 */
import { mkdir, writeFile } from "node:fs/promises";
import { request as httpRequest } from "node:http";
import { cpus, loadavg } from "node:os";
import { expect, test, type Browser, type Request } from "@playwright/test";
import { cpuMs, topLevelTasks, traceEvents, type TraceFile } from "./trace.ts";

const RUNS = Number(process.env.BENCH_COLD_RUNS ?? 5);
const GOALS = { firstOutputMs: 1000, interactiveMs: 2500, bytesBeforeInteractiveKB: 1200 };

interface ColdProbe {
  firstOutput: number | null;
  interactive: number | null;
}
type ProbeWindow = Window & { __cold: ColdProbe };

/** Installed before any app script: notes when the output and the editor first show. */
function installColdProbe() {
  const probe: ColdProbe = { firstOutput: null, interactive: null };
  (window as unknown as ProbeWindow).__cold = probe;
  const check = () => {
    const now = performance.now();
    if (probe.firstOutput === null) {
      const panel = document.querySelector('[data-testid="output-panel"]');
      if (panel?.textContent?.includes('"ignition"')) {
        probe.firstOutput = now;
        performance.mark("kindling:first-output");
      }
    }
    if (probe.interactive === null && (document.querySelector('[data-testid="source-editor"] .view-lines')?.textContent ?? "") !== "") {
      probe.interactive = now;
      performance.mark("kindling:interactive");
    }
    if (probe.firstOutput !== null && probe.interactive !== null) observer.disconnect();
  };
  const observer = new MutationObserver(check);
  observer.observe(document, { subtree: true, childList: true, characterData: true });
}

/** Size of `url`'s body as the server sends it gzip-compressed, plus its headers (raw HTTP, no decoding). */
function encodedSize(url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { headers: { "accept-encoding": "gzip" } }, (res) => {
      let bytes = 0;
      res.on("data", (chunk: Buffer) => (bytes += chunk.length));
      res.on("end", () => resolve(bytes + Object.entries(res.headers).reduce((n, [k, v]) => n + k.length + String(v).length + 4, 0)));
      res.on("error", reject);
    });
    req.on("error", reject);
    req.end();
  });
}

interface Transfer {
  url: string;
  bytes: number;
  /** Page time at which the response was complete. */
  endMs: number;
}

async function coldRun(browser: Browser, origin: string) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  const page = await context.newPage();
  await page.addInitScript(installColdProbe);
  const finished: Promise<Transfer | null>[] = [];
  page.on("requestfinished", (r: Request) => {
    finished.push(
      (async () => {
        const sizes = await r.sizes();
        const t = r.timing();
        // A worker's script is fetched by the worker, outside the page's network log: Playwright
        // sees the request but not its size, so it is asked of the server the same way.
        const bytes = sizes.responseBodySize > 0 ? sizes.responseBodySize + sizes.responseHeadersSize : await encodedSize(r.url());
        return { url: new URL(r.url()).pathname, bytes, endMs: t.startTime + t.responseEnd };
      })().catch(() => null),
    );
  });
  await page.goto("/");
  await page.waitForFunction(
    () => {
      const p = (window as unknown as ProbeWindow).__cold;
      return p.firstOutput !== null && p.interactive !== null;
    },
    null,
    { timeout: 60_000 },
  );
  const probe = await page.evaluate(() => (window as unknown as ProbeWindow).__cold);
  const timeOrigin = await page.evaluate(() => performance.timeOrigin);
  // Whatever the page fetches right after (the YAML worker, fonts) is counted in the total only.
  await page.waitForTimeout(2000);
  const transfers = (await Promise.all(finished)).filter((t): t is Transfer => t !== null).map((t) => ({ ...t, endMs: t.endMs - timeOrigin }));
  await context.close();
  const interactive = probe.interactive ?? NaN;
  const before = transfers.filter((t) => t.endMs <= interactive);
  return {
    firstOutputMs: probe.firstOutput ?? NaN,
    interactiveMs: interactive,
    bytesBeforeInteractive: before.reduce((s, t) => s + t.bytes, 0),
    requestsBeforeInteractive: before.length,
    bytesTotal: transfers.reduce((s, t) => s + t.bytes, 0),
    requestsTotal: transfers.length,
    transfers: transfers.sort((a, b) => a.endMs - b.endMs).map((t) => ({ ...t, endMs: Math.round(t.endMs) })),
    origin,
  };
}

/**
 * One more cold start under a Chrome trace: the CPU time the page's main thread and the transpile
 * worker spent before the first output and before the editor was interactive. CPU time hardly
 * depends on how busy the machine is; the wall times above do.
 */
async function tracedCpu(browser: Browser) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  const page = await context.newPage();
  await page.addInitScript(installColdProbe);
  await browser.startTracing(page, { categories: ["toplevel", "blink.user_timing"] });
  await page.goto("/");
  await page.waitForFunction(() => (window as unknown as ProbeWindow).__cold.interactive !== null, null, { timeout: 60_000 });
  const events = traceEvents(JSON.parse((await browser.stopTracing()).toString("utf8")) as TraceFile);
  await context.close();
  const markAt = (name: string) => events.find((e) => e.name === name)?.ts ?? NaN;
  const pid = events.find((e) => e.name === "kindling:interactive")?.pid;
  /** CPU of the busiest thread named `thread` in the page's process, in the tasks started by `until`. */
  const cpuUntil = (thread: string, until: number) =>
    Math.max(
      0,
      ...topLevelTasks(events, (e) => e.pid === pid && e.ts <= until)
        .filter((t) => t.name === thread)
        .map((t) => cpuMs(t.tasks)),
    );
  const firstOutput = markAt("kindling:first-output");
  const interactive = markAt("kindling:interactive");
  return {
    mainCpuBeforeFirstOutputMs: Math.round(cpuUntil("CrRendererMain", firstOutput)),
    mainCpuBeforeInteractiveMs: Math.round(cpuUntil("CrRendererMain", interactive)),
    workerCpuBeforeFirstOutputMs: Math.round(cpuUntil("DedicatedWorker thread", firstOutput)),
  };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor((s.length - 1) / 2)] ?? NaN;
};
const round = (n: number) => Math.round(n);
const kb = (n: number) => Math.round((n / 1024) * 10) / 10;

test("cold start: first output, editor interactive, bytes before interactive", async ({ browser, baseURL }) => {
  const origin = baseURL ?? "http://localhost:4173";
  const load = [loadavg()[0] ?? 0];
  const runs: Awaited<ReturnType<typeof coldRun>>[] = [];
  for (let i = 0; i < RUNS; i++) {
    runs.push(await coldRun(browser, origin));
    load.push(loadavg()[0] ?? 0);
  }
  const cpu = await tracedCpu(browser);
  for (const r of runs) {
    expect(r.firstOutputMs, "the output showed").toBeGreaterThan(0);
    expect(r.interactiveMs, "the editor showed").toBeGreaterThan(0);
  }
  const firstOutput = median(runs.map((r) => r.firstOutputMs));
  const interactive = median(runs.map((r) => r.interactiveMs));
  const bytes = median(runs.map((r) => r.bytesBeforeInteractive));
  const results = {
    date: new Date().toISOString(),
    chromium: browser.version(),
    machine: { cores: cpus().length, loadAverage1m: load.map((l) => Math.round(l * 100) / 100) },
    runs: RUNS,
    medians: {
      firstOutputMs: round(firstOutput),
      interactiveMs: round(interactive),
      bytesBeforeInteractive: bytes,
      bytesTotal: median(runs.map((r) => r.bytesTotal)),
    },
    tracedRunCpu: cpu,
    perRun: runs.map((r) => ({
      firstOutputMs: round(r.firstOutputMs),
      interactiveMs: round(r.interactiveMs),
      bytesBeforeInteractive: r.bytesBeforeInteractive,
      requestsBeforeInteractive: r.requestsBeforeInteractive,
      bytesTotal: r.bytesTotal,
      requestsTotal: r.requestsTotal,
    })),
    lastRunTransfers: runs.at(-1)?.transfers,
    goals: {
      firstOutput: { goalMs: GOALS.firstOutputMs, met: firstOutput <= GOALS.firstOutputMs },
      interactive: { goalMs: GOALS.interactiveMs, met: interactive <= GOALS.interactiveMs },
      bytesBeforeInteractive: { goalKB: GOALS.bytesBeforeInteractiveKB, met: bytes <= GOALS.bytesBeforeInteractiveKB * 1024 },
    },
  };
  await mkdir("bench-results", { recursive: true });
  await writeFile("bench-results/cold-start.json", JSON.stringify(results, null, 2) + "\n");

  const mark = (met: boolean) => (met ? "ok" : "MISSED");
  const spread = (f: (r: (typeof runs)[number]) => number) => runs.map((r) => round(f(r))).join(" / ");
  console.log(
    [
      "",
      `Kindling cold start: ${RUNS} fresh contexts, Chromium ${results.chromium}, ${results.machine.cores} cores, load ${results.machine.loadAverage1m.join(" → ")}`,
      `first output visible          ${round(firstOutput)} ms (runs ${spread((r) => r.firstOutputMs)})   goal ≤ ${GOALS.firstOutputMs} ms   ${mark(results.goals.firstOutput.met)}`,
      `editor interactive            ${round(interactive)} ms (runs ${spread((r) => r.interactiveMs)})   goal ≤ ${GOALS.interactiveMs} ms   ${mark(results.goals.interactive.met)}`,
      `transferred before interactive ${kb(bytes)} KB (runs ${spread((r) => r.bytesBeforeInteractive / 1024)} KB)   goal ≤ ${GOALS.bytesBeforeInteractiveKB} KB   ${mark(results.goals.bytesBeforeInteractive.met)}`,
      `transferred in all (2 s later) ${kb(results.medians.bytesTotal)} KB`,
      `traced run, CPU time: main thread ${cpu.mainCpuBeforeFirstOutputMs} ms before the first output, ${cpu.mainCpuBeforeInteractiveMs} ms before interactive; transpile worker ${cpu.workerCpuBeforeFirstOutputMs} ms before the first output`,
      "last run, before interactive: " +
        (runs
          .at(-1)
          ?.transfers.filter((t) => t.endMs <= (runs.at(-1)?.interactiveMs ?? 0))
          .map((t) => `${t.url} ${kb(t.bytes)} KB @${t.endMs}`)
          .join(", ") ?? ""),
      "last run, after: " +
        (runs
          .at(-1)
          ?.transfers.filter((t) => t.endMs > (runs.at(-1)?.interactiveMs ?? 0))
          .map((t) => `${t.url} ${kb(t.bytes)} KB @${t.endMs}`)
          .join(", ") ?? ""),
      "written to bench-results/cold-start.json",
      "",
    ].join("\n"),
  );
});
