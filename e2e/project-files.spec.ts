/**
 * Projects in a browser without the File System Access API (window.showDirectoryPicker removed
 * before the app loads): a zip imported through the Project menu, each file edited with its own
 * undo history, the autosave over reloads, and Save falling back to a zip download read back here.
 */
import { expect, test, type BrowserContext, type Page } from "@playwright/test";
import { readFile } from "node:fs/promises";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { EDITOR_INPUT, monacoText, seriousAxeFindings, waitForEditor, waitUpToDate } from "./helpers.ts";

const HEAD = "variant: fcos\nversion: 1.5.0\n";
const FILES: Record<string, string> = {
  "main.bu": `${HEAD}passwd:\n  users:\n    - name: core\nstorage:\n  files:\n    - path: /etc/motd\n      contents:\n        local: motd.txt\n`,
  "snippets/ntp.bu": `${HEAD}storage:\n  files:\n    - path: /etc/hostname\n      contents:\n        inline: \${HOSTNAME}\n`,
  "hosts.yaml": "alpha:\n  HOSTNAME: alpha\nbeta:\n  HOSTNAME: beta\n",
  "motd.txt": "welcome\n",
};

/** The project folder zipped with its folder (as a desktop zips one): "demo/main.bu", … */
const zipOfFolder = () => Buffer.from(zipSync(Object.fromEntries(Object.entries(FILES).map(([path, text]) => [`demo/${path}`, strToU8(text)]))));

