import { chromium } from "@playwright/test";
import { makeConfig } from "./scripts/bench-configs.mjs";
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking"] });
const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
await page.addInitScript(() => {
  const L = (window.__lat = { keys: [], sends: [], recvs: [] });
  window.addEventListener("keydown", () => L.keys.push(performance.now()), true);
  const post = Worker.prototype.postMessage;
  Worker.prototype.postMessage = function (m, t) { if (m && m.type === "transpile") L.sends.push(performance.now()); return post.call(this, m, t); };
  const W = window.Worker;
  window.Worker = class extends W { constructor(u, o) { super(u, o); if (String(u).includes("transpile")) this.addEventListener("message", (e) => { if (e.data.type === "result") L.recvs.push({ at: performance.now(), ms: e.data.ms, size: (e.data.result.output ?? "").length }); }); } };
});
await page.goto("http://localhost:4204/");
await page.getByTestId("source-editor").locator(".view-lines").waitFor({ timeout: 30000 });
await page.getByTestId("open-file-input").setInputFiles({ name: "bench-m.bu", mimeType: "application/yaml", buffer: Buffer.from(makeConfig(1000, 7)) });
await page.getByTestId("output-view").locator(".view-lines").getByText('"user0"').first().waitFor();
const ed = page.getByTestId("source-editor");
await ed.locator(".view-lines").click();
await page.keyboard.press("Control+Home"); for (let i = 0; i < 4; i++) await page.keyboard.press("ArrowDown"); await page.keyboard.press("End");
await page.waitForTimeout(1000);
const rows = [];
let typed = "";
for (let i = 0; i < 40; i++) {
  typed += String.fromCharCode(97 + (i % 26));
  const idx = await page.evaluate((needle) => { const L = window.__lat; L.k = L.keys.length; L.s = L.sends.length; L.r = L.recvs.length;
    const host = document.querySelector('[data-testid="output-view"]');
    L.shown = new Promise((res) => { const o = new MutationObserver(() => { if ((host.querySelector(".view-lines")?.textContent ?? "").includes(needle)) { o.disconnect(); res(performance.now()); } }); o.observe(host, { subtree: true, childList: true, characterData: true }); });
    return 0; }, `"user0${typed}"`);
  await page.keyboard.press(typed.at(-1));
  const r = await page.evaluate(async () => { const L = window.__lat; const shown = await L.shown; return { key: L.keys[L.k], send: L.sends[L.s], recv: L.recvs[L.r]?.at, ms: L.recvs[L.r]?.ms, shown }; });
  rows.push(r);
  await page.waitForTimeout(120);
}
const med = (a) => { const s = [...a].sort((x, y) => x - y); return s[Math.floor(s.length / 2)].toFixed(1) + " p95 " + s[Math.floor(s.length * 0.95)].toFixed(1); };
console.log("key→send", med(rows.map((r) => r.send - r.key)));
console.log("send→recv", med(rows.map((r) => r.recv - r.send)), "worker ms", med(rows.map((r) => r.ms)));
console.log("recv→shown", med(rows.map((r) => r.shown - r.recv)));
console.log("total", med(rows.map((r) => r.shown - r.key)));
await browser.close();
