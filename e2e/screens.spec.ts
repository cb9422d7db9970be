import { expect, test } from "@playwright/test";
import { setEditorText, waitForEditor, waitUpToDate } from "./helpers.ts";

// Screenshots of the shell at the smallest supported size, light and dark, for a human to look at.
for (const colorScheme of ["light", "dark"] as const) {
  test.describe(`${colorScheme} theme`, () => {
    test.use({ colorScheme, viewport: { width: 1280, height: 720 } });

    test("screenshots", async ({ page }, testInfo) => {
      await page.goto("/");
      await waitForEditor(page);
      await expect(page.getByTestId("status-state")).toHaveText("up to date");
      // Wait for Monaco's background tokenization (syntax colours) before the first picture.
      await expect
        .poll(() =>
          page
            .getByTestId("source-editor")
            .locator(".view-line span span")
            .evaluateAll((els) => new Set(els.map((e) => e.className)).size),
        )
        .toBeGreaterThan(3);
      const shot = async (name: string) => {
        const path = testInfo.outputPath(`${colorScheme}-${name}.png`);
        await page.screenshot({ path });
        await testInfo.attach(`${colorScheme}-${name}`, { path, contentType: "image/png" });
      };
      await shot("1-default");

      // Each panel's code loads on first use: the picture is of the panel, not of "Loading…".
      await page.getByRole("tab", { name: /Problems/ }).click();
      await expect(page.getByTestId("problems-panel")).toBeVisible();
      await shot("2-problems");

      await page.getByRole("tab", { name: "Preview" }).click();
      await expect(page.getByTestId("preview-panel")).toBeVisible();
      await shot("3-preview");

      await page.getByRole("tab", { name: /Files/ }).click();
      await expect(page.getByTestId("files-panel")).toBeVisible();
      await shot("4-files");

      await page.getByRole("button", { name: "Share…" }).click();
      await expect(page.getByTestId("share-link")).toBeVisible();
      await shot("5-share");
      await page.getByRole("button", { name: "Close" }).click();

      await page.getByRole("button", { name: "New from template…" }).click();
      await expect(page.getByRole("dialog", { name: "Templates" })).toBeVisible();
      await shot("6-templates");
      await page.keyboard.press("Escape");

      await setEditorText(
        page,
        "variant: fcos\nversion: 1.6.0\nstorage:\n  files:\n    - path: relative/x\n      mode: 644\n      contents:\n        local: missing.txt\nunknown_key: 1\n",
      );
      await waitUpToDate(page);
      await page.getByRole("tab", { name: "Ignition" }).click();
      await page.waitForTimeout(300); // let Monaco paint the markers
      await shot("7-errors-output");
      await page.getByRole("tab", { name: /Problems/ }).click();
      await shot("8-errors-problems");
    });
  });
}
