/**
 * Quick fixes and error help: each newcomer mistake shows the lightbulb, Ctrl+. lists the fix,
 * applying it clears the problem and Ctrl+Z brings the text back; tabs, an unknown version, a
 * missing local file and the example SSH key are marked and fixable; a link shared with its
 * secrets redacted opens with a banner, guarded downloads and fill-in actions.
 * One page for the whole file (Monaco loads once); each case sets its own text.
 */
import { expect, test, type Page } from "@playwright/test";
import { monacoText, setEditorText, waitForEditor, waitUpToDate } from "./helpers.ts";

const fcos = (body: string, version = "1.6.0") => `variant: fcos\nversion: ${version}\n${body}`;
const REAL_KEY = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAII33GjcZ2dIDf2uRw4YbUAsanGfV//NWHTsK3OP/qV0i alice@laptop";

/** Screenshots for the report (test-results/ is not committed). */
const shot = (page: Page, name: string) => page.screenshot({ path: `test-results/quick-fixes/${name}.png` });

let page: Page;

const editor = () => page.getByTestId("source-editor");
const problemsTab = () => page.getByRole("tab", { name: /Problems/ });
const panel = () => page.getByTestId("problems-panel");

/** Sets the text and waits for its problems to be listed. */
async function load(text: string, expected: RegExp | string) {
  await setEditorText(page, text);
  await waitUpToDate(page);
  await expect(problemsTab()).toHaveAccessibleName(expected);
  await problemsTab().click();
}

/** Puts the editor's cursor on a problem (its row in Problems reveals it) and opens Ctrl+. there. */
async function quickFixMenu(problem: RegExp) {
  await panel().getByRole("button", { name: problem }).first().click();
  // In the text, or in the glyph margin when the line has no room for it.
  await expect(editor().locator('.lightBulbWidget:visible, [class*="codicon-gutter-lightbulb"]')).toBeVisible();
  await page.keyboard.press("Control+.");
  return page.locator(".action-widget .monaco-list-row.action");
}

/** Applies a listed action from the keyboard (the menu blocks the pointer until the mouse moves). */
async function pick(items: ReturnType<Page["locator"]>, title: string) {
  const focused = items.and(page.locator(".focused"));
  for (let i = 0; i < 10 && (await focused.getAttribute("aria-label")) !== title; i++) await page.keyboard.press("ArrowDown");
  await expect(focused).toHaveAttribute("aria-label", title);
  await page.keyboard.press("Enter");
}

/** The visible editor text, lines trimmed at the end (Monaco draws tabs as spaces). */
const shown = async () => (await monacoText(page, "source-editor")).replace(/[ \t]+$/gm, "").trimEnd();