test.describe.serial("projects without the File System Access API", () => {
  test.describe.configure({ timeout: 120_000 });
  let context: BrowserContext;
  let page: Page;
  const projectPanel = () => page.getByTestId("project-panel");
  const fileButton = (name: string) => projectPanel().getByRole("list", { name: "Project files" }).getByTitle(`Edit ${name}`);
  const editorText = () => monacoText(page, "source-editor");
  /** Puts the cursor at the end of the document (clicking the text first to focus it). */
  const toEnd = async () => {
    await page.getByTestId("source-editor").locator(".view-lines").click();
    await page.keyboard.press("ControlOrMeta+End");
  };
  const open = async (name: string) => {
    await fileButton(name).click();
    await expect(
      projectPanel()
        .getByRole("listitem")
        .filter({ has: page.getByTitle(`Edit ${name}`) }),
    ).toHaveAttribute("aria-current", "true");
  };

  test.beforeAll(async ({ browser }) => {
    context = await browser.newContext({ acceptDownloads: true });
    await context.addInitScript(() => {
      delete (window as unknown as { showDirectoryPicker?: unknown }).showDirectoryPicker;
    });
    page = await context.newPage();
    await page.goto("/");
    await waitForEditor(page);
  });
  test.afterAll(async () => {
    await context.close();
  });

  test("Import .zip… opens the project: main config, snippet, hosts table, and the local file in the Files tab", async () => {
    expect(await page.evaluate(() => "showDirectoryPicker" in window)).toBe(false);
    await page.getByRole("button", { name: "Project", exact: true }).click();
    const [chooser] = await Promise.all([page.waitForEvent("filechooser"), page.getByRole("menuitem", { name: /Import \.zip/ }).click()]);
    await chooser.setFiles({ name: "demo.zip", mimeType: "application/zip", buffer: zipOfFolder() });
    await expect(projectPanel()).toBeVisible();
    const files = projectPanel().getByRole("list", { name: "Project files" }).getByRole("listitem");
    await expect(files).toHaveCount(3);
    await expect(files.nth(0)).toContainText("main.bu");
    await expect(files.nth(1)).toContainText("snippets/ntp.bu");
    await expect(files.nth(2)).toContainText("hosts.yaml");
    await expect(page.getByRole("tab", { name: /Files/ })).toContainText("1");
    await expect(projectPanel().getByLabel("Host whose output is shown")).toHaveValue("alpha");
    await expect.poll(editorText).toContain("local: motd.txt");
    await waitUpToDate(page);
    await page.getByRole("tab", { name: /Ignition/ }).click();
    await expect.poll(() => monacoText(page, "output-view")).toContain("data:,alpha");
    await page.getByRole("tab", { name: "Project" }).click();
  });

  test("each file has its own undo history: Ctrl+Z in the main config undoes its edit only", async () => {
    await toEnd();
    await page.keyboard.type("#AAA");
    await expect.poll(editorText).toContain("#AAA");
    await expect(page.getByTestId("cursor-position")).toHaveText("Ln 11, Col 5");

    await open("snippets/ntp.bu");
    await expect.poll(editorText).not.toContain("#AAA");
    await toEnd();
    await page.keyboard.type("#BBB");
    await expect.poll(editorText).toContain("#BBB");

    await open("main.bu");
    // The cursor is where it was left in this file.
    await expect(page.getByTestId("cursor-position")).toHaveText("Ln 11, Col 5");
    await expect.poll(editorText).toContain("#AAA");
    await page.getByTestId("source-editor").locator(EDITOR_INPUT).focus();
    /** The main config's own text: its lines, without the edit, without anything of the snippet. */
    const mainOnly = async (withEdit: boolean) => {
      const t = await editorText();
      return t.includes("local: motd.txt") && t.includes("#AAA") === withEdit && !t.includes("#BBB") && !t.includes("/etc/hostname");
    };
    await page.keyboard.press("ControlOrMeta+Z");
    await expect.poll(() => mainOnly(false)).toBe(true);
    // Nothing further back in this file's history: the snippet's text never comes into it.
    await page.keyboard.press("ControlOrMeta+Z");
    await page.keyboard.press("ControlOrMeta+Z");
    await expect.poll(() => mainOnly(false)).toBe(true);
    // Redo brings its edit back, and only that.
    await page.keyboard.press("ControlOrMeta+Shift+Z");
    await expect.poll(() => mainOnly(true)).toBe(true);

    await open("snippets/ntp.bu");
    await expect.poll(editorText).toContain("/etc/hostname");
    expect(await editorText()).toContain("#BBB");
  });

  test("Save falls back to a zip: the download holds every file with its edits", async () => {
    await waitUpToDate(page);
    await page.getByRole("button", { name: "Project", exact: true }).click();
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("menuitem", { name: "Save (.zip)" }).click()]);
    expect(download.suggestedFilename()).toBe("demo.zip");
    const zip = unzipSync(new Uint8Array(await readFile((await download.path())!)));
    const text = (path: string) => (zip[path] ? strFromU8(zip[path]) : undefined);
    expect(text("main.bu")).toBe(`${FILES["main.bu"]}#AAA`);
    expect(text("snippets/ntp.bu")).toBe(`${FILES["snippets/ntp.bu"]}#BBB`);
    expect(text("hosts.yaml")).toBe(FILES["hosts.yaml"]);
    expect(text("motd.txt")).toBe(FILES["motd.txt"]);
  });

  test("Export .zip, after more edits, holds them too", async () => {
    await open("hosts.yaml");
    await toEnd();
    await page.keyboard.type("#G");
    await waitUpToDate(page);
    await page.getByRole("button", { name: "Project", exact: true }).click();
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("menuitem", { name: /Export \.zip/ }).click()]);
    const zip = unzipSync(new Uint8Array(await readFile((await download.path())!)));
    expect(strFromU8(zip["hosts.yaml"]!)).toBe(`${FILES["hosts.yaml"]}#G`);
    expect(strFromU8(zip["main.bu"]!)).toBe(`${FILES["main.bu"]}#AAA`);
  });

  test("the output of a snippet's project downloads under the host's name, not the snippet's path", async () => {
    await open("snippets/ntp.bu");
    await waitUpToDate(page);
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Download .ign", exact: true }).click()]);
    expect(download.suggestedFilename()).toBe("alpha.ign");
  });

  test("edits are kept over a reload right after the keystroke", async () => {
    await open("snippets/ntp.bu");
    await toEnd();
    await page.keyboard.type("#C");
    await page.reload();
    await waitForEditor(page);
    await page.getByRole("tab", { name: "Project" }).click();
    await expect(projectPanel().getByRole("list", { name: "Project files" }).getByRole("listitem")).toHaveCount(3);
    await expect.poll(editorText).toContain("#BBB#C");
    await open("main.bu");
    await expect.poll(editorText).toContain("#AAA");
    await open("hosts.yaml");
    await expect.poll(editorText).toContain("#G");
    // Twice more, a keystroke each, each reloaded at once.
    for (const key of ["1", "2"]) {
      await toEnd();
      await page.keyboard.type(key);
      await page.reload();
      await waitForEditor(page);
    }
    await page.getByRole("tab", { name: "Project" }).click();
    await expect.poll(editorText).toContain("#G12");
    expect(await seriousAxeFindings(page, '[data-testid="project-panel"]')).toEqual([]);
    await page.screenshot({ path: "test-results/project-files.png" });
  });

  test("schema completion works in a snippet's own model", async () => {
    await page.getByRole("tab", { name: "Project" }).click();
    await open("snippets/ntp.bu");
    await waitUpToDate(page);
    await toEnd();
    await page.keyboard.press("Enter");
    await expect(async () => {
      await page.keyboard.press("Escape");
      await page.keyboard.press("Control+Space");
      await expect(page.locator(".suggest-widget .monaco-list-row").first()).toBeVisible({ timeout: 2_000 });
    }).toPass({ timeout: 30_000 });
    const labels = await page.locator(".suggest-widget .monaco-list-row").evaluateAll((rows) => rows.map((r) => r.getAttribute("aria-label") ?? ""));
    expect(labels.some((l) => l.startsWith("passwd"))).toBe(true);
    await page.keyboard.press("Escape");
  });

  test("closing the project: the editor keeps the file it showed, as a single document that takes edits", async () => {
    await page.getByRole("tab", { name: "Project" }).click();
    await open("hosts.yaml");
    await projectPanel().getByRole("button", { name: "Close project" }).click();
    await expect(projectPanel()).toHaveCount(0);
    await expect.poll(editorText).toContain("#G12");
    await toEnd();
    await page.keyboard.type("3");
    await expect.poll(editorText).toContain("#G123");
    await expect(page.getByTestId("save-state")).toHaveText("Saved in this browser");
  });
});
