import { expect, type Page } from "@playwright/test";

/** Waits until Monaco has replaced the plain-text fallback. */
export async function waitForEditor(page: Page): Promise<void> {
  await expect(page.getByTestId("source-editor").locator(".view-lines")).toBeVisible({ timeout: 30_000 });
}

/** Replaces the editor text with a paste (typing would go through auto-indent and auto-closing). */
export async function setEditorText(page: Page, text: string): Promise<void> {
  const editor = page.getByTestId("source-editor");
  await editor.locator(".view-lines").click();
  await page.keyboard.press("ControlOrMeta+A");
  await editor.locator("textarea").evaluate((el, t) => {
    const data = new DataTransfer();
    data.setData("text/plain", t);
    el.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
  }, text);
}

/** The visible text of a Monaco view (non-breaking spaces as spaces). */
export async function monacoText(page: Page, testId: string): Promise<string> {
  const text = await page.getByTestId(testId).locator(".view-lines").innerText();
  return text.replace(/\u00a0/g, " ");
}

/** Waits until the current text has been transpiled. */
export async function waitUpToDate(page: Page): Promise<void> {
  await expect(page.getByTestId("status-state")).not.toHaveText("updating…");
}
