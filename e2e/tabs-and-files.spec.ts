import { expect, test } from "@playwright/test";
import { baseURL } from "../playwright.shared.ts";
import { setEditorText, waitForEditor, waitUpToDate } from "./helpers.ts";

const usesLocal = `variant: fcos
version: 1.6.0
storage:
  files:
    - path: /etc/motd
      contents:
        local: motd.txt
`;

test("a file added in the Files panel satisfies local:", async ({ page }) => {
  await page.goto("/");
  await waitForEditor(page);
  await setEditorText(page, usesLocal);
  const problemsTab = page.getByRole("tab", { name: /Problems/ });
  await expect(problemsTab).toHaveAccessibleName(/1 error/);
  await problemsTab.click();
  // Upstream's own error text, with the Files panel as the files directory.
  await expect(page.getByTestId("problems-panel")).toContainText("open files/motd.txt: no such file or directory");

  await page.getByRole("tab", { name: /Files/ }).click();
  await page.getByTestId("files-input").setInputFiles({ name: "motd.txt", mimeType: "text/plain", buffer: Buffer.from("hello from a local file") });
  await expect(page.getByLabel("Path of motd.txt")).toHaveValue("motd.txt");
  await expect(problemsTab).toHaveAccessibleName("Problems: none");
  await page.getByRole("tab", { name: "Ignition" }).click();
  await expect(page.getByTestId("output-view")).toContainText("hello");

  // Files persist (IndexedDB) across a reload.
  await page.reload();
  await waitForEditor(page);
  await waitUpToDate(page);
  await expect(page.getByRole("tab", { name: /Problems/ })).toHaveAccessibleName("Problems: none");
  await expect(page.getByRole("tab", { name: /Files/ })).toContainText("1");

  // Renaming breaks the reference again.
  await page.getByRole("tab", { name: /Files/ }).click();
  const path = page.getByLabel("Path of motd.txt");
  await path.fill("etc/motd.txt");
  await path.press("Enter");
  await expect(page.getByRole("tab", { name: /Problems/ })).toHaveAccessibleName(/1 error/);
});

test("another tab's newer text is offered, not silently taken", async ({ context, page }) => {
  await page.goto("/");
  await waitForEditor(page);
  await setEditorText(page, "variant: fcos\nversion: 1.6.0\n# tab-one\n");
  await waitUpToDate(page);

  const other = await context.newPage();
  await other.goto("/");
  await waitForEditor(other);
  // A new tab starts from the newest draft.
  await expect(other.getByTestId("source-editor")).toContainText("tab-one");
  await setEditorText(other, "variant: fcos\nversion: 1.6.0\n# tab-two\n");

  const notice = page.getByTestId("notice-other-tab");
  await expect(notice).toContainText("Another Kindling tab");
  await expect(page.getByTestId("source-editor")).toContainText("tab-one");
  await notice.getByRole("button", { name: /Load the other tab/ }).click();
  await expect(page.getByTestId("source-editor")).toContainText("tab-two");
});

test("a duplicated tab (same sessionStorage) does not overwrite its original's draft", async ({ context, page }) => {
  await page.goto("/");
  await waitForEditor(page);
  await setEditorText(page, "variant: fcos\nversion: 1.6.0\n# original-tab\n");
  await waitUpToDate(page);
  const id = await page.evaluate(() => sessionStorage.getItem("kindling.draftId"));

  // What the browser's "Duplicate tab" does: the new tab starts with a copy of sessionStorage.
  const dup = await context.newPage();
  await dup.addInitScript((draftId) => {
    if (!sessionStorage.getItem("kindling.draftId")) sessionStorage.setItem("kindling.draftId", draftId ?? "");
  }, id);
  await dup.goto("/");
  await waitForEditor(dup);
  await expect(dup.getByTestId("source-editor")).toContainText("original-tab");
  await expect.poll(() => dup.evaluate(() => sessionStorage.getItem("kindling.draftId"))).not.toBe(id);
  await setEditorText(dup, "variant: fcos\nversion: 1.6.0\n# duplicate-tab\n");
  await waitUpToDate(dup);

  await page.reload();
  await waitForEditor(page);
  await expect(page.getByTestId("source-editor")).toContainText("original-tab");
});

test("config strings render as text, never as HTML", async ({ page }) => {
  const dialogs: string[] = [];
  page.on("dialog", (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await page.goto("/");
  await waitForEditor(page);
  const payload = `<img src=x onerror="window.__xss=1">`;
  await setEditorText(
    page,
    `variant: fcos
version: 1.6.0
systemd:
  units:
    - name: "${payload.replace(/"/g, '\\"')}.service"
      contents: "<script>window.__xss=2</script>"
storage:
  files:
    - path: /etc/x
      contents:
        inline: "<script>window.__xss=3</script><img src=x onerror=alert(1)>"
"${payload.replace(/"/g, '\\"')}": 1
`,
  );
  await waitUpToDate(page);
  for (const name of ["Ignition", /Problems/, "Preview"]) {
    await page.getByRole("tab", { name }).click();
    await page.waitForTimeout(200);
  }
  await expect(page.getByTestId("preview-panel")).toContainText("<img src=x");
  await page.getByRole("tab", { name: /Problems/ }).click();
  await expect(page.getByTestId("problems-panel")).toContainText("<img src=x");
  expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
  expect(await page.locator('img[src="x"]').count()).toBe(0);
  expect(await page.locator("body script").count()).toBe(0);
  expect(dialogs).toEqual([]);
});

test("no request leaves the origin, and the CSP is never violated", async ({ page, context }) => {
  const requests: string[] = [];
  context.on("request", (r) => requests.push(r.url()));
  const consoleErrors: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error") consoleErrors.push(m.text());
  });
  await page.addInitScript(() => {
    const w = window as unknown as { __csp: string[] };
    w.__csp = [];
    document.addEventListener("securitypolicyviolation", (e) => w.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
  });

  await page.goto("/");
  await waitForEditor(page);
  await setEditorText(page, "variant: fcos\nversion: 1.6.0\npasswd:\n  users:\n    - name: core\n");
  await waitUpToDate(page);
  // Completion, hover, every tab, the dialogs: whatever may load lazily.
  await page.keyboard.press("Control+Space");
  await page.waitForTimeout(300);
  await page.keyboard.press("Escape");
  for (const name of [/Problems/, "Preview", /Files/, "Ignition"]) await page.getByRole("tab", { name }).click();
  await page.getByRole("button", { name: "Share…" }).click();
  await expect(page.getByTestId("share-link")).toHaveValue(/#v1\//);
  await page.getByRole("button", { name: "Close" }).click();
  await page.getByRole("button", { name: "New from template…" }).click();
  await page.keyboard.press("Escape");
  await page.getByLabel("Variant and version").selectOption("fcos@1.5.0");
  await waitUpToDate(page);

  expect(requests.length).toBeGreaterThan(0);
  const foreign = requests.filter((u) => !u.startsWith(`${baseURL}/`) && !u.startsWith("data:") && !u.startsWith(`blob:${baseURL}/`));
  expect(foreign).toEqual([]);
  expect(await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp)).toEqual([]);
  expect(consoleErrors).toEqual([]);
  const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute("content");
  expect(csp).toContain("default-src 'none'");
  expect(csp).toContain("connect-src 'self'");
});
