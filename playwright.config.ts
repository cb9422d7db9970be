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
  },
  projects: [chromiumProject],
  webServer: previewServer,
});