test.describe.serial("quick fixes", () => {
  test.beforeAll(async ({ browser }) => {
    page = await browser.newPage();
    await page.goto("/");
    await waitForEditor(page);
  });

  test.afterAll(async () => {
    await page.close();
  });

  test("the welcome config's example key: marked, reported as in Forms, and replaced by a pasted key", async () => {
    await waitUpToDate(page);
    await expect(problemsTab()).toHaveAccessibleName("Problems: 1 warning");
    await problemsTab().click();
    const row = panel().getByRole("listitem").filter({ hasText: "This is an example SSH key" });
    await expect(row).toBeVisible();
    await expect(editor().locator(".squiggly-warning")).toHaveCount(1);

    // The Forms view says the same, in the same words.
    await page.getByRole("button", { name: "Forms", exact: true }).click();
    await expect(page.getByText("This is an example SSH key, not a real one").first()).toBeVisible();
    await page.getByRole("button", { name: "YAML", exact: true }).click();

    await row.getByRole("button", { name: "Paste a public key…" }).click();
    const dialog = page.getByTestId("fill-dialog");
    await dialog.getByRole("textbox").fill("ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI... me@example");
    await expect(dialog.getByRole("alert")).toContainText("example SSH key");
    await dialog.getByRole("textbox").fill(REAL_KEY);
    await dialog.getByRole("button", { name: "Fill in" }).click();
    await expect(dialog).toHaveCount(0);
    await expect(problemsTab()).toHaveAccessibleName("Problems: none");
    await expect(editor()).toContainText("alice@laptop");
  });

  const mistakes = [
    {
      name: "mode: 644",
      text: fcos("storage:\n  files:\n    - path: /etc/a\n      mode: 644\n"),
      problem: /unreasonable mode/,
      fix: "Write the mode in octal: 0644",
      after: "mode: 0644",
    },
    {
      name: "a relative path",
      text: fcos("storage:\n  files:\n    - path: etc/motd\n      contents:\n        inline: hi\n"),
      problem: /path not absolute/,
      fix: "Make the path absolute: /etc/motd",
      after: "- path: /etc/motd",
    },
    {
      name: "tabs",
      text: "variant: fcos\nversion: 1.6.0\nstorage:\n\tfiles:\n\t\t- path: /etc/a\n",
      problem: /found character that cannot start any token/,
      fix: "Indent with spaces instead of tabs (2 lines)",
      after: "    - path: /etc/a",
    },
    {
      name: "a wrong version",
      text: fcos("storage:\n  files:\n    - path: /etc/a\n", "1.9.0"),
      problem: /No translator exists for variant fcos with version 1\.9\.0/,
      fix: "Use fcos 1.7.0",
      after: "version: 1.7.0",
    },
    {
      name: "pasword_hash",
      text: fcos("passwd:\n  users:\n    - name: core\n      pasword_hash: $6$salt$hash\n"),
      problem: /unused key pasword_hash/,
      fix: "Did you mean password_hash?",
      after: "password_hash: $6$salt$hash",
    },
    {
      name: "a unit enabled without [Install]",
      text: fcos(
        "systemd:\n  units:\n    - name: hello.service\n      enabled: true\n      contents: |\n        [Service]\n        ExecStart=/usr/bin/echo hello\n",
      ),
      problem: /is enabled, but has no install section/,
      fix: "Add [Install] with WantedBy=multi-user.target",
      after: "WantedBy=multi-user.target",
    },
    {
      name: "an OpenShift config without metadata",
      text: "variant: openshift\nversion: 4.16.0\nstorage:\n  files:\n    - path: /etc/a\n",
      problem: /metadata\.name is required/,
      fix: "Add metadata (name 99-worker-custom, role worker)",
      after: "machineconfiguration.openshift.io/role: worker",
    },
  ];

  for (const m of mistakes) {
    test(`${m.name}: lightbulb, Ctrl+. lists the fix, applying it clears the problem, Ctrl+Z restores the text`, async () => {
      await load(m.text, /error|warning/);
      const before = await shown();
      const items = await quickFixMenu(m.problem);
      const item = items.filter({ hasText: m.fix });
      await expect(item).toBeVisible();
      if (m.name === "a relative path") await shot(page, "lightbulb-menu");
      await pick(items, m.fix);
      await expect(editor()).toContainText(m.after);
      await expect(problemsTab()).toHaveAccessibleName("Problems: none");
      await expect(panel()).toContainText("No problems.");

      await editor().locator(".view-lines").click();
      await page.keyboard.press("ControlOrMeta+z");
      await expect.poll(shown).toBe(before);
      await expect(panel().getByRole("button", { name: m.problem }).first()).toBeVisible();
    });
  }

  test("a tab is drawn, marked where it is, explained, and fixed from Problems", async () => {
    await load("variant: fcos\nversion: 1.6.0\nstorage:\n  files:\n  \t- path: /etc/a\n", "Problems: 1 error");
    const row = panel().getByRole("listitem").filter({ hasText: "found character that cannot start any token" });
    await expect(row).toContainText("YAML does not allow tabs for indentation");
    await expect(row).toContainText("5:3");
    // The tab is visible, and the error marker sits on it (not on the "-" after it).
    const tab = editor().locator(".k-tab-char");
    await expect(tab).toHaveCount(1);
    const squiggle = editor().locator(".squiggly-error");
    await expect(squiggle).toHaveCount(1);
    const [t, s] = [await tab.boundingBox(), await squiggle.boundingBox()];
    expect(t && s && Math.abs(t.x - s.x) < 2 && Math.abs(t.width - s.width) < 2).toBe(true);
    await shot(page, "tab-marker");
    await row.getByRole("button", { name: /Indent with spaces/ }).click();
    await expect(problemsTab()).toHaveAccessibleName("Problems: none");
    await expect(editor().locator(".k-tab-char")).toHaveCount(0);
  });

  test("an unknown version is marked on its line, with the supported versions and a fix", async () => {
    await load("# my node\nvariant: fcos\nversion: 1.9.0\n", "Problems: 1 error");
    const row = panel().getByRole("listitem").filter({ hasText: "No translator exists" });
    await expect(row).toContainText("3:10");
    await expect(row).toContainText("Supported fcos versions: 1.0.0, 1.1.0, 1.2.0, 1.3.0, 1.4.0, 1.5.0, 1.6.0, 1.7.0 (experimental: 1.8.0-experimental).");
    await expect(editor().locator(".squiggly-error")).toHaveCount(1);
    await row.getByRole("button", { name: "Use fcos 1.7.0" }).click();
    await expect(problemsTab()).toHaveAccessibleName("Problems: none");
    await expect(editor()).toContainText("version: 1.7.0");
  });

  test("a missing local file offers Attach…, which opens the Files panel at its path", async () => {
    await load(fcos("storage:\n  files:\n    - path: /etc/motd\n      contents:\n        local: conf/motd.txt\n"), "Problems: 1 error");
    await expect(editor().locator(".squiggly-error")).toHaveCount(1);
    await panel().getByRole("button", { name: "Attach conf/motd.txt…" }).click();
    await expect(page.getByRole("tab", { name: /Files/ })).toHaveAttribute("aria-selected", "true");
    const request = page.getByTestId("attach-request");
    await expect(request).toContainText("The config reads conf/motd.txt");
    await page.getByTestId("attach-input").setInputFiles({ name: "whatever.txt", mimeType: "text/plain", buffer: Buffer.from("hello\n") });
    await expect(page.getByLabel("Path of conf/motd.txt")).toHaveValue("conf/motd.txt");
    await expect(request).toContainText("Added conf/motd.txt");
    await expect(problemsTab()).toHaveAccessibleName("Problems: none");
  });

  test("a link shared with secrets redacted: banner, N problems, guarded download; filled in, clean", async () => {
    const secret = fcos(
      `passwd:\n  users:\n    - name: core\n      password_hash: $6$rounds=4096$saltsalt$0123456789abcdefghijklmnopqrstuvwxyz\n      ssh_authorized_keys:\n        - ${REAL_KEY}\n`,
    );
    await load(secret, "Problems: none");
    await page.getByRole("button", { name: "Share…" }).click();
    const share = page.getByTestId("share-dialog");
    await expect(share.getByTestId("share-link")).toHaveValue(/#v2\//);
    await share.getByRole("radio", { name: /Redacted/ }).check();
    const link = await share.getByTestId("share-link").inputValue();
    await share.getByRole("button", { name: "Close" }).click();

    // The link opened as a recipient would (this page has a draft, so it is offered first).
    await page.goto(link);
    await page.getByTestId("notice-share").getByRole("button", { name: "Open shared config" }).click();
    await expect(editor()).toContainText("password_hash: REDACTED");
    const banner = page.getByTestId("redaction-banner");
    await expect(banner).toContainText("2 values to fill in.");
    await expect(problemsTab()).toHaveAccessibleName("Problems: 2 errors");
    await problemsTab().click();
    await expect(editor().locator(".squiggly-error")).toHaveCount(2);
    await shot(page, "redaction-banner");

    // Download and Copy ask first.
    let downloads = 0;
    page.on("download", () => downloads++);
    await page.getByRole("button", { name: /^Download/ }).click();
    const guard = page.getByTestId("redaction-guard");
    await expect(guard).toContainText("2 values replaced by REDACTED");
    await guard.getByRole("button", { name: "Cancel" }).click();
    await expect(guard).toHaveCount(0);
    await page.getByRole("button", { name: "Copy", exact: true }).click();
    await expect(page.getByTestId("redaction-guard")).toContainText("Copy with redacted values?");
    await page.getByTestId("redaction-guard").getByRole("button", { name: "Cancel" }).click();
    expect(downloads).toBe(0);

    // Fill in the password hash (hashed in the browser), then the key.
    await banner.getByRole("button", { name: "Fill in…" }).click();
    const dialog = page.getByTestId("fill-dialog");
    await expect(dialog.getByRole("heading")).toHaveText("Set a password");
    await dialog.getByLabel("Password", { exact: true }).fill("correct horse");
    await dialog.getByLabel("Repeat the password").fill("correct horse");
    await dialog.getByRole("button", { name: "Hash and fill in" }).click();
    await expect(dialog).toHaveCount(0);
    await expect(editor()).toContainText("password_hash: $6$");
    await expect(banner).toContainText("1 value to fill in.");

    await panel().getByRole("button", { name: "Paste a public key…" }).click();
    await page.getByTestId("fill-dialog").getByRole("textbox").fill(REAL_KEY);
    await page.getByTestId("fill-dialog").getByRole("button", { name: "Fill in" }).click();
    await expect(banner).toHaveCount(0);
    await expect(problemsTab()).toHaveAccessibleName("Problems: none");
    const download = page.waitForEvent("download");
    await page.getByRole("button", { name: /^Download/ }).click();
    await download;
    await expect(page.getByTestId("redaction-guard")).toHaveCount(0);
  });

  test("screenshot: Problems with fix buttons", async () => {
    await load(fcos("passwd:\n  users:\n    - name: core\n      pasword_hash: $6$x\nstorage:\n  files:\n    - path: etc/motd\n      mode: 644\n"), /error/);
    await expect(panel().getByRole("button", { name: "Did you mean password_hash?" })).toBeVisible();
    await shot(page, "problems-buttons");
  });
});
