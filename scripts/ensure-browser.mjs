#!/usr/bin/env node
/** Before the e2e tests: finds or installs the Chromium they need, or says what to run (scripts/browser.mjs). */
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { chromium } from "@playwright/test";
import { ensureBrowser } from "./browser.mjs";

const result = ensureBrowser({
  exists: existsSync,
  playwrightPath: () => {
    try {
      return chromium.executablePath();
    } catch {
      return null;
    }
  },
  run: (cmd, args) => spawnSync(cmd, args, { stdio: "inherit" }).status ?? 1,
  isRoot: process.getuid?.() === 0,
  osRelease: existsSync("/etc/os-release") ? readFileSync("/etc/os-release", "utf8") : null,
  env: process.env,
  log: (line) => console.log(line),
});
if (result.ok) console.log(`e2e browser: ${result.kind === "system" ? "system Chromium" : "Playwright's Chromium"} at ${result.path}`);
else {
  console.error(result.message);
  process.exitCode = 1;
}
