import { expect, type Page } from "@playwright/test";
import { createDraftStore, type StorageLike } from "../src/features/autosave/drafts.ts";

/** Waits until Monaco has replaced the plain-text fallback. */
export async function waitForEditor(page: Page): Promise<void> {
  await expect(page.getByTestId("source-editor").locator(".view-lines")).toBeVisible({ timeout: 30_000 });
}

/** The element Monaco takes input through: EditContext's, or the textarea for a large document (src/editor/edit-context-choice.ts). */
export const EDITOR_INPUT = ".native-edit-context, textarea.inputarea";

/** Replaces the editor text with a paste (typing would go through auto-indent and auto-closing). */
export async function setEditorText(page: Page, text: string): Promise<void> {
  const editor = page.getByTestId("source-editor");
  await editor.locator(".view-lines").click();
  await page.keyboard.press("ControlOrMeta+A");
  await editor.locator(EDITOR_INPUT).evaluate((el, t) => {
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

/** The serious and critical axe findings (WCAG 2.x A/AA and best practices) within `selector`, as `rule: targets`. */
export async function seriousAxeFindings(page: Page, selector: string): Promise<string[]> {
  const { default: AxeBuilder } = await import("@axe-core/playwright");
  const tags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"];
  const { violations } = await new AxeBuilder({ page }).withTags(tags).include(selector).analyze();
  return violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

/** This tab's draft as the app would read it back from localStorage (its snapshot with the journal of later edits applied). */
export async function savedDraft(page: Page): Promise<string | null> {
  const { local, session } = await page.evaluate(() => ({
    local: Object.fromEntries(Object.entries(localStorage)),
    session: Object.fromEntries(Object.entries(sessionStorage)),
  }));
  const store = createDraftStore(memoryStorage(local), memoryStorage(session));
  const own = store.list().find((d) => d.id === store.id);
  return own?.source ?? null;
}

/** A Web Storage over a plain copy of its entries. */
export function memoryStorage(entries: Record<string, string>): StorageLike {
  const map = new Map(Object.entries(entries));
  return {
    get length() {
      return map.size;
    },
    key: (i) => [...map.keys()][i] ?? null,
    getItem: (k) => map.get(k) ?? null,
    setItem: (k, v) => void map.set(k, v),
    removeItem: (k) => void map.delete(k),
  };
}
