/**
 * Never lose a draft (issue #19): a full localStorage, many tabs pruning drafts, a document grown
 * past the size limit paste by paste, an over-large draft at start, and the app inside a foreign
 * frame. One browser context and one main tab for the whole file (the scenarios build on each
 * other's storage); other tabs are opened where a scenario is about tabs. Figures worth reporting
 * are printed (`[measure] …`).
 */
import { expect, test, type BrowserContext, type Page } from "@playwright/test";
import { DRAFT_PREFIX, LEASE_PREFIX, LEASE_TTL_MS } from "../src/features/autosave/drafts.ts";
import { formatBytes } from "../src/lib/format.ts";
import { MAX_EDITOR_TEXT } from "../src/lib/size-limits.ts";
import { baseURL } from "../playwright.shared.ts";
import { savedDraft, setEditorText, waitForEditor, waitUpToDate, EDITOR_INPUT } from "./helpers.ts";

const HEAD = "variant: fcos\nversion: 1.6.0\n";
const SAVED = "Saved in this browser";
const BACKUP = "Saved in this browser (backup store)";

/** `chars` characters of YAML comment lines (valid in any config). */
const commentLines = (tag: string, chars: number) => `# ${tag} line of pasted text, long enough\n`.repeat(Math.floor(chars / (tag.length + 38)));

/** Pastes `text` at the cursor (or over the selection); the text is moved into the page first. */
async function paste(page: Page, text: string): Promise<void> {
  await page.evaluate((t) => ((window as unknown as { __paste: string }).__paste = t), text);
  await page
    .getByTestId("source-editor")
    .locator(EDITOR_INPUT)
    .evaluate((el) => {
      const data = new DataTransfer();
      data.setData("text/plain", (window as unknown as { __paste: string }).__paste);
      el.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
    });
}

/** The whole editor text, through the clipboard (Monaco renders only the visible lines). */
async function editorText(page: Page): Promise<string> {
  await page.getByTestId("source-editor").locator(".view-lines").click();
  await page.keyboard.press("ControlOrMeta+A");
  await page.keyboard.press("ControlOrMeta+C");
  // The system clipboard hands the text back with CRLF line ends.
  const text = (await page.evaluate(() => navigator.clipboard.readText())).replace(/\r\n/g, "\n");
  await page.keyboard.press("ControlOrMeta+End");
  return text;
}

/** Starts recording every text the save-state readout shows. */
async function recordSaveStates(page: Page): Promise<() => Promise<string[]>> {
  await page.evaluate(() => {
    const w = window as unknown as { __states: string[]; __stateObserver?: MutationObserver };
    const el = document.querySelector('[data-testid="save-state"]');
    w.__states = [el?.textContent ?? ""];
    w.__stateObserver?.disconnect();
    w.__stateObserver = new MutationObserver(() => w.__states.push(el?.textContent ?? ""));
    if (el) w.__stateObserver.observe(el, { childList: true, characterData: true, subtree: true });
  });
  return () => page.evaluate(() => (window as unknown as { __states: string[] }).__states);
}

const draftKeys = (page: Page) => page.evaluate((p) => Object.keys(localStorage).filter((k) => k.startsWith(p)), DRAFT_PREFIX);

/** Writes a draft as another tab (or an older Kindling) would have; `lease` as that tab holds it. */
async function writeOtherDraft(page: Page, d: { id: string; source: string; savedAt: number; lease?: number }): Promise<boolean> {
  return page.evaluate(
    ({ d, draftPrefix, leasePrefix }) => {
      try {
        localStorage.setItem(draftPrefix + d.id, JSON.stringify({ v: 1, id: d.id, source: d.source, fileName: null, savedAt: d.savedAt, g: 1 }));
        if (d.lease !== undefined) localStorage.setItem(leasePrefix + d.id, String(d.lease));
        return true;
      } catch {
        return false;
      }
    },
    { d, draftPrefix: DRAFT_PREFIX, leasePrefix: LEASE_PREFIX },
  );
}

