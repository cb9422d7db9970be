import { chromium } from "@playwright/test";
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu"] });
const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
await page.goto("http://localhost:4204/");
await page.getByTestId("source-editor").locator(".view-lines").waitFor({ timeout: 30000 });
for (const w of (process.argv[2] ?? "390,800,1024,1280").split(",").map(Number)) {
  await page.setViewportSize({ width: w, height: w < 500 ? 844 : 800 });
  await page.waitForTimeout(500);
  await page.screenshot({ path: `/tmp/uxs/shot-${w}.png` });
  console.log(w, await page.evaluate(() => [document.documentElement.scrollWidth, innerWidth]));
}
await browser.close();
