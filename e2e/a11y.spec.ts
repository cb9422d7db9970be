/**
 * Accessibility: axe (WCAG 2.x A/AA rules) on the main views and dialogs, with no serious or
 * critical violation; and the whole studio reachable with the keyboard alone.
 */
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { setEditorText, waitForEditor, waitUpToDate } from "./helpers.ts";

/** A config with one error and one warning, so the Problems list has entries. */
const WITH_PROBLEMS = `variant: fcos
version: 1.6.0
passwd:
  users:
    - name: core
      ssh_authorized_keys: [ssh-ed25519 AAAA]
systemd:
  units:
    - name: hello.service
      enabled: true
      contents: "[Unit]\\nDescription=hi\\n[Service]\\nExecStart=/bin/true\\n[Install]\\nWantedBy=multi-user.target\\n"
storage:
  disks:
    - device: /dev/vdb
      partitions: [{label: data, size_mib: 100}]
  filesystems:
    - device: /dev/disk/by-partlabel/data
      format: xfs
      path: /var/data
      with_mount_unit: true
  files:
    - path: relative/x
      contents:
        inline: hi
unknown_key: 1
`;

async function axe(page: Page, name: string, include?: string): Promise<void> {
  let builder = new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]);
  if (include) builder = builder.include(include);
  const { violations } = await builder.analyze();
  for (const v of violations) {
    console.log(
      `[axe] ${name}: ${v.impact} ${v.id} (${v.nodes.length}) ${v.help} — ${v.nodes
        .slice(0, 3)
        .map((n) => `${n.target.join(" ")} ${n.html.slice(0, 200)} ${n.failureSummary ?? ""}`)
        .join(" | ")}`,
    );
  }
  const serious = violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(
    serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`),
    `${name}: serious axe violations`,
  ).toEqual([]);
}

test.describe("axe", () => {
  test.beforeEach(async ({ page }) => {
    await page.goto("/");
    await waitForEditor(page);
  });

  test("the editor and each right-side tab", async ({ page }) => {
    await waitUpToDate(page);
    await axe(page, "welcome (Ignition)");
    await setEditorText(page, WITH_PROBLEMS);
    await expect(page.getByRole("tab", { name: /Problems/ })).toHaveAccessibleName(/1 error/);
    for (const name of [/Problems/, "Preview", /Files/, "Ignition"]) {
      await page.getByRole("tab", { name }).click();
      await axe(page, `tab ${String(name)}`);
    }
    // The Preview of a valid config (the stale view above shows the last good output).
    await setEditorText(page, WITH_PROBLEMS.replace("relative/x", "/etc/x"));
    await page.getByRole("tab", { name: "Preview" }).click();
    await expect(page.getByTestId("preview-panel")).toContainText("hello.service");
    await axe(page, "Preview with disks, users, units, files");
  });

  test("the share and template dialogs, the drafts menu, a notice", async ({ page }) => {
    await page.getByRole("button", { name: "Share…" }).click();
    await expect(page.getByTestId("share-link")).toHaveValue(/#v2\//);
    await axe(page, "share dialog");
    await page.getByRole("button", { name: "Close" }).click();

    await page.getByRole("button", { name: "New from template…" }).click();
    const templatesDialog = page.getByRole("dialog", { name: "Templates" });
    await templatesDialog.getByRole("list", { name: "Templates" }).getByRole("button").first().click();
    await expect(templatesDialog.getByTestId("template-output")).not.toHaveAttribute("aria-busy", "true");
    await axe(page, "template dialog");
    await page.keyboard.press("Escape");

    await page.getByRole("button", { name: "Drafts" }).click();
    await axe(page, "drafts menu");
    await page.keyboard.press("Escape");

    await page.getByTestId("open-file-input").setInputFiles({ name: "x.png", mimeType: "image/png", buffer: Buffer.from([0xff, 0xfe, 0x00]) });
    await expect(page.getByTestId("notice-open-error")).toBeVisible();
    await axe(page, "error notice");
  });
});

test("keyboard: Tab reaches the toolbar, the editor, the tabs and each problem", async ({ page }) => {
  await page.goto("/");
  await waitForEditor(page);
  await setEditorText(page, WITH_PROBLEMS);
  await expect(page.getByRole("tab", { name: /Problems/ })).toHaveAccessibleName(/1 error/);
  // A fresh load (the draft stays), so Tab starts from the top of the document.
  await page.reload();
  await waitForEditor(page);
  await expect(page.getByRole("tab", { name: /Problems/ })).toHaveAccessibleName(/1 error/);

  const seen: string[] = [];
  for (let i = 0; i < 30; i++) {
    await page.keyboard.press("Tab");
    const label = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el || el === document.body) return "body";
      if (el.closest('[data-testid="source-editor"]')) return "editor";
      const role = el.getAttribute("role") ?? el.tagName.toLowerCase();
      const name = el.getAttribute("aria-label") ?? el.textContent?.trim().slice(0, 40) ?? "";
      return `${role}:${name}`;
    });
    seen.push(label);
    // In Monaco, Tab types a tab: Ctrl+M toggles "Tab moves focus" (Monaco's own shortcut).
    if (label === "editor" && seen.indexOf("editor") === seen.length - 1) await page.keyboard.press("Control+M");
    // On the tab list, the arrow keys pick a tab (roving tabindex): go to Problems.
    if (label.startsWith("tab:Ignition")) await page.keyboard.press("ArrowRight");
  }
  console.log(`[keyboard] ${seen.join(" → ")}`);
  const index = (re: RegExp) => seen.findIndex((s) => re.test(s));
  const order = [index(/^select:Variant and version/), index(/^button:Share…/), index(/^editor$/), index(/^tab:/), index(/^button:.*path not absolute/)];
  for (const i of order) expect(i, `reached by Tab: ${seen.join(" → ")}`).toBeGreaterThanOrEqual(0);
  expect(order, "toolbar, editor, tabs, then the problems").toEqual([...order].sort((a, b) => a - b));
  // Enter on a problem moves the cursor to it.
  await page
    .getByTestId("problems-panel")
    .getByRole("button", { name: /path not absolute/ })
    .focus();
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("cursor-position")).toHaveText(/^Ln 22,/);
});
