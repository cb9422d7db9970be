/**
 * Schema-driven editing in the real studio: completion, hover docs (with the since note and a link
 * to the reference page the app serves), snippets, and the schema following `version:`.
 */
import { expect, test, type Page } from "@playwright/test";
import { monacoText, setEditorText, waitForEditor, waitUpToDate } from "./helpers.ts";

const editor = (page: Page) => page.getByTestId("source-editor");
const suggestRows = (page: Page) => page.locator(".suggest-widget .monaco-list-row");
const hover = (page: Page) => page.locator(".monaco-hover:not(.hidden)");

/** Labels of the suggestions shown at the cursor (asks again until some show up). */
async function suggestions(page: Page): Promise<string[]> {
  await expect(async () => {
    await page.keyboard.press("Escape");
    await page.keyboard.press("Control+Space");
    await expect(suggestRows(page).first()).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
  const labels = await suggestRows(page).evaluateAll((rows) => rows.map((r) => r.getAttribute("aria-label") ?? ""));
  await page.keyboard.press("Escape");
  return labels.map((l) => l.split(",")[0]?.trim() ?? "");
}

/** Replaces the text, waits for its transpile (which picks the schema), and puts the cursor at the end. */
async function edit(page: Page, text: string): Promise<void> {
  await setEditorText(page, text);
  await waitUpToDate(page);
  await page.keyboard.press("ControlOrMeta+End");
}

/** Shows the hover of the first token with text `word`. */
async function hoverOver(page: Page, word: string): Promise<void> {
  const token = editor(page).locator(".view-line span span", { hasText: word }).first();
  await expect(async () => {
    await page.mouse.move(0, 0);
    await token.hover();
    await expect(hover(page)).toContainText(word === "with_mount_unit" ? "mount unit" : "", { timeout: 3_000 });
  }).toPass({ timeout: 30_000 });
}

const otherOrigins: string[] = [];

test.beforeEach(async ({ page, baseURL }) => {
  // Each schema switch starts monaco-yaml's worker afresh; on a busy 2-core machine that is slow.
  test.slow();
  otherOrigins.length = 0;
  page.on("request", (r) => {
    if (!r.url().startsWith(baseURL ?? "") && !r.url().startsWith("data:")) otherOrigins.push(r.url());
  });
  await page.goto("/");
  await waitForEditor(page);
});

test.afterEach(() => {
  expect(otherOrigins, "requests to other origins").toEqual([]);
});

test("typing `sto` at the top level offers `storage`", async ({ page }) => {
  await edit(page, "variant: fcos\nversion: 1.6.0\nsto");
  expect(await suggestions(page)).toContain("storage");
});

test("inside a storage.files entry, completion offers the file's fields", async ({ page }) => {
  await edit(page, "variant: fcos\nversion: 1.6.0\nstorage:\n  files:\n    - path: /etc/motd\n      ");
  const labels = await suggestions(page);
  expect(labels).toEqual(expect.arrayContaining(["contents", "mode", "overwrite", "append", "user", "group"]));
  // Only the file's fields: nothing from the root or from other structs.
  expect(labels).not.toContain("storage");
  expect(labels).not.toContain("device");
});

test("hovering `with_mount_unit` shows its description, since note and a docs link to a same-origin page", async ({ page, context, baseURL }) => {
  await edit(
    page,
    "variant: fcos\nversion: 1.6.0\nstorage:\n  filesystems:\n    - device: /dev/disk/by-partlabel/data\n      format: xfs\n      path: /var/data\n      with_mount_unit: true\n",
  );
  await hoverOver(page, "with_mount_unit");
  await expect(hover(page)).toContainText("Generate a systemd mount unit that mounts it at boot.");
  await expect(hover(page)).toContainText("Since fcos 1.1.0.");
  const link = hover(page).getByRole("link", { name: "fcos 1.6.0 reference" });
  await expect(link).toBeVisible();
  if (process.env.SHOTS) await page.screenshot({ path: "test-results/hover.png" });

  const [docs] = await Promise.all([context.waitForEvent("page"), link.click()]);
  await docs.waitForLoadState();
  expect(new URL(docs.url()).origin).toBe(new URL(baseURL ?? "").origin);
  expect(new URL(docs.url()).pathname).toBe("/docs/spec/fcos-1.6.0.html");
  await expect(docs.getByRole("heading", { name: "Butane fcos 1.6.0" })).toBeVisible();
  const row = docs.locator("tr:has(:target), tr:target");
  await expect(row).toContainText("storage.filesystems[].with_mount_unit");
  await expect(row).toContainText("Generate a systemd mount unit that mounts it at boot.");
  await expect(row).toBeInViewport();
  // The page links the variant/version's JSON Schema, which the studio serves too.
  const schemaLink = docs.getByRole("link", { name: "fcos-1.6.0.json" });
  const schema = await docs.request.get(new URL((await schemaLink.getAttribute("href")) ?? "", docs.url()).href);
  expect(schema.ok()).toBe(true);
  expect(((await schema.json()) as { title: string }).title).toBe("Butane fcos 1.6.0");
  if (process.env.SHOTS) {
    await docs.screenshot({ path: "test-results/docs-page.png" });
  }
});

test("hovering a key whose value is a mapping shows its description", async ({ page }) => {
  await edit(page, "variant: fcos\nversion: 1.6.0\nstorage:\n  files:\n    - path: /a\n");
  await hoverOver(page, "storage");
  await expect(hover(page)).toContainText("Disks, filesystems, files, directories and links.");
});

test("switching `version:` changes what completion offers, and an unknown version offers nothing", async ({ page }) => {
  // `grub` is new in fcos 1.5.0 (schemas/butane/fcos-1.6.0.json has it, fcos-1.4.0.json does not).
  await edit(page, "variant: fcos\nversion: 1.4.0\n");
  const v14 = await suggestions(page);
  expect(v14).toContain("storage");
  expect(v14).not.toContain("grub");

  await edit(page, "variant: fcos\nversion: 1.6.0\n");
  await expect.poll(() => suggestions(page), { timeout: 30_000 }).toContain("grub");

  // A version Butane does not have: no schema, so nothing from 1.6.0 lingers.
  await edit(page, "variant: fcos\nversion: 1.9.0\n");
  await expect.poll(async () => (await suggestions(page).catch((): string[] => [])).includes("storage"), { timeout: 30_000 }).toBe(false);

  await edit(page, "variant: fcos\nversion: 1.4.0\n");
  await expect.poll(() => suggestions(page), { timeout: 30_000 }).toContain("storage");
  expect(await suggestions(page)).not.toContain("grub");
});

test("each problem is marked once, by the transpiler, and yaml.v3's readings are not flagged", async ({ page }) => {
  // An unknown key (Butane: a warning) and a wrong type (an error) that a schema would flag too.
  await edit(page, "variant: fcos\nversion: 1.6.0\nstorage:\n  files:\n    - path: /a\n      cotnents:\n        inline: x\n");
  await expect(page.getByRole("tab", { name: /Problems/ })).toHaveAccessibleName("Problems: 1 warning");
  await expect(editor(page).locator(".squiggly-warning")).toHaveCount(1);
  await expect(editor(page).locator(".squiggly-error")).toHaveCount(0);
  await edit(page, "variant: fcos\nversion: 1.6.0\nstorage:\n  files:\n    - path: [1]\n");
  await expect(page.getByRole("tab", { name: /Problems/ })).toHaveAccessibleName("Problems: 1 error");
  await expect(editor(page).locator(".squiggly-error")).toHaveCount(1);
  await expect(editor(page).locator(".squiggly-warning")).toHaveCount(0);
  // YAML 1.1 booleans into a bool field and a number into a string field: Butane accepts both.
  // (A number as a unit's contents would be a real problem: Kindling's unit lint reports it.)
  await edit(
    page,
    "variant: fcos\nversion: 1.6.0\nsystemd:\n  units:\n    - name: a.service\n      enabled: no\nstorage:\n  files:\n    - path: /a\n      contents:\n        inline: 123\n",
  );
  await expect(page.getByRole("tab", { name: /Problems/ })).toHaveAccessibleName("Problems: none");
  await expect(editor(page).locator(".squiggly-error, .squiggly-warning, .squiggly-info")).toHaveCount(0);
});

const snippetCases = [
  {
    name: "file with inline contents",
    text: "storage:\n  files:\n    - ",
    inserted: "inline: hello",
    output: ['"path": "/etc/example.conf"', '"mode": 420'],
  },
  {
    name: "systemd service",
    text: "systemd:\n  units:\n    - ",
    inserted: "enabled: true",
    output: ['"name": "example.service"', "ExecStart=/usr/bin/echo hello\\n"],
  },
  {
    name: "disk with a partition and a filesystem",
    text: "storage:\n  ",
    inserted: "with_mount_unit: true",
    output: ['"label": "data"', "Where=/var/data"],
  },
];

for (const c of snippetCases) {
  test(`the "${c.name}" snippet inserts a block that transpiles without problems`, async ({ page }) => {
    await edit(page, `variant: fcos\nversion: 1.6.0\n${c.text}`);
    expect(await suggestions(page)).toContain(c.name);
    await page.keyboard.press("Control+Space");
    await suggestRows(page).filter({ hasText: c.name }).click();
    await expect.poll(() => monacoText(page, "source-editor")).toContain(c.inserted);
    await page.keyboard.press("Escape");
    await waitUpToDate(page);
    await expect(page.getByRole("tab", { name: /Problems/ })).toHaveAccessibleName("Problems: none");
    for (const text of c.output) await expect(page.getByTestId("output-view")).toContainText(text);
  });
}

test("snippets are offered only where they fit, and only in versions that have their fields", async ({ page }) => {
  // Inside a file entry that already has keys: the file's fields, not a second file.
  await edit(page, "variant: fcos\nversion: 1.6.0\nstorage:\n  files:\n    - path: /etc/motd\n      ");
  const inEntry = await suggestions(page);
  expect(inEntry).toContain("contents");
  expect(inEntry).not.toContain("file with inline contents");
  // r4e rejects disk customization: no disk snippet, though `storage` has `disks`.
  await edit(page, "variant: r4e\nversion: 1.1.0\nstorage:\n  ");
  const r4e = await suggestions(page);
  expect(r4e).toContain("disks");
  expect(r4e).not.toContain("disk with a partition and a filesystem");
});
