/** Finding or installing the e2e tests' Chromium on a fresh machine (scripts/browser.mjs). */
import { describe, expect, it } from "vitest";
import { ensureBrowser, isDebianLike, type BrowserHost } from "./browser.mjs";

const DEBIAN = 'PRETTY_NAME="Debian GNU/Linux 13 (trixie)"\nID=debian\n';
const UBUNTU = "ID=ubuntu\nID_LIKE=debian\n";
const FEDORA = "ID=fedora\n";

/** A machine with the given files; `installs` maps a command to the files it creates. */
function machine(opts: { files?: string[]; installs?: Record<string, string[]>; isRoot?: boolean; osRelease?: string | null; env?: Record<string, string> }) {
  const files = new Set(opts.files ?? []);
  const ran: string[] = [];
  const log: string[] = [];
  const host: BrowserHost = {
    exists: (p) => files.has(p),
    playwrightPath: () => "/home/u/.cache/ms-playwright/chromium-1/chrome",
    run: (cmd, args) => {
      const line = [cmd, ...args].join(" ");
      ran.push(line);
      const made = opts.installs?.[line];
      if (!made) return 1;
      for (const f of made) files.add(f);
      return 0;
    },
    isRoot: opts.isRoot ?? false,
    osRelease: opts.osRelease ?? null,
    env: opts.env ?? {},
    log: (l) => void log.push(l),
  };
  return { host, ran, log };
}

const PW = "/home/u/.cache/ms-playwright/chromium-1/chrome";

describe("ensureBrowser", () => {
  it("uses /usr/bin/chromium when present, installing nothing", () => {
    const m = machine({ files: ["/usr/bin/chromium", PW] });
    expect(ensureBrowser(m.host)).toEqual({ ok: true, kind: "system", path: "/usr/bin/chromium" });
    expect(m.ran).toEqual([]);
  });

  it("KINDLING_CHROMIUM moves the checked path (simulating a machine without /usr/bin/chromium)", () => {
    const m = machine({ files: ["/usr/bin/chromium", PW], env: { KINDLING_CHROMIUM: "/missing/chromium" } });
    expect(ensureBrowser(m.host)).toEqual({ ok: true, kind: "playwright", path: PW });
    expect(m.ran).toEqual([]);
    const own = machine({ files: ["/opt/chromium"], env: { KINDLING_CHROMIUM: "/opt/chromium" } });
    expect(ensureBrowser(own.host)).toEqual({ ok: true, kind: "system", path: "/opt/chromium" });
  });

  it("downloads Playwright's Chromium when there is none", () => {
    const m = machine({ installs: { "npx playwright install chromium": [PW] } });
    expect(ensureBrowser(m.host)).toEqual({ ok: true, kind: "playwright", path: PW });
    expect(m.ran).toEqual(["npx playwright install chromium"]);
  });

  it("falls back to apt on Debian/Ubuntu as root, and only there", () => {
    const apt = { "apt-get install -y chromium": ["/usr/bin/chromium"] };
    const deb = machine({ isRoot: true, osRelease: DEBIAN, installs: apt });
    expect(ensureBrowser(deb.host)).toEqual({ ok: true, kind: "system", path: "/usr/bin/chromium" });
    expect(deb.ran).toEqual(["npx playwright install chromium", "apt-get install -y chromium"]);
    expect(ensureBrowser(machine({ isRoot: true, osRelease: UBUNTU, installs: apt }).host).ok).toBe(true);
    for (const m of [machine({ isRoot: false, osRelease: DEBIAN, installs: apt }), machine({ isRoot: true, osRelease: FEDORA, installs: apt })]) {
      expect(ensureBrowser(m.host).ok).toBe(false);
      expect(m.ran).toEqual(["npx playwright install chromium"]);
    }
  });

  it("without any way to get one, says clearly what to run", () => {
    const m = machine({ isRoot: true, osRelease: DEBIAN, env: { KINDLING_CHROMIUM: "/missing/chromium" } });
    const r = ensureBrowser(m.host);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.message).toContain("no Chromium for the end-to-end tests");
    expect(r.message).toContain("Not found: /missing/chromium");
    expect(r.message).toContain("npx playwright install chromium");
    expect(r.message).toContain("apt-get install -y chromium");
  });

  it("reads Debian-likes from /etc/os-release", () => {
    expect(isDebianLike(DEBIAN)).toBe(true);
    expect(isDebianLike(UBUNTU)).toBe(true);
    expect(isDebianLike('ID=linuxmint\nID_LIKE="ubuntu debian"\n')).toBe(true);
    expect(isDebianLike(FEDORA)).toBe(false);
    expect(isDebianLike(null)).toBe(false);
  });
});
