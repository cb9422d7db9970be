/**
 * Project origins (issue #17, "per-field origin"): the output view and the previews say which
 * project file and line produced each entry, and lead there; the Problems badge counts every
 * file's problems. The folder is opened as in project.spec.ts: the one stub is the native
 * folder picker, replaced by a real directory handle from the Origin Private File System.
 */
import { expect, test, type BrowserContext, type Page } from "@playwright/test";
import { monacoText, seriousAxeFindings, setEditorText, waitForEditor, waitUpToDate } from "./helpers.ts";
import { openFolder, stubFolderPicker, writeFolder } from "./project-folder.ts";

const HEAD = "variant: fcos\nversion: 1.5.0\n";
const FOLDER: Record<string, string> = {
  // line 5: the user; line 8: /etc/motd
  "main.bu": `${HEAD}passwd:\n  users:\n    - name: core\nstorage:\n  files:\n    - path: /etc/motd\n      contents:\n        inline: welcome\n`,
  // line 5: /etc/chrony.conf; line 10: chronyd.service
  "snippets/ntp.bu": `${HEAD}storage:\n  files:\n    - path: /etc/chrony.conf\n      contents:\n        inline: server ntp.example.com\nsystemd:\n  units:\n    - name: chronyd.service\n      enabled: true\n`,
  // line 5: the disk; line 8: its partition; line 11: the filesystem
  "snippets/disk.bu": `${HEAD}storage:\n  disks:\n    - device: /dev/vdb\n      wipe_table: true\n      partitions:\n        - label: data\n          number: 1\n  filesystems:\n    - device: /dev/disk/by-partlabel/data\n      format: xfs\n      path: /var/data\n`,
};

test.describe.serial("project origins", () => {
  test.describe.configure({ timeout: 120_000 });
  let context: BrowserContext;
  let page: Page;
  const output = () => page.getByTestId("output-view");
  const preview = () => page.getByTestId("preview-panel");
  const cursor = () => page.getByTestId("cursor-position");
  const fileButton = (name: string) => page.getByTestId("project-panel").getByRole("list", { name: "Project files" }).getByTitle(`Edit ${name}`);

  test.beforeAll(async ({ browser }) => {
    test.setTimeout(120_000);
    // Tall enough for the whole output (Monaco draws only the lines in view).
    context = await browser.newContext({ viewport: { width: 1280, height: 1200 } });
    // THE STUB: the native picker returns the OPFS folder "origins".
    await stubFolderPicker(context, "origins");
    page = await context.newPage();
    await page.goto("/");
    await waitForEditor(page);
    await writeFolder(page, "origins", FOLDER);
    await openFolder(page);
  });
  test.afterAll(async () => {
    await context.close();
  });

  test("the output view labels each entry with its file and line; hover says it, a click on the label opens it there", async () => {
    await page.getByRole("tab", { name: /Ignition/ }).click();
    await expect.poll(() => monacoText(page, "output-view")).toContain("/etc/chrony.conf");
    const label = output().locator(".k-output-origin", { hasText: "snippets/ntp.bu:5" });
    await expect(label).toBeVisible();
    await expect(output().locator(".k-output-origin", { hasText: "main.bu:5" })).toBeVisible(); // passwd.users[core]
    await expect(output().locator(".k-output-origin", { hasText: "snippets/ntp.bu:10" })).toBeVisible(); // systemd.units[chronyd]

    // Any line's origin on hover (here the path's own line of the snippet).
    await output().locator(".view-line span span", { hasText: "/etc/chrony.conf" }).hover();
    await expect(page.locator(".monaco-hover").filter({ hasText: "from snippets/ntp.bu:5" })).toBeVisible();
    await page.screenshot({ path: "test-results/project-origins-output.png" });
    expect(await seriousAxeFindings(page, '[data-testid="output-panel"]')).toEqual([]);

    await label.click();
    await expect(cursor()).toHaveText(/^Ln 5,/);
    expect(await monacoText(page, "source-editor")).toContain("server ntp.example.com");
  });

  test("Ctrl/Cmd+click on an output line, and F12 at the cursor, open the file and line it comes from", async () => {
    await page.getByRole("tab", { name: /Ignition/ }).click();
    await output()
      .locator(".view-line", { hasText: "/etc/motd" })
      .click({ modifiers: ["ControlOrMeta"] });
    await expect(cursor()).toHaveText(/^Ln 8,/);
    expect(await monacoText(page, "source-editor")).toContain("inline: welcome");

    await page.getByRole("tab", { name: /Ignition/ }).click();
    await output().locator(".view-line", { hasText: "/dev/vdb" }).click();
    await page.keyboard.press("F12");
    await expect(cursor()).toHaveText(/^Ln 5,/);
    expect(await monacoText(page, "source-editor")).toContain("wipe_table: true");
  });

  test("the previews tag users, files, units, disks, partitions and filesystems with their origin; a tag opens it there", async () => {
    await page.getByRole("tab", { name: "Preview" }).click();
    await expect(preview()).toBeVisible();
    const tag = (name: string) => preview().getByRole("button", { name, exact: true });
    for (const name of ["main.bu:5", "main.bu:8", "snippets/ntp.bu:5", "snippets/ntp.bu:10", "snippets/disk.bu:5", "snippets/disk.bu:8", "snippets/disk.bu:11"])
      await expect(tag(name)).toBeVisible();
    await expect(preview().locator(".kp-card").filter({ hasText: "core" }).getByRole("button", { name: "main.bu:5" })).toBeVisible();
    await page.screenshot({ path: "test-results/project-origins-preview.png" });
    expect(await seriousAxeFindings(page, '[data-testid="preview-panel"]')).toEqual([]);

    await tag("snippets/ntp.bu:10").click();
    await expect(cursor()).toHaveText(/^Ln 10,/);
    expect(await monacoText(page, "source-editor")).toContain("chronyd.service");
  });

  test("the Problems badge and the status line count every file's problems, naming how many files", async () => {
    const problemsTab = page.getByRole("tab", { name: /^Problems/ });
    await expect(problemsTab).toHaveAccessibleName("Problems: none");
    // An error in the snippet, then back to the main config (which has none of its own).
    await page.getByRole("tab", { name: "Project" }).click();
    await fileButton("snippets/ntp.bu").click();
    await setEditorText(page, FOLDER["snippets/ntp.bu"]!.replace("path: /etc/chrony.conf", "path: etc/chrony.conf"));
    await waitUpToDate(page);
    await page.getByRole("tab", { name: "Project" }).click();
    await fileButton("main.bu").click();
    await waitUpToDate(page);
    await expect(problemsTab).toHaveAccessibleName("Problems: 1 error in 1 file");
    await expect(problemsTab).toHaveAttribute("title", "1 problem in 1 file");
    await expect(page.getByTestId("project-problem-count")).toHaveText("1 problem in 1 file");
    // A warning in the main config too: two files.
    await setEditorText(page, FOLDER["main.bu"]!.replace("storage:\n", "storage:\n  bogus: 1\n"));
    await waitUpToDate(page);
    await expect(problemsTab).toHaveAccessibleName("Problems: 1 error, 1 warning in 2 files");
    await expect(page.getByTestId("project-problem-count")).toHaveText("2 problems in 2 files");
    await problemsTab.click();
    await expect(page.getByTestId("project-problems")).toContainText("snippets/ntp.bu");
    expect(await seriousAxeFindings(page, '[data-testid="status-line"]')).toEqual([]);
  });
});
