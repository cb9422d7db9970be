/**
 * Projects (issue #17): a folder opened through the File System Access API, edited, built per
 * host, downloaded as a zip, saved back, and kept over a reload.
 *
 * The one stub: headless Chromium cannot drive the native folder picker, so
 * `window.showDirectoryPicker` is replaced (addInitScript) by a function returning a real
 * directory handle from the Origin Private File System. Everything after that (reading the
 * folder, writing back, keeping the handle in IndexedDB over a reload) is the real API.
 */
import { expect, test, type BrowserContext, type Page } from "@playwright/test";
import { readFile } from "node:fs/promises";
import { strFromU8, unzipSync } from "fflate";
import { monacoText, seriousAxeFindings, setEditorText, waitForEditor, waitUpToDate } from "./helpers.ts";
import { readFolderFile, stubFolderPicker, writeFolder } from "./project-folder.ts";

const HEAD = "variant: fcos\nversion: 1.5.0\n";
const FOLDER: Record<string, string> = {
  "main.bu": `${HEAD}passwd:\n  users:\n    - name: core\nstorage:\n  files:\n    - path: /etc/motd\n      contents:\n        local: motd.txt\n`,
  "snippets/10-hostname.bu": `${HEAD}storage:\n  files:\n    - path: /etc/hostname\n      contents:\n        inline: \${HOSTNAME}\n`,
  "snippets/20-net.bu": `${HEAD}storage:\n  files:\n    - path: /etc/kindling-ip\n      contents:\n        inline: \${IP:-dhcp}\n`,
  "hosts.yaml": "alpha:\n  HOSTNAME: alpha\n  IP: 10.0.0.1\nbeta:\n  HOSTNAME: beta\ngamma:\n  HOSTNAME: gamma\n  IP: 10.0.0.3\n",
  "motd.txt": "welcome\n",
};
const EDITED_NET = `${HEAD}storage:\n  files:\n    - path: /etc/kindling-ip\n      contents:\n        inline: \${IP:-dhcp}\n    - path: /etc/added-by-edit\n      contents:\n        inline: new\n`;

/** Text of a file of the OPFS project folder. */
const readOpfs = (page: Page, path: string) => readFolderFile(page, "project", path);

