/**
 * Kindling's target and size checks on a project: the status line's pickers apply to the merged
 * output of the shown host; a snippet that pushes it over AWS's user-data limit is named (file,
 * line) in Problems, the meter turns red, and each file's target finding is on its own
 * `version:` line. The folder picker is stubbed as in project.spec.ts (OPFS handle).
 */
import { expect, test, type Page } from "@playwright/test";
import { seriousAxeFindings, waitForEditor, waitUpToDate } from "./helpers.ts";
import { openFolder, stubFolderPicker, writeFolder } from "./project-folder.ts";

const HEAD = "variant: fcos\nversion: 1.6.0\n";
/** `n` characters gzip cannot shrink much (Butane keeps them about as long in the output). */
function noise(n: number, seed: number): string {
  let x = seed;
  let s = "";
  while (s.length < n) {
    x = (x * 1103515245 + 12345) % 2 ** 31;
    s += "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"[x % 62];
  }
  return s;
}
// Each file alone is under AWS's 16 KiB; merged they are over it.
const FOLDER: Record<string, string> = {
  "main.bu": `${HEAD}storage:\n  files:\n    - path: /etc/main.txt\n      contents:\n        inline: ${noise(9000, 1)}\n`,
  "snippets/10-big.bu": `${HEAD}storage:\n  files:\n    - path: /etc/small\n    - path: /etc/big.txt\n      contents:\n        inline: ${noise(11_000, 2)}\n`,
};

let page: Page;
const shots = "test-results/project-guardrails";

test.describe.configure({ mode: "serial", timeout: 120_000 });

test.beforeAll(async ({ browser }) => {
  const context = await browser.newContext();
  await stubFolderPicker(context, "project");
  page = await context.newPage();
  await page.goto("/");
  await waitForEditor(page);
  await writeFolder(page, "project", FOLDER);
  await openFolder(page);
});

test.afterAll(async () => {
  await page.context().close();
});

test("a snippet pushes the merged output over AWS's limit: the meter is red and Problems names the snippet's line", async () => {
  await page.getByTestId("platform-picker").selectOption("aws");
  await waitUpToDate(page);
  const meter = page.getByTestId("size-meter");
  await expect(meter).toHaveAttribute("data-over", "true");
  await expect(meter.getByRole("meter")).toHaveAttribute("aria-valuemax", "16384");
  await page.getByRole("tab", { name: /Problems/ }).click();
  // main.bu is in the editor: the finding is on the snippet's entry, listed with the project's other files.
  const row = page.getByTestId("project-problems").locator('li[data-code="size-over-limit"]');
  await expect(row).toContainText("snippets/10-big.bu");
  await expect(row).toContainText("over AWS");
  await expect(row).toContainText("/etc/big.txt");
  await expect(row).toContainText("6:7");
  await page.screenshot({ path: `${shots}/size-over-limit.png` });
  expect(await seriousAxeFindings(page, "body")).toEqual([]);

  // A click opens the snippet there; now the finding is that file's own, with its remedy.
  await row.getByRole("button").click();
  await expect(page.getByTestId("cursor-position")).toHaveText("Ln 6, Col 7");
  await waitUpToDate(page);
  const own = page
    .getByTestId("problems-panel")
    .locator('li[data-code="size-over-limit"]')
    .filter({ hasNot: page.locator(".k-project-problems-file") });
  await expect(own).toContainText("Kindling");
  await expect(own.getByRole("button", { name: "Pointer config…" })).toBeVisible();
  // The meter measures the merged output whichever file is in the editor.
  await expect(meter).toHaveAttribute("data-over", "true");
});

test("the target picker checks every file of the project, each on its version: line", async () => {
  await page.getByTestId("target-picker").selectOption("rhcos-4.16");
  await waitUpToDate(page);
  // the edited file's own row (the project's other files are listed with their names)
  const own = page
    .getByTestId("problems-panel")
    .locator('li[data-code="target-spec-too-new"]')
    .filter({ hasNot: page.locator(".k-project-problems-file") });
  await expect(own).toContainText("OpenShift 4.16 cannot read this config");
  await expect(own.getByRole("button", { name: "Use fcos 1.5.0" })).toBeVisible();
  await expect(page.getByTestId("project-problems").locator('li[data-code="target-spec-too-new"]')).toContainText("main.bu");
  await page.screenshot({ path: `${shots}/target-per-file.png` });
  expect(await seriousAxeFindings(page, "body")).toEqual([]);
  // No platform, no target: the findings go.
  await page.getByTestId("platform-picker").selectOption("");
  await page.getByTestId("target-picker").selectOption("");
  await waitUpToDate(page);
  await expect(page.locator('li[data-code="size-over-limit"], li[data-code="target-spec-too-new"]')).toHaveCount(0);
});
