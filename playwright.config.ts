import { defineConfig } from "@playwright/test";
import { baseURL, chromiumProject, previewServer } from "./playwright.shared.ts";

export default defineConfig({
  testDir: "e2e",
  testMatch: "*.spec.ts",
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  retries: process.env.CI ? 1 : 0,
  reporter: process.env.CI ? [["list"], ["html", { open: "never" }]] : "list",
  // Generous: Monaco's first load is CPU-bound, and CI machines are often busy.
  timeout: 60_000,
  expect: { timeout: 15_000 },
  use: {
    baseURL,
    viewport: { width: 1280, height: 720 },
    trace: "retain-on-failure",
    // The studio's service worker (offline use) is tested in e2e/offline.spec.ts alone, which
    // allows it. Elsewhere it would precache the whole app in the background of every test (CPU
    // and bandwidth on a busy machine), and a page it controls could bypass page.route().
    serviceWorkers: "block",
  },
  projects: [chromiumProject],
  webServer: previewServer,
});
