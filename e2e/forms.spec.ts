import { execFileSync } from "node:child_process";
import { readFile } from "node:fs/promises";
import { gunzipSync } from "node:zlib";
import { expect, test, type Page } from "@playwright/test";
import { monacoText, setEditorText, waitForEditor, waitUpToDate } from "./helpers.ts";

const KEY = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAII33GjcZ2dIDf2uRw4YbUAsanGfV//NWHTsK3OP/qV0i alice@laptop";
const BASE = "# My machine\nvariant: fcos\nversion: 1.6.0 # latest stable\npasswd:\n  users:\n    - name: core # default user\n";

test.beforeEach(async ({ page }) => {
  await page.goto("/");
  await waitForEditor(page);
  await setEditorText(page, BASE);
  await waitUpToDate(page);
});

const showForms = (page: Page) => page.getByRole("button", { name: "Forms", exact: true }).click();
const showYaml = (page: Page) => page.getByRole("button", { name: "YAML", exact: true }).click();
const forms = (page: Page) => page.getByTestId("forms-view");

/** The editor's text (all lines of these short configs are on screen). */
async function yamlText(page: Page): Promise<string> {
  await showYaml(page);
  // Monaco's view has no line for the final newline.
  return (await monacoText(page, "source-editor")) + "\n";
}

/** The downloaded Ignition config. */
async function downloadIgnition(
  page: Page,
): Promise<{ storage?: { files?: { path: string; contents?: { source?: string; compression?: string } }[] }; passwd?: { users?: Record<string, unknown>[] } }> {
  await waitUpToDate(page);
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: /^Download/ }).click()]);
  return JSON.parse(await readFile(await download.path(), "utf8")) as never;
}

function decodeDataUrl(source: string, compression?: string): string {
  const m = /^data:([^,]*),(.*)$/s.exec(source);
  if (!m) throw new Error(`not a data URL: ${source}`);
  const meta = m[1] ?? "";
  const body = meta.endsWith(";base64") ? Buffer.from(m[2] ?? "", "base64") : Buffer.from(decodeURIComponent(m[2] ?? ""), "utf8");
  return (compression === "gzip" ? gunzipSync(body) : body).toString("utf8");
}

test("add a user with an SSH key and a generated password hash; Ctrl+Z undoes form edits", async ({ page }) => {
  await showForms(page);
  const view = forms(page);
  await view.getByLabel("New user").fill("alice");
  await view.getByRole("button", { name: "Add user" }).click();
  await expect(view.getByText("alice", { exact: true }).first()).toBeVisible();

  const card = view.locator("details.ff-card", { hasText: "alice" });
  await card.getByLabel("New SSH key").fill(KEY);
  await card.getByRole("button", { name: "Add SSH key" }).click();
  await expect(card.getByText("ssh-ed25519 · alice@laptop")).toBeVisible();
  await waitUpToDate(page);

  await card.getByLabel("New password").fill("correct horse battery");
  await card.getByRole("button", { name: "Generate hash" }).click();
  const hashBox = card.getByLabel("password_hash");
  await expect(hashBox).toHaveValue(/^\$6\$[./0-9A-Za-z]{16}\$[./0-9A-Za-z]{86}$/);
  await expect(card.getByLabel("New password")).toHaveValue("");
  const hash = await hashBox.inputValue();
  // The browser's hash verifies with the system's crypt (openssl passwd -6) when it is installed.
  try {
    const salt = hash.split("$")[2] ?? "";
    const expected = execFileSync("openssl", ["passwd", "-6", "-salt", salt, "-stdin"], { input: "correct horse battery\n" }).toString().trim();
    expect(hash).toBe(expected);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "ENOENT") throw e;
  }
  await waitUpToDate(page);

  // Output and preview.
  const ign = await downloadIgnition(page);
  expect(ign.passwd?.users).toEqual([{ name: "core" }, { name: "alice", sshAuthorizedKeys: [KEY], passwordHash: hash }]);
  await page.getByRole("tab", { name: "Preview" }).click();
  const preview = page.getByRole("tabpanel", { name: "Preview" });
  await expect(preview.getByText("alice", { exact: true })).toBeVisible();
  await expect(preview.getByText("alice@laptop")).toBeVisible();

  // The YAML: the new user added below the old one, comments kept.
  // (Polled: Monaco lays the view out again once the YAML pane is shown.)
  await expect.poll(() => yamlText(page)).toBe(`${BASE}    - name: alice\n      ssh_authorized_keys:\n        - ${KEY}\n      password_hash: ${hash}\n`);

  // Ctrl+Z in the forms undoes the last form edit (on the editor's own undo stack)...
  await showForms(page);
  await view.getByRole("tab", { name: "Users & groups" }).focus();
  await page.keyboard.press("ControlOrMeta+z");
  await expect(card.getByLabel("password_hash")).toHaveValue("");
  await expect.poll(() => yamlText(page)).toBe(`${BASE}    - name: alice\n      ssh_authorized_keys:\n        - ${KEY}\n`);

  // ...and so does Ctrl+Z in the editor, back to the text before the forms.
  await page.getByTestId("source-editor").locator(".view-lines").click();
  await page.keyboard.press("ControlOrMeta+z");
  await page.keyboard.press("ControlOrMeta+z");
  await expect.poll(() => monacoText(page, "source-editor")).toBe(BASE.trimEnd());
  await waitUpToDate(page);
});

