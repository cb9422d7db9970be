import { existsSync } from "node:fs";
import { devices, type PlaywrightTestConfig } from "@playwright/test";
import { systemChromiumPath } from "./scripts/browser.mjs";

// Debian's Chromium (or KINDLING_CHROMIUM) when present (no browser download needed), else
// Playwright's own; scripts/ensure-browser.mjs gets one before `npm test`'s e2e step.
const systemChromium = systemChromiumPath(process.env);
const useSystem = existsSync(systemChromium);

/** The one browser project both the e2e tests and the UI benchmark run in. */
export const chromiumProject: NonNullable<PlaywrightTestConfig["projects"]>[number] = {
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
};

/** Port of the preview server; KINDLING_E2E_PORT lets parallel checkouts test side by side. */
export const port = Number(process.env.KINDLING_E2E_PORT ?? 4173);
export const baseURL = `http://localhost:${port}`;

/** The production build served by `vite preview`. */
export const previewServer: PlaywrightTestConfig["webServer"] = {
  command: `npx vite preview --port ${port} --strictPort`,
  url: baseURL,
  reuseExistingServer: !process.env.CI,
};