test.describe.serial("data safety", () => {
  test.describe.configure({ timeout: 180_000 });
  let context: BrowserContext;
  let page: Page;

  test.beforeAll(async ({ browser }) => {
    context = await browser.newContext({ permissions: ["clipboard-read", "clipboard-write"], acceptDownloads: true });
    page = await context.newPage();
    await page.goto("/");
    await waitForEditor(page);
  });
  test.afterAll(async () => {
    await context.close();
  });

  test("seven 1 MB pastes: the document stays within the limit, every refusal is told, nothing is lost", async () => {
    const start = `${HEAD}# my config\n`;
    await setEditorText(page, start);
    await waitUpToDate(page);
    const states = await recordSaveStates(page);
    const chunk = commentLines("big", 1_000_000);
    await page.keyboard.press("ControlOrMeta+End");
    await paste(page, chunk);
    await expect.poll(() => savedDraft(page), { timeout: 30_000 }).toBe(start + chunk);
    for (let i = 2; i <= 7; i++) {
      await page.keyboard.press("ControlOrMeta+End");
      await paste(page, chunk);
      await expect(page.getByTestId("notice-too-large")).toContainText(`The config with this paste is ${formatBytes(start.length + 2 * chunk.length)}`);
      await expect(page.getByTestId("notice-too-large")).toContainText("Your current text was not changed");
    }
    // Before: 7 MB in the editor, no notice, and autosave failing on the quota.
    await expect(page.getByTestId("save-state")).toHaveText(SAVED);
    expect(await savedDraft(page)).toBe(start + chunk);
    expect(new Set(await states())).toEqual(new Set([SAVED]));
    expect(await editorText(page)).toBe(start + chunk);
    await page.reload();
    await waitForEditor(page);
    expect(await editorText(page)).toBe(start + chunk);
    expect((start + chunk).length).toBeLessThanOrEqual(MAX_EDITOR_TEXT);
  });

  test("a full localStorage: the text goes to IndexedDB (never “Saved” for what is not stored), survives a reload, and room is made only when asked", async () => {
    // Other tabs' drafts of ~1 MB each until localStorage refuses more, oldest first.
    const t0 = Date.now() - 10 * 60_000;
    let others = 0;
    while (
      others < 8 &&
      (await writeOtherDraft(page, { id: `other-${others}`, source: `# other tab ${others}\n` + "x".repeat(1_000_000), savedAt: t0 + others }))
    )
      others++;
    // …and the last crumbs with something that is no draft, so no free space is left.
    await page.evaluate(() => {
      for (let size = 512 * 1024, k = 0; size >= 512; size /= 2) {
        try {
          localStorage.setItem(`test.filler.${k++}`, "f".repeat(size));
        } catch {
          // does not fit: try a smaller one
        }
      }
    });
    console.log(`[measure] localStorage full with ${others} other drafts of 1 MB`);
    expect(others).toBeGreaterThanOrEqual(2);

    const before = await savedDraft(page);
    const states = await recordSaveStates(page);
    const text = `${HEAD}# my pasted config\n${commentLines("new", 1_040_000)}`;
    await page.keyboard.press("ControlOrMeta+A");
    await paste(page, text);
    await expect(page.getByTestId("save-state")).toHaveText(BACKUP, { timeout: 30_000 });
    const notice = page.getByTestId("notice-autosave");
    await expect(notice).toContainText("local storage for Kindling is full, so this draft is saved in the browser's IndexedDB");
    await notice.screenshot({ path: test.info().outputPath("notice-backup.png") });
    // The old bug: ~0.7 s later the compaction said "Saved" with nothing stored.
    await page.waitForTimeout(2500);
    await expect(page.getByTestId("save-state")).toHaveText(BACKUP);
    // What it showed since the paste (the first entry is from before it).
    expect((await states()).slice(1)).toEqual(["Saving…", BACKUP]);
    expect(await savedDraft(page)).toBe(before);

    await page.reload();
    await waitForEditor(page);
    await expect(page.getByTestId("save-state")).toHaveText(BACKUP, { timeout: 30_000 });
    expect(await editorText(page)).toBe(text);

    // The user agrees to free space: the oldest other draft goes, the text moves back to localStorage.
    await page.getByTestId("notice-autosave").getByRole("button", { name: "Make room: delete the oldest other drafts" }).click();
    await expect(page.getByTestId("save-state")).toHaveText(SAVED);
    await expect(page.getByTestId("notice-make-room")).toContainText("Deleted 1 older draft (“other tab 0”)");
    expect(await savedDraft(page)).toBe(text);
    const keys = await draftKeys(page);
    expect(keys).not.toContain(`${DRAFT_PREFIX}other-0`);
    expect(keys).toContain(`${DRAFT_PREFIX}other-1`);
    await page.reload();
    await waitForEditor(page);
    expect(await editorText(page)).toBe(text);
    await expect(page.getByTestId("save-state")).toHaveText(SAVED);
  });

  test("21 tabs: pruning never deletes an open tab's draft (a crashed tab's lease expires)", async () => {
    // Start over with this tab's small draft only.
    await page.evaluate(() => {
      for (const k of Object.keys(localStorage))
        if (k.startsWith("test.filler.") || /^kindling\.(draft|journal|lease)\.other-/.test(k)) localStorage.removeItem(k);
    });
    await setEditorText(page, `${HEAD}# the idle tab's text\n`);
    await waitUpToDate(page);
    await expect.poll(() => savedDraft(page)).toBe(`${HEAD}# the idle tab's text\n`);
    // 19 tabs saved after it: 17 closed, one open in another window (a live lease), one crashed
    // long ago (its lease expired); the crashed one is the oldest of them.
    const now = Date.now();
    for (let i = 0; i < 19; i++) {
      const lease = i === 0 ? now - LEASE_TTL_MS - 60_000 : i === 18 ? now : undefined;
      expect(await writeOtherDraft(page, { id: `tab-${i}`, source: `# tab ${i}\n`, savedAt: now + 1000 + i, ...(lease !== undefined ? { lease } : {}) })).toBe(
        true,
      );
    }
    // The 21st tab types once: its first save prunes to 20 drafts.
    const other = await context.newPage();
    await other.goto("/");
    await waitForEditor(other);
    await setEditorText(other, `${HEAD}# the 21st tab\n`);
    await expect.poll(() => savedDraft(other)).toBe(`${HEAD}# the 21st tab\n`);
    await other.close();

    const keys = await draftKeys(page);
    expect(keys).toHaveLength(20);
    expect(keys).not.toContain(`${DRAFT_PREFIX}tab-0`); // crashed: pruned
    expect(keys).toContain(`${DRAFT_PREFIX}tab-18`); // live elsewhere: kept
    expect(await savedDraft(page)).toBe(`${HEAD}# the idle tab's text\n`);
    await expect(page.getByTestId("save-state")).toHaveText(SAVED);
    await page.reload();
    await waitForEditor(page);
    await expect(page.getByTestId("source-editor")).toContainText("the idle tab's text");
  });

  test("a draft larger than the editor takes is offered at start, not loaded and not deleted", async () => {
    await page.evaluate(() => localStorage.clear());
    const big = `${HEAD}# an old 4 MB draft\n${"x".repeat(4_000_000)}\n`;
    expect(await writeOtherDraft(page, { id: "big", source: big, savedAt: Date.now() })).toBe(true);
    const fresh = await context.newPage();
    await fresh.addInitScript(() => {
      const w = window as unknown as { __longest: number };
      w.__longest = 0;
      new PerformanceObserver((l) => {
        for (const e of l.getEntries()) w.__longest = Math.max(w.__longest, e.duration);
      }).observe({ type: "longtask", buffered: true });
    });
    const t0 = Date.now();
    await fresh.goto("/");
    await waitForEditor(fresh);
    const notice = fresh.getByTestId("notice-draft-too-large");
    await expect(notice).toContainText("Your last draft “an old 4 MB draft” is 4.00 MB");
    const ms = Date.now() - t0;
    const longest = await fresh.evaluate(() => Math.round((window as unknown as { __longest: number }).__longest));
    console.log(`[measure] start with a 4 MB draft: editor ready after ${ms} ms, longest task ${longest} ms`);
    await notice.screenshot({ path: test.info().outputPath("notice-draft-too-large.png") });
    await expect(fresh.getByTestId("source-editor")).not.toContainText("an old 4 MB draft");
    // Kept in storage, and the user can take it away.
    expect(await draftKeys(fresh)).toContain(`${DRAFT_PREFIX}big`);
    const [download] = await Promise.all([fresh.waitForEvent("download"), notice.getByRole("button", { name: "Download it" }).click()]);
    const path = await download.path();
    const { readFile } = await import("node:fs/promises");
    expect(await readFile(path, "utf8")).toBe(big);
    // Typing in this tab never overwrites it.
    await setEditorText(fresh, `${HEAD}# new work\n`);
    await expect.poll(() => savedDraft(fresh)).toBe(`${HEAD}# new work\n`);
    expect(await draftKeys(fresh)).toContain(`${DRAFT_PREFIX}big`);
    await fresh.close();
  });

  test("inside another site's frame the app does not start and links to itself", async () => {
    // Another origin (127.0.0.1 is not localhost). Chromium asks before a page frames a local
    // address (Local Network Access): the test grants it, as a user tricked into it would.
    const foreign = `http://127.0.0.1:${new URL(baseURL).port}/framer.html`;
    await context.grantPermissions(["local-network-access"]);
    const framer = await context.newPage();
    await framer.route(foreign, (route) =>
      route.fulfill({
        contentType: "text/html",
        body: `<!doctype html><title>framer</title><iframe src="${baseURL}/" style="width:900px;height:500px"></iframe>`,
      }),
    );
    await framer.goto(foreign);
    const frame = framer.frameLocator("iframe");
    await expect(frame.getByTestId("framed-notice")).toContainText("Kindling does not run inside another page");
    await expect(frame.getByRole("link", { name: "Open Kindling in its own tab" })).toHaveAttribute("href", `${baseURL}/`);
    await expect(frame.getByTestId("source-editor")).toHaveCount(0);
    await framer.screenshot({ path: test.info().outputPath("framed.png") });
    await framer.close();
  });
});
