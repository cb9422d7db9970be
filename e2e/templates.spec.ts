import { expect, test } from "@playwright/test";
import { templates } from "../src/features/templates/templates.ts";
import { formatBytes } from "../src/lib/format.ts";
import { transpile } from "../src/transpiler/index.ts";
import { waitForEditor, waitUpToDate } from "./helpers.ts";

// The first three templates, and the two that exercise boot_device (LUKS + TPM2, mirrored boot).
const picked = [...templates.slice(0, 3), ...templates.filter((t) => t.id === "luks-root-tpm2" || t.id === "mirrored-boot-disk")];

test("a template loads valid", async ({ page }) => {
  expect(picked.map((t) => t.id)).toEqual(expect.arrayContaining(["luks-root-tpm2", "mirrored-boot-disk"]));
  await page.goto("/");
  await waitForEditor(page);
  await waitUpToDate(page);

  for (const template of picked) {
    await test.step(template.id, async () => {
      const expected = await transpile(template.source, { pretty: true });
      expect(expected.output, `${template.id} transpiles in Node`).not.toBeNull();

      await page.getByRole("button", { name: "New from template…" }).click();
      const dialog = page.getByRole("dialog", { name: "Templates" });
      await dialog.getByLabel("Variant").selectOption(template.variant);
      await dialog.getByRole("button", { name: new RegExp(`^${template.title.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`) }).click();
      await dialog.getByRole("button", { name: "New draft" }).click();
      await expect(dialog).toBeHidden();
      await expect(page.locator(".k-pane-title")).toHaveText("config.bu");

      await waitUpToDate(page);
      await expect(page.getByTestId("status-state")).toHaveText("up to date");
      await expect(page.getByRole("tab", { name: /Problems/ })).not.toHaveAccessibleName(/error/);
      // The Ignition output is this template's: same size as the transpiler's, and no stale banner.
      await expect(page.getByTestId("output-size")).toHaveText(formatBytes(Buffer.byteLength(expected.output ?? "")));
      await expect(page.getByTestId("output-view")).toContainText('"ignition"');
      await expect(page.getByTestId("stale-banner")).toHaveCount(0);
    });
  }
});