test("a maintenance window writes the Zincati drop-in with the right TOML", async ({ page }) => {
  await showForms(page);
  const view = forms(page);
  await view.getByRole("tab", { name: "Updates" }).click();
  await view.getByRole("radio", { name: "In maintenance windows" }).check();
  const win = view.getByRole("group", { name: "Window 1", exact: true });
  await expect(win).toBeVisible();
  await win.getByRole("checkbox", { name: "Sun" }).uncheck();
  await win.getByRole("checkbox", { name: "Wed" }).check();
  await win.getByLabel("Start (UTC)").fill("03:30");
  await win.getByLabel("Start (UTC)").press("Enter");
  await win.getByLabel("Length (minutes)").fill("90");
  await win.getByLabel("Length (minutes)").press("Enter");

  await expect.poll(async () => (await downloadIgnition(page)).storage?.files?.length).toBe(1);
  const ign = await downloadIgnition(page);
  const file = ign.storage?.files?.find((f) => f.path === "/etc/zincati/config.d/55-updates-strategy.toml");
  expect(file).toBeDefined();
  expect(decodeDataUrl(file?.contents?.source ?? "", file?.contents?.compression)).toBe(
    '[updates]\nstrategy = "periodic"\n\n[[updates.periodic.window]]\ndays = [ "Wed", "Sat" ]\nstart_time = "03:30"\nlength_minutes = 90\n',
  );
  // Polled: after the pane switch Monaco lays its view out again and may show only part of it at first.
  await expect.poll(async () => (await yamlText(page)).startsWith(BASE)).toBe(true);
  // The YAML keeps the comments and the users; the file is appended under a new storage key.
  await expect
    .poll(() => yamlText(page))
    .toContain("    - path: /etc/zincati/config.d/55-updates-strategy.toml\n      mode: 0644\n      contents:\n        inline: |\n          [updates]");
});

test("an invalid SSH key shows an error at the field; a schema error shows at its field", async ({ page }) => {
  await showForms(page);
  const view = forms(page);
  const card = view.locator("details.ff-card", { hasText: "core" });
  await card.getByLabel("New SSH key").fill("ssh-ed25519 not-a-key!! me@host");
  await card.getByRole("button", { name: "Add SSH key" }).click();
  const box = card.getByRole("textbox", { name: "SSH key 1", exact: true });
  await expect(box).toHaveAttribute("aria-invalid", "true");
  await expect(card.getByText("The key data is not valid base64.")).toBeVisible();

  // A wrong type from the YAML side: ajv (Butane's schema) reports it at the field.
  await showYaml(page);
  await setEditorText(page, `${BASE}      uid: lots\n`);
  await waitUpToDate(page);
  await showForms(page);
  await card.getByText("More user fields").click();
  const uid = card.getByLabel("uid");
  await expect(uid).toHaveValue("lots");
  await expect(uid).toHaveAttribute("aria-invalid", "true");
  await expect(card.getByText("must be integer", { exact: true })).toBeVisible();

  // Plaintext in password_hash gets a warning at the field.
  await showYaml(page);
  await setEditorText(page, `${BASE}      password_hash: hunter2\n`);
  await waitUpToDate(page);
  await showForms(page);
  await expect(card.getByLabel("password_hash")).toHaveAttribute("aria-invalid", "true");
  await expect(card.getByText(/does not look like a crypt hash/)).toBeVisible();
});

