/**
 * Which Chromium the end-to-end tests use, and getting one on a fresh machine (run by
 * scripts/ensure-browser.mjs before `npm test`'s e2e step). In order: the system's Chromium
 * (KINDLING_CHROMIUM, default /usr/bin/chromium; playwright.shared.ts launches it), Playwright's
 * own download, `npx playwright install chromium`, and on Debian/Ubuntu as root
 * `apt-get install -y chromium`; else one message saying what to run. The host's checks and
 * commands are passed in, so the decisions are testable without touching the machine.
 */

/** The system Chromium path the tests use when it exists. */
export const DEFAULT_SYSTEM_CHROMIUM = "/usr/bin/chromium";

/** The system Chromium path, overridable with KINDLING_CHROMIUM. */
export function systemChromiumPath(env) {
  return env.KINDLING_CHROMIUM || DEFAULT_SYSTEM_CHROMIUM;
}

/** Whether /etc/os-release's text names Debian or Ubuntu (or a derivative). */
export function isDebianLike(osRelease) {
  return /^(ID|ID_LIKE)=.*\b(debian|ubuntu)\b/m.test(osRelease ?? "");
}

/** The message when no browser can be had. */
export function noBrowserMessage(systemPath) {
  return [
    "npm test: no Chromium for the end-to-end tests.",
    `  Not found: ${systemPath} (the system Chromium; set KINDLING_CHROMIUM to use another binary)`,
    "  nor Playwright's own Chromium, and installing one failed. Install one, then run npm test again:",
    "    npx playwright install chromium      # Playwright's Chromium (downloads it)",
    "    sudo apt-get install -y chromium     # or, on Debian/Ubuntu, the system's",
  ].join("\n");
}

/**
 * Finds or installs a browser. `host`: exists(path), playwrightPath() (Playwright's own Chromium
 * path), run(cmd, args) → exit code, isRoot, osRelease (text or null), env, log(line).
 * Returns { ok: true, kind: "system" | "playwright", path } or { ok: false, message }.
 */
export function ensureBrowser(host) {
  const system = systemChromiumPath(host.env);
  const found = () => {
    if (host.exists(system)) return { ok: true, kind: "system", path: system };
    const own = host.playwrightPath();
    if (own && host.exists(own)) return { ok: true, kind: "playwright", path: own };
    return null;
  };
  const first = found();
  if (first) return first;
  host.log(`No Chromium at ${system} nor Playwright's own; trying: npx playwright install chromium`);
  if (host.run("npx", ["playwright", "install", "chromium"]) === 0) {
    const got = found();
    if (got) return got;
  }
  if (host.isRoot && isDebianLike(host.osRelease)) {
    host.log("Trying: apt-get install -y chromium");
    if (host.run("apt-get", ["install", "-y", "chromium"]) === 0) {
      const got = found();
      if (got) return got;
    }
  }
  return { ok: false, message: noBrowserMessage(system) };
}
