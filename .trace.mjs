import { chromium } from "@playwright/test";
import { makeConfig } from "./scripts/bench-configs.mjs";
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking"] });
const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
await page.goto("http://localhost:4204/");
await page.getByTestId("source-editor").locator(".view-lines").waitFor({ timeout: 30000 });
await page.getByTestId("open-file-input").setInputFiles({ name: "bench-m.bu", mimeType: "application/yaml", buffer: Buffer.from(makeConfig(1000, 7)) });
await page.getByTestId("output-view").locator(".view-lines").getByText('"user0"').first().waitFor();
const ed = page.getByTestId("source-editor");
await ed.locator(".view-lines").click();
await page.keyboard.press("Control+Home"); for (let i = 0; i < 4; i++) await page.keyboard.press("ArrowDown"); await page.keyboard.press("End");
await page.waitForTimeout(1000);
const N = 30;
await browser.startTracing(page, { categories: ["devtools.timeline", "disabled-by-default-devtools.timeline", "v8", "blink", "toplevel"] });
let typed = "";
for (let i = 0; i < N; i++) {
  typed += "x";
  await page.keyboard.press("x");
  await page.getByTestId("output-view").locator(".view-lines").getByText(`"user0${typed}"`).first().waitFor();
  await page.waitForTimeout(120);
}
const trace = JSON.parse((await browser.stopTracing()).toString());
const ev = trace.traceEvents;
const names = new Map(ev.filter(e => e.name === "thread_name").map(e => [`${e.pid}:${e.tid}`, e.args.name]));
// main renderer thread = CrRendererMain with most events
const counts = new Map();
for (const e of ev) { const k = `${e.pid}:${e.tid}`; if (names.get(k) === "CrRendererMain") counts.set(k, (counts.get(k) ?? 0) + 1); }
const main = [...counts].sort((a,b)=>b[1]-a[1])[0][0];
const agg = new Map();
for (const e of ev) { if (`${e.pid}:${e.tid}` !== main || e.ph !== "X") continue; const k = e.name; const a = agg.get(k) ?? { wall: 0, cpu: 0, n: 0 }; a.wall += (e.dur ?? 0)/1000; a.cpu += (e.tdur ?? 0)/1000; a.n++; agg.set(k, a); }
for (const [k, a] of [...agg].sort((x,y)=>y[1].cpu-x[1].cpu).slice(0, 40)) console.log(`${(a.cpu/N).toFixed(2).padStart(7)} ms cpu/key ${(a.wall/N).toFixed(2).padStart(7)} wall/key  n=${a.n}  ${k}`);
await browser.close();