test.describe.serial("projects", () => {
  test.describe.configure({ timeout: 120_000 });
  let context: BrowserContext;
  let page: Page;
  const projectPanel = () => page.getByTestId("project-panel");
  const origins = () => page.getByTestId("project-origins");
  /** The button that puts a project file in the editor. */
  const fileButton = (name: string) => projectPanel().getByRole("list", { name: "Project files" }).getByTitle(`Edit ${name}`);
  const fileRow = (name: string) =>
    projectPanel()
      .getByRole("list", { name: "Project files" })
      .getByRole("listitem")
      .filter({ has: page.getByTitle(`Edit ${name}`) });

  test.beforeAll(async ({ browser }) => {
    context = await browser.newContext({ acceptDownloads: true });
    // THE STUB: the native picker returns the OPFS folder "project".
    await stubFolderPicker(context, "project");
    page = await context.newPage();
    await page.goto("/");
    await waitForEditor(page);
    // The folder on "disk": a main config, 2 snippets, a hosts table of 3 hosts and a local file.
    await writeFolder(page, "project", FOLDER);
  });
  test.afterAll(async () => {
    await context.close();
  });

  test("opening a folder: main config in the editor, snippets in order, local files in the Files tab, the first host built", async () => {
    await page.getByRole("button", { name: "Project" }).click();
    await page.getByRole("menuitem", { name: /Open folder/ }).click();
    await expect(projectPanel()).toBeVisible();
    const files = projectPanel().getByRole("list", { name: "Project files" }).getByRole("listitem");
    await expect(files).toHaveCount(4);
    await expect(files.nth(0)).toContainText("main.bu");
    await expect(files.nth(1)).toContainText("snippets/10-hostname.bu");
    await expect(files.nth(2)).toContainText("snippets/20-net.bu");
    await expect(files.nth(3)).toContainText("hosts.yaml");
    await expect(files.nth(0)).toHaveAttribute("aria-current", "true");
    await expect(page.getByRole("tab", { name: /Files/ })).toContainText("1");
    expect(await monacoText(page, "source-editor")).toContain("local: motd.txt");
    await expect(projectPanel().getByLabel("Host whose output is shown")).toHaveValue("alpha");
    // The merged hostname entry comes from the first snippet, line 5.
    await expect(origins().getByRole("button", { name: /storage\.files\[\/etc\/hostname\]/ })).toContainText("snippets/10-hostname.bu:5");
    await expect(origins().getByRole("button", { name: /storage\.files\[\/etc\/motd\]/ })).toContainText("main.bu:8");
  });

  test("editing a snippet: its new entry is traced to its line, and clicking the origin opens that file there", async () => {
    await fileButton("snippets/20-net.bu").click();
    await expect(fileRow("snippets/20-net.bu")).toHaveAttribute("aria-current", "true");
    await setEditorText(page, EDITED_NET);
    await waitUpToDate(page);
    const added = origins().getByRole("button", { name: /storage\.files\[\/etc\/added-by-edit\]/ });
    await expect(added).toContainText("snippets/20-net.bu:8");
    // Elsewhere first, then back through the origin list.
    await fileButton("main.bu").click();
    expect(await monacoText(page, "source-editor")).toContain("local: motd.txt");
    await added.click();
    await expect(page.getByTestId("cursor-position")).toContainText("8");
    expect(await monacoText(page, "source-editor")).toContain("/etc/added-by-edit");
  });

  test("another file's problems are in Problems, naming the file; a click opens it at that line", async () => {
    await fileButton("snippets/10-hostname.bu").click();
    const withWarning = FOLDER["snippets/10-hostname.bu"]!.replace("storage:\n", "storage:\n  bogus: 1\n");
    await setEditorText(page, withWarning);
    await waitUpToDate(page);
    await fileButton("main.bu").click();
    await waitUpToDate(page);
    await page.getByRole("tab", { name: /Problems/ }).click();
    const row = page.getByTestId("project-problems").getByRole("button", { name: /snippets\/10-hostname\.bu unused key bogus/ });
    await expect(row).toContainText("4:3");
    await row.click();
    await expect(page.getByTestId("cursor-position")).toHaveText("Ln 4, Col 3");
    expect(await monacoText(page, "source-editor")).toContain("bogus: 1");
    await setEditorText(page, FOLDER["snippets/10-hostname.bu"]!);
    await waitUpToDate(page);
    await expect(page.getByTestId("project-problems")).toHaveCount(0);
  });

  test("three hosts: the picker shows each host's output, Download all gives one .ign per host", async () => {
    await page.getByRole("tab", { name: "Project" }).click();
    await projectPanel().getByLabel("Host whose output is shown").selectOption("beta");
    await waitUpToDate(page);
    await page.getByRole("tab", { name: /Ignition/ }).click();
    await expect.poll(() => monacoText(page, "output-view")).toContain("data:,beta");

    await page.getByRole("tab", { name: "Project" }).click();
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      projectPanel()
        .getByRole("button", { name: /Download all 3 hosts/ })
        .click(),
    ]);
    expect(download.suggestedFilename()).toBe("project-hosts.zip");
    const zip = unzipSync(new Uint8Array(await readFile((await download.path())!)));
    expect(Object.keys(zip).sort()).toEqual(["alpha.ign", "beta.ign", "gamma.ign"]);
    for (const [host, ip] of [
      ["alpha", "10.0.0.1"],
      ["beta", "dhcp"],
      ["gamma", "10.0.0.3"],
    ] as const) {
      const config = JSON.parse(strFromU8(zip[`${host}.ign`]!));
      const contents = Object.fromEntries(config.storage.files.map((f: { path: string; contents: { source: string } }) => [f.path, f.contents.source]));
      expect(contents).toEqual({
        "/etc/motd": "data:,welcome%0A",
        "/etc/hostname": `data:,${host}`,
        "/etc/kindling-ip": `data:,${ip}`,
        "/etc/added-by-edit": "data:,new",
      });
      expect(config.passwd.users).toEqual([{ name: "core" }]);
    }
  });

  test("saving writes the edited snippet back to the folder", async () => {
    expect(await readOpfs(page, "snippets/20-net.bu")).toBe(FOLDER["snippets/20-net.bu"]);
    await projectPanel().getByRole("button", { name: "Save to folder" }).click();
    await expect(page.getByText(/Saved \d+ files to the folder project/)).toBeVisible();
    expect(await readOpfs(page, "snippets/20-net.bu")).toBe(EDITED_NET);
    expect(await readOpfs(page, "main.bu")).toBe(FOLDER["main.bu"]);
    expect(await readOpfs(page, "motd.txt")).toBe(FOLDER["motd.txt"]);
  });

  test("a reload keeps the project, the file in the editor and the chosen host", async () => {
    await page.reload();
    await waitForEditor(page);
    await page.getByRole("tab", { name: "Project" }).click();
    await expect(projectPanel()).toContainText("project");
    await expect(projectPanel().getByRole("list", { name: "Project files" }).getByRole("listitem")).toHaveCount(4);
    await expect(fileRow("snippets/10-hostname.bu")).toHaveAttribute("aria-current", "true");
    expect(await monacoText(page, "source-editor")).toContain("inline: ${HOSTNAME}");
    await expect(projectPanel().getByLabel("Host whose output is shown")).toHaveValue("beta");
    await fileButton("snippets/20-net.bu").click();
    expect(await monacoText(page, "source-editor")).toContain("/etc/added-by-edit");
    // The folder handle came back from IndexedDB: saving goes to the same folder.
    await expect(projectPanel().getByRole("button", { name: /^Save to folder/ })).toBeVisible();
    expect(await seriousAxeFindings(page, '[data-testid="project-panel"]')).toEqual([]);
    await page.screenshot({ path: "test-results/project-panel.png" });
  });
});
