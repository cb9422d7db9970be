import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { transpile } from "../src/transpiler/index.ts";
import { monacoText, setEditorText, waitForEditor, waitUpToDate } from "./helpers.ts";

const base = (body: string) => `variant: fcos\nversion: 1.6.0\n${body}`;

test.beforeEach(async ({ page }) => {
  await page.goto("/");
  await waitForEditor(page);
});

test("the welcome config transpiles", async ({ page }) => {
  await waitUpToDate(page);
  await expect(page.getByTestId("status-state")).toHaveText("up to date");
  // The default spec is the newest one Fedora CoreOS stable reads (src/app/default-config.ts).
  await expect(page.getByTestId("status-line")).toContainText("fcos 1.7.0");
  await expect(page.getByTestId("status-line")).toContainText("Ignition 3.6.0");
  await expect(page.getByTestId("output-view")).toContainText('"version": "3.6.0"');
  // Its example SSH key is a placeholder to replace: Kindling says so (and nothing else).
  await expect(page.getByRole("tab", { name: /Problems/ })).toHaveAccessibleName("Problems: 1 warning");
});

test("typing a config updates the output", async ({ page }) => {
  await setEditorText(page, base("storage:\n  files:\n    - path: /etc/hostname\n      contents:\n        inline: typed-host-1\n"));
  await expect(page.getByTestId("output-view")).toContainText("typed-host-1");
  // Typing key by key (Monaco's auto-indent on) keeps it updating.
  await page.keyboard.press("ControlOrMeta+End");
  await page.keyboard.press("Backspace");
  await page.keyboard.press("Backspace");
  await page.keyboard.type("2");
  await expect(page.getByTestId("output-view")).toContainText("typed-host-2");
  await expect(page.getByTestId("status-state")).toHaveText("up to date");
});

test("an invalid field gives a marker and a Problems entry that moves the cursor", async ({ page }) => {
  const source = base("storage:\n  files:\n    - path: relative/x\n      contents:\n        inline: hi\n");
  await setEditorText(page, source);
  const problems = page.getByRole("tab", { name: /Problems/ });
  await expect(problems).toHaveAccessibleName(/Problems: 1 error/);

  // The last good output stays, greyed, with a banner.
  await expect(page.getByTestId("stale-banner")).toContainText("showing the last good output");
  await expect(page.getByTestId("output-panel")).toHaveAttribute("data-stale", "true");

  // The marker sits on line 5 (`relative/x`).
  const editor = page.getByTestId("source-editor");
  await expect(editor.locator(".squiggly-error")).toHaveCount(1);

  await problems.click();
  const entry = page.getByTestId("problems-panel").getByRole("button", { name: /path not absolute/ });
  await expect(entry).toContainText("$.storage.files.0.path");
  await expect(entry).toContainText("5:13");
  await expect(page.getByTestId("cursor-position")).not.toHaveText("Ln 5, Col 13");
  await entry.click();
  await expect(page.getByTestId("cursor-position")).toHaveText("Ln 5, Col 13");
  // The editor has the focus: typing lands at the marker.
  await page.keyboard.type("/");
  await expect(problems).toHaveAccessibleName("Problems: none");
  await page.getByRole("tab", { name: "Ignition" }).click();
  await expect(page.getByTestId("output-view")).toContainText('"path": "/relative/x"');
  await expect(page.getByTestId("stale-banner")).toHaveCount(0);
});

test("a YAML syntax error becomes a marker on its line", async ({ page }) => {
  await setEditorText(page, base("storage: [\n"));
  const problems = page.getByRole("tab", { name: /Problems/ });
  await expect(problems).toHaveAccessibleName(/Problems: 1 error/);
  await problems.click();
  const entry = page.getByTestId("problems-panel").getByRole("button", { name: /Error unmarshaling yaml: yaml: line \d+/ });
  await expect(entry).toBeVisible();
  await expect(page.getByTestId("source-editor").locator(".squiggly-error")).toHaveCount(1);
});

