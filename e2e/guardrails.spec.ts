/**
 * Guardrails in the studio: the target guard with its "move to the newest spec the target reads"
 * fix, and the user-data size meter with the pointer-config remedy (both files downloaded and
 * checked). One page for the whole file (serial): loading Monaco is the expensive part.
 */
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { expect, test, type Download, type Page } from "@playwright/test";
import { transpile } from "../src/transpiler/index.ts";
import { monacoText, setEditorText, waitForEditor, waitUpToDate } from "./helpers.ts";

test.describe.configure({ mode: "serial" });

let page: Page;
const shots = "test-results/guardrails";

test.beforeAll(async ({ browser }) => {
  page = await browser.newPage({ acceptDownloads: true });
  await page.goto("/");
  await waitForEditor(page);
});

test.afterAll(async () => {
  await page.close();
});

const problems = () => page.getByTestId("problems-panel");

test("the target guard: FCOS stable cannot read an experimental spec; the fix moves the version", async () => {
  await setEditorText(
    page,
    "# web server\nvariant: fcos\nversion: 1.8.0-experimental # try the new spec\nsystemd:\n  units:\n    - name: hello.service\n      enabled: true\n      contents: |\n        [Service]\n        Type=oneshot\n        ExecStart=/usr/bin/echo hello\n        Restrat=no\n        [Install]\n        WantedBy=multi-user.target\n",
  );
  await page.getByTestId("target-picker").selectOption("fcos-stable");
  await page.getByRole("tab", { name: /Problems/ }).click();
  const row = problems().locator('li[data-code="target-spec-too-new"]');
  await expect(row).toContainText("Fedora CoreOS stable cannot read this config");
  await expect(row).toContainText("Kindling");
  await expect(row).toContainText("target-spec-too-new");
  // The unit lint shows beside it, marked as Kindling's, with its code.
  await expect(problems().locator('li[data-code="systemd-unknown-directive"]')).toContainText("Did you mean Restart=?");
  // Monaco marks the version value and the misspelled key.
  await expect(page.getByTestId("source-editor").locator(".squiggly-error")).not.toHaveCount(0);
  await page.screenshot({ path: `${shots}/problems-with-findings.png` });

  await row.getByRole("button", { name: "Use fcos 1.7.0" }).click();
  await expect.poll(() => monacoText(page, "source-editor")).toContain("version: 1.7.0 # try the new spec");
  await waitUpToDate(page);
  await expect(problems().locator('li[data-code="target-spec-too-new"]')).toHaveCount(0);
  await expect(page.getByTestId("status-line")).toContainText("Ignition 3.6.0");
  // The choice is kept in this browser.
  expect(await page.evaluate(() => localStorage.getItem("kindling.target"))).toBe("fcos-stable");
});

/** A config whose pretty output is `bytes` long (a data URL of the right length). */
function sizedConfig(bytes: number): string {
  const make = (n: number) =>
    `variant: fcos\nversion: 1.6.0\nstorage:\n  files:\n    - path: /opt/blob\n      contents:\n        source: "data:,${"a".repeat(n)}"\n`;
  const base = Buffer.byteLength(transpile(make(0), { pretty: true }).output!);
  const src = make(bytes - base);
  expect(Buffer.byteLength(transpile(src, { pretty: true }).output!)).toBe(bytes);
  return src;
}

test("the size meter turns red at AWS's limit; the pointer config downloads both files", async () => {
  await page.getByTestId("platform-picker").selectOption("aws");
  const meter = page.getByTestId("size-meter");

  await setEditorText(page, sizedConfig(16384));
  await waitUpToDate(page);
  await expect(meter).toContainText("16.0 / 16.0 KiB");
  await expect(meter).toHaveAttribute("data-over", "false");

  await setEditorText(page, sizedConfig(16385));
  await waitUpToDate(page);
  await expect(meter).toHaveAttribute("data-over", "true");
  await expect(meter.locator(".k-size-text")).toHaveCSS("color", /rgb\(198, 40, 40\)|rgb\(255, 123, 123\)/);
  await expect(page.getByTestId("output-size")).toHaveCount(0);
  await page.screenshot({ path: `${shots}/status-meter-over.png` });
  await page.getByTestId("status-line").screenshot({ path: `${shots}/status-line.png` });

  const row = problems().locator('li[data-code="size-over-limit"]');
  await expect(row).toContainText("over AWS EC2's user-data limit of 16384 bytes");
  await row.getByRole("button", { name: "Pointer config…" }).click();
  const dialog = page.getByTestId("pointer-dialog");
  await expect(dialog).toBeVisible();
  await dialog.getByTestId("pointer-url").fill("not a url");
  await expect(dialog.getByRole("alert")).toContainText("full URL");
  await dialog.getByTestId("pointer-url").fill("https://configs.example.com/node.ign");
  await expect(dialog.getByTestId("pointer-preview")).toContainText("sha512-");
  await page.screenshot({ path: `${shots}/pointer-dialog.png` });

  const downloads: Download[] = [];
  const two = new Promise<void>((resolve) => {
    page.on("download", (d) => {
      downloads.push(d);
      if (downloads.length === 2) resolve();
    });
  });
  await dialog.getByRole("button", { name: "Download both files" }).click();
  await two;
  const files = new Map<string, string>();
  for (const d of downloads) files.set(d.suggestedFilename(), await readFile((await d.path())!, "utf8"));
  expect([...files.keys()].sort()).toEqual(["config.ign", "config.pointer.ign"]);

  const full = files.get("config.ign")!;
  expect(full).toBe(transpile(sizedConfig(16385), { pretty: true }).output);
  const pointer = JSON.parse(files.get("config.pointer.ign")!);
  expect(pointer).toEqual({
    ignition: {
      config: {
        replace: { source: "https://configs.example.com/node.ign", verification: { hash: `sha512-${createHash("sha512").update(full).digest("hex")}` } },
      },
      version: "3.5.0",
    },
  });
  // The pointer itself fits the limit by far.
  expect(Buffer.byteLength(files.get("config.pointer.ign")!)).toBeLessThan(1024);
  await dialog.getByRole("button", { name: "Close" }).click();
  await expect(dialog).toBeHidden();
});
