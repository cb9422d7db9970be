/**
 * Import: an openshift-install-style .ign and a Container Linux Config dropped on the editor
 * become readable Butane drafts; the .ign's Butane transpiles to the dropped config again.
 * One page for the whole file (page loads dominate e2e time).
 */
import { readFileSync } from "node:fs";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { sameConfig } from "../src/import/compare.ts";
import { setEditorText, waitForEditor, waitUpToDate } from "./helpers.ts";

const fixture = (name: string) => readFileSync(new URL(`./fixtures/import/${name}`, import.meta.url), "utf8");

/** No serious or critical axe violation inside the import dialog. */
async function axeDialog(page: Page): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).include("[data-testid=import-dialog]").analyze();
  expect(violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id)).toEqual([]);
}

async function drop(page: Page, name: string, text: string, type: string): Promise<void> {
  const dataTransfer = await page.evaluateHandle(
    ([n, t, ty]) => {
      const dt = new DataTransfer();
      dt.items.add(new File([t], n, { type: ty }));
      return dt;
    },
    [name, text, type] as const,
  );
  await page.getByTestId("source-editor").dispatchEvent("dragover", { dataTransfer });
  await page.getByTestId("source-editor").dispatchEvent("drop", { dataTransfer });
}

test.describe.serial("import as Butane", () => {
  let page: Page;

  test.beforeAll(async ({ browser }) => {
    // a context of our own (axe needs one), with the config's base URL
    page = await (await browser.newContext()).newPage();
    await page.goto("/");
    await waitForEditor(page);
  });

  test.afterAll(async () => {
    await page.context().close();
  });

  test("a dropped .ign is offered for import and becomes a readable draft that transpiles to the same config", async () => {
    await setEditorText(page, "variant: fcos\nversion: 1.6.0\n# my-own-draft-marker\n");
    await waitUpToDate(page);
    const ign = fixture("master.ign");
    await drop(page, "master.ign", ign, "application/json");

    const dialog = page.getByTestId("import-dialog");
    await expect(dialog).toContainText("master.ign is an Ignition 3.2.0 config");
    await expect(dialog.getByRole("button", { name: "Add to Files (for merge)" })).toBeVisible();
    await dialog.screenshot({ path: test.info().outputPath("import-offer.png") });
    await axeDialog(page);
    await dialog.getByRole("button", { name: "Import as Butane" }).click();
    await expect(page.getByTestId("import-verdict")).toHaveText("Imported as fcos 1.3.0: it transpiles back to the same config.");
    await expect(page.getByTestId("import-recovered")).toContainText("5 of 6 data URLs became inline text");
    await expect(page.getByTestId("import-findings")).toContainText("contents are binary (or hashed) and stay a data URL");
    await dialog.screenshot({ path: test.info().outputPath("import-dialog.png") });
    await axeDialog(page);
    await dialog.getByRole("button", { name: "Done" }).click();
    await expect(dialog).toBeHidden();

    // readable YAML in the editor
    const editor = page.getByTestId("source-editor");
    await expect(page.locator(".k-pane-title")).toHaveText("master.bu");
    await expect(editor).toContainText("version: 1.3.0");
    await expect(editor).toContainText("certificate_authorities:");
    await expect(editor).toContainText("- inline: |");
    await expect(editor).toContainText("mode: 0600");
    await waitUpToDate(page);

    // the output is the dropped config (data URLs compared by their bytes)
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Download .ign" }).click()]);
    const out = JSON.parse(readFileSync(await download.path(), "utf8"));
    expect(sameConfig(out, JSON.parse(ign))).toBe(true);

    // the text it replaced is under Drafts
    await page.getByRole("button", { name: "Drafts" }).click();
    await expect(page.getByRole("menu", { name: "Drafts" })).toContainText("my-own-draft-marker");
    await page.keyboard.press("Escape");
  });

  test("a dropped Container Linux Config becomes flatcar Butane with its comments", async () => {
    await drop(page, "web.clc.yaml", fixture("web.clc.yaml"), "application/yaml");
    const dialog = page.getByTestId("import-dialog");
    await expect(dialog).toContainText("web.clc.yaml is a Container Linux Config");
    await expect(dialog.getByLabel("Butane variant")).toHaveValue("flatcar");
    await expect(dialog.getByLabel("Filesystem mount paths")).toBeVisible();
    await dialog.screenshot({ path: test.info().outputPath("import-offer-clc.png") });
    // etcd uses dynamic data: without a platform, ct's error
    await dialog.getByRole("button", { name: "Import as Butane" }).click();
    await expect(page.getByTestId("import-error")).toContainText("platform must be specified to use templating");
    await dialog.getByRole("button", { name: "Back" }).click();
    await dialog.getByLabel("ct platform").selectOption("ec2");
    await dialog.getByRole("button", { name: "Import as Butane" }).click();
    await expect(page.getByTestId("import-verdict")).toHaveText("Imported as flatcar 1.1.0: it transpiles back to the same config.");
    await expect(page.getByTestId("import-recovered")).toContainText("comments carried over");
    await dialog.screenshot({ path: test.info().outputPath("import-dialog-clc.png") });
    await dialog.getByRole("button", { name: "Done" }).click();

    const editor = page.getByTestId("source-editor");
    await expect(editor).toContainText("variant: flatcar");
    await expect(editor).toContainText("# the admin account");
    await expect(editor).toContainText("/etc/systemd/network/00-eth0.network");
    await expect(editor).toContainText("# static address");
    await expect(editor).toContainText("update.conf, from the Container Linux Config's update and locksmith sections");
    await waitUpToDate(page);
    await expect(page.getByTestId("output-view")).toContainText('"version": "3.4.0"');
  });

  test("Add to Files keeps the old way for an Ignition config referenced by merge", async () => {
    await drop(page, "base.ign", '{"ignition":{"version":"3.5.0"}}', "application/json");
    await page.getByTestId("import-dialog").getByRole("button", { name: "Add to Files (for merge)" }).click();
    await expect(page.getByTestId("notice-open-ign")).toContainText("Added base.ign to the Files panel");
  });
});