test("the Storage form's disk bar follows form edits live", async ({ page }) => {
  await setEditorText(
    page,
    `${BASE}storage:\n  disks:\n    - device: /dev/vdb\n      wipe_table: true\n      partitions:\n        - label: var\n          size_mib: 10240\n`,
  );
  await waitUpToDate(page);
  await showForms(page);
  const view = forms(page);
  await view.getByRole("tab", { name: "Storage" }).click();
  const bar = view.getByLabel("Disk layout preview");
  await expect(bar.getByRole("cell", { name: "10 GiB" })).toBeVisible();
  const partition = view.locator("details.ff-card", { hasText: "var" }).last();
  await partition.getByLabel("size_mib").fill("20480");
  await partition.getByLabel("size_mib").press("Enter");
  await expect(bar.getByRole("cell", { name: "20 GiB" })).toBeVisible();
  // type_guid offers the well-known GPT types by name and names the one chosen.
  const typeGuid = partition.getByLabel("type_guid");
  const options = page.locator(`datalist[id="${await typeGuid.getAttribute("list")}"] option`);
  await expect(options.and(page.locator('[label="Linux swap"]'))).toHaveCount(1);
  expect(await options.count()).toBeGreaterThan(10);
  await typeGuid.fill("0657fd6d-a4ab-43c4-84e5-0933c84b4f4f");
  await typeGuid.press("Enter");
  await expect(partition.getByText("Linux swap", { exact: true })).toBeVisible();
  await partition.getByText("Linux swap", { exact: true }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: test.info().outputPath("forms-gpt-type.png") });
  await expect.poll(() => yamlText(page)).toContain("          type_guid: 0657fd6d-a4ab-43c4-84e5-0933c84b4f4f\n");
  // Picking from the list (the browser replaces the whole text) commits without Enter.
  await showForms(page);
  await typeGuid.focus();
  await typeGuid.evaluate((el: HTMLInputElement) => {
    Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, "value")?.set?.call(el, "e6d6d379-f507-44c2-a23c-238f2a3df928");
    el.dispatchEvent(new InputEvent("input", { bubbles: true, inputType: "insertReplacementText" }));
  });
  await expect(partition.getByText("Linux LVM", { exact: true })).toBeVisible();
  await expect(typeGuid).toBeFocused();
  await expect(page.getByTestId("output-view")).toContainText("e6d6d379-f507-44c2-a23c-238f2a3df928");
  // Fields this variant/version lacks are not offered: fiot rejects disks, so no Storage section.
  await showYaml(page);
  await setEditorText(page, "variant: fiot\nversion: 1.0.0\n");
  await waitUpToDate(page);
  await showForms(page);
  await expect(view.getByRole("tab", { name: "Users & groups" })).toBeVisible();
  await expect(view.getByRole("tab", { name: "Storage" })).toHaveCount(0);
  await expect(view.getByRole("tab", { name: "Updates" })).toHaveCount(0);
});

test("screenshots of the Forms view, light and dark", async ({ page }, info) => {
  await setEditorText(
    page,
    `${BASE}      ssh_authorized_keys:\n        - ${KEY}\nstorage:\n  disks:\n    - device: /dev/vdb\n      wipe_table: true\n      partitions:\n        - label: var\n          size_mib: 10240\n  filesystems:\n    - device: /dev/disk/by-partlabel/var\n      path: /var\n      format: xfs\n      with_mount_unit: true\n`,
  );
  await waitUpToDate(page);
  await showForms(page);
  await expect(forms(page).getByText("ssh-ed25519 · alice@laptop")).toBeVisible();
  await page.screenshot({ path: info.outputPath("forms-light.png") });
  await forms(page).getByRole("tab", { name: "Storage" }).click();
  await page.emulateMedia({ colorScheme: "dark" });
  await page.screenshot({ path: info.outputPath("forms-storage-dark.png") });
  await forms(page).getByRole("tab", { name: "Users & groups" }).click();
  await page.screenshot({ path: info.outputPath("forms-dark.png") });
});
