import { existsSync } from "node:fs";
import { defineConfig, devices } from "@playwright/test";

// `npm run bench:ui`: the UI benchmark (bench/*.bench.ts) against the production build, in the same
// browser as the e2e tests. One worker so nothing else competes for the CPU while it measures.
const systemChromium = "/usr/bin/chromium";
const useSystem = existsSync(systemChromium);

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
    baseURL: "http://localhost:4173",
    viewport: { width: 1280, height: 720 },
    trace: "off",
  },
  projects: [
    {
      name: "chromium",
      use: {
        ...devices["Desktop Chrome"],
        viewport: { width: 1280, height: 720 },
        launchOptions: useSystem
          ? {
              executablePath: systemChromium,
              args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
            }
          : {},
      },
    },
  ],
  webServer: {
    command: "npx vite preview --port 4173 --strictPort",
    url: "http://localhost:4173",
    reuseExistingServer: !process.env.CI,
  },
});
