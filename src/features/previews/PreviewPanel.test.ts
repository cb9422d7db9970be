import { readdirSync, readFileSync } from "node:fs";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { PreviewPanel } from "./PreviewPanel.tsx";
import { anything, garbageInputs, ignitionish } from "./garbage.test-helpers.ts";

const render = (config: unknown) => renderToStaticMarkup(createElement(PreviewPanel, { config }));

const HASH = "$y$j9T$secretsecret$hashhashhash";

const config = {
  ignition: { version: "3.5.0" },
  passwd: {
    users: [{ name: "core", passwordHash: HASH, sshAuthorizedKeys: ["ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI... user@example"] }],
  },
  storage: {
    disks: [{ device: "/dev/vdb", wipeTable: true, partitions: [{ label: "<img src=x onerror=alert(1)>", number: 1, sizeMiB: 0 }] }],
    filesystems: [{ device: "/dev/vdb1", format: "xfs", path: "/var/lib/data" }],
    files: [{ path: "/etc/hostname", mode: 420, contents: { source: "data:,%3Cscript%3Ealert(1)%3C%2Fscript%3E" } }],
  },
  systemd: { units: [{ name: "rpm-ostree-countme.timer", enabled: false, mask: true }] },
};

describe("PreviewPanel", () => {
  it("shows an empty state without a config", () => {
    expect(render(null)).toContain("No Ignition output to preview yet");
  });

  it("renders all four sections with headings and labelled bars", () => {
    const html = render(config);
    for (const h of ["Disks", "Users", "Units", "Files"]) expect(html).toMatch(new RegExp(`<h2[^>]*>${h}</h2>`));
    expect(html).toContain('role="img"');
    expect(html).toContain('aria-label="Partition layout of /dev/vdb: #1, &lt;img src=x onerror=alert(1)&gt;, rest of disk');
    expect(html).toContain("masked");
    expect(html).toContain("-rw-r--r--");
    expect(html).toContain("/var/lib/data");
  });

  it("renders empty states per section", () => {
    const html = render({ ignition: { version: "3.5.0" } });
    expect(html).toContain("No disks, RAID arrays");
    expect(html).toContain("No users or groups");
    expect(html).toContain("No systemd units.");
    expect(html).toContain("No files, directories or links.");
  });

  it("escapes config strings and never shows a password hash", () => {
    const html = render(config);
    expect(html).not.toContain("<img src=x");
    expect(html).not.toContain("<script>");
    expect(html).toContain("&lt;script&gt;");
    expect(html).not.toContain("secretsecret");
  });

  it("uses no raw HTML injection anywhere in the feature", () => {
    const dir = new URL(".", import.meta.url);
    for (const f of readdirSync(dir).filter((n) => n.endsWith(".tsx"))) {
      expect(readFileSync(new URL(f, dir), "utf8"), f).not.toContain("dangerouslySetInnerHTML");
    }
  });

  it.each(garbageInputs)("renders garbage without throwing: $name", ({ input }) => {
    expect(render(input)).toContain('data-testid="preview-panel"');
  });

  it("renders random input without throwing", () => {
    fc.assert(
      fc.property(fc.oneof(ignitionish, anything), (input) => render(input).includes("preview-panel")),
      { numRuns: 200 },
    );
  });
});