test("download equals the transpiler's output, and Copy copies the same bytes", async ({ page, context }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  const source = base(
    "passwd:\n  users:\n    - name: core\nstorage:\n  files:\n    - path: /etc/motd\n      contents:\n        inline: 'Grüße <b>&</b> \"quotes\"\\n'\n",
  );
  await setEditorText(page, source);
  await expect(page.getByTestId("output-view")).toContainText("/etc/motd");
  await waitUpToDate(page);

  const expected = (await transpile(source, { pretty: true })).output;
  expect(expected).not.toBeNull();

  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Download .ign" }).click()]);
  expect(download.suggestedFilename()).toBe("config.ign");
  const bytes = await readFile(await download.path());
  expect(bytes.equals(Buffer.from(expected ?? "", "utf8"))).toBe(true);

  await page.getByRole("button", { name: "Copy", exact: true }).click();
  await expect(page.getByRole("button", { name: "Copied" })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(expected);

  // Compact output (Pretty off) is what `butane` prints without --pretty.
  await page.getByLabel("Pretty").uncheck();
  await waitUpToDate(page);
  const compact = (await transpile(source, {})).output;
  const [d2] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Download .ign" }).click()]);
  expect((await readFile(await d2.path())).toString("utf8")).toBe(compact);
});

test("strict mode fails on warnings", async ({ page }) => {
  await setEditorText(page, base("unknown_key: 1\n"));
  await expect(page.getByRole("tab", { name: /Problems/ })).toHaveAccessibleName(/1 warning/);
  await expect(page.getByRole("button", { name: "Download .ign" })).toBeEnabled();
  await page.getByLabel("Strict").check();
  await expect(page.getByRole("button", { name: "Download .ign" })).toBeDisabled();
  await expect(page.getByTestId("stale-banner")).toContainText("Config produced warnings and --strict was specified");
});

test("the picker rewrites variant/version, and the text drives the picker", async ({ page }) => {
  const picker = page.getByLabel("Variant and version");
  await expect(picker).toHaveValue("fcos@1.7.0");
  await picker.selectOption("fcos@1.5.0");
  await expect.poll(() => monacoText(page, "source-editor")).toContain("version: 1.5.0");
  await expect(page.getByTestId("status-line")).toContainText("Ignition 3.4.0");

  await setEditorText(page, "variant: flatcar\nversion: 1.1.0\n");
  await expect(picker).toHaveValue("flatcar@1.1.0");
});

test("reload keeps the text", async ({ page }) => {
  await setEditorText(page, base("# reload-marker-42\n"));
  await waitUpToDate(page);
  await page.reload();
  await waitForEditor(page);
  await expect(page.getByTestId("source-editor")).toContainText("reload-marker-42");
});

test("Open file loads a .bu and names the download after it", async ({ page }) => {
  await page.getByTestId("open-file-input").setInputFiles({
    name: "web-server.bu",
    mimeType: "application/yaml",
    buffer: Buffer.from(base("# opened-from-disk\n")),
  });
  await expect(page.getByTestId("source-editor")).toContainText("opened-from-disk");
  await expect(page.getByRole("button", { name: "Download .ign" })).toHaveAttribute("title", "Save the Ignition as web-server.ign");
});

test("dropping a .bu file on the editor opens it", async ({ page }) => {
  const dataTransfer = await page.evaluateHandle((text) => {
    const dt = new DataTransfer();
    dt.items.add(new File([text], "dropped.bu", { type: "application/yaml" }));
    return dt;
  }, base("# dropped-file-marker\n"));
  await page.getByTestId("source-editor").dispatchEvent("dragover", { dataTransfer });
  await page.getByTestId("source-editor").dispatchEvent("drop", { dataTransfer });
  await expect(page.getByTestId("source-editor")).toContainText("dropped-file-marker");
  await expect(page.locator(".k-pane-title")).toHaveText("dropped.bu");
});

test("dropping an .ign file adds it to the Files panel", async ({ page }) => {
  const dataTransfer = await page.evaluateHandle(() => {
    const dt = new DataTransfer();
    dt.items.add(new File(['{"ignition":{"version":"3.5.0"}}'], "base.ign", { type: "application/json" }));
    return dt;
  });
  await page.getByTestId("source-editor").dispatchEvent("drop", { dataTransfer });
  // an Ignition config is offered for import; attaching it is the other choice
  await page.getByTestId("import-dialog").getByRole("button", { name: "Add to Files (for merge)" }).click();
  await expect(page.getByTestId("notice-open-ign")).toContainText("Added base.ign to the Files panel");
  await page.getByTestId("notice-open-ign").getByRole("button", { name: "Show files" }).click();
  await expect(page.getByLabel("Path of base.ign")).toHaveValue("base.ign");
  await expect(page.getByTestId("source-editor")).toContainText("variant: fcos");
});

test("openshift: a MachineConfig as YAML, or raw Ignition", async ({ page }) => {
  await setEditorText(
    page,
    "variant: openshift\nversion: 4.22.0\nmetadata:\n  name: 99-worker-kindling\n  labels:\n    machineconfiguration.openshift.io/role: worker\n",
  );
  await expect(page.getByTestId("output-view")).toContainText("kind: MachineConfig");
  const download = page.getByRole("button", { name: "Download .yaml" });
  await expect(download).toHaveAttribute("title", "Save the MachineConfig as config.yaml");
  await page.getByLabel("Raw").check();
  await expect(page.getByTestId("output-view")).toContainText('"ignition"');
  await expect(page.getByRole("button", { name: "Download .ign" })).toBeEnabled();
});

test("a full storage is shown to the user", async ({ page }) => {
  await page.evaluate(() => {
    const real = Storage.prototype.setItem;
    Storage.prototype.setItem = function (key: string, value: string) {
      if (key.startsWith("kindling.draft.")) throw new DOMException("quota", "QuotaExceededError");
      real.call(this, key, value);
    };
    // The IndexedDB backup fails too (else the draft goes there: e2e/data-safety.spec.ts).
    IDBDatabase.prototype.transaction = () => {
      throw new DOMException("quota", "QuotaExceededError");
    };
  });
  await setEditorText(page, base("# will not fit\n"));
  await expect(page.getByTestId("notice-autosave")).toContainText("storage for this site is full");
  await expect(page.getByTestId("status-line")).toContainText("Not saved!");
  // The transpiler still runs.
  await expect(page.getByTestId("status-state")).toHaveText("up to date");
});

test("the tabs work from the keyboard", async ({ page }) => {
  const ignition = page.getByRole("tab", { name: "Ignition" });
  await ignition.focus();
  await page.keyboard.press("ArrowRight");
  await expect(page.getByRole("tab", { name: /Problems/ })).toBeFocused();
  await expect(page.getByRole("tab", { name: /Problems/ })).toHaveAttribute("aria-selected", "true");
  await page.keyboard.press("End");
  await expect(page.getByRole("tab", { name: /Files/ })).toHaveAttribute("aria-selected", "true");
  await expect(page.getByRole("tabpanel")).toContainText("--files-dir");
});
