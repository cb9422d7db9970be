import { defineConfig } from "@playwright/test";
import { baseURL, chromiumProject, previewServer } from "./playwright.shared.ts";

// `npm run bench:ui`: the UI benchmark (bench/*.bench.ts) against the production build, in the same
// browser as the e2e tests. One worker so nothing else competes for the CPU while it measures.

export default defineConfig({
  testDir: "bench",
  testMatch: "*.bench.ts",
  workers: 1,
  fullyParallel: false,
  retries: 0,
  reporter: "list",
  timeout: 300_000,
  expect: { timeout: 30_000 },
  use: {
    baseURL,
    viewport: { width: 1280, height: 720 },
    trace: "off",
    // Measures the app, not the service worker's precache downloads (see playwright.config.ts).
    serviceWorkers: "block",
  },
  projects: [chromiumProject],
  webServer: previewServer,
});
