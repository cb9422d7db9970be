/**
 * Hostile and unlucky conditions in the real app: huge pastes and files, alias bombs and deep
 * nesting through the real worker, a worker that hangs or dies, and every way of leaving the page
 * while typing. Numbers worth reporting are printed (`[measure] …`).
 */
import { expect, test, type Page } from "@playwright/test";
import { buildShareUrl } from "../src/features/share/codec.ts";
import { baseURL } from "../playwright.shared.ts";
import { monacoText, savedDraft, setEditorText, waitForEditor, waitUpToDate, EDITOR_INPUT } from "./helpers.ts";

const HEAD = "variant: fcos\nversion: 1.6.0\n";

/** A config of about `chars` characters: one file with a big inline text (the usual big config). */
function bigConfig(chars: number): string {
  const head = `${HEAD}storage:\n  files:\n    - path: /var/big\n      contents:\n        inline: |\n`;
  const line = "          hello world, this is a line of a big file\n";
  return head + line.repeat(Math.floor((chars - head.length) / line.length));
}

/** Pastes `text` into the editor; the text is moved into the page first, so only the paste is timed. */
async function pasteTimed(page: Page, text: string): Promise<number> {
  await page.evaluate((t) => ((window as unknown as { __paste: string }).__paste = t), text);
  const editor = page.getByTestId("source-editor");
  await editor.locator(".view-lines").click();
  await page.keyboard.press("ControlOrMeta+A");
  await startHeartbeat(page);
  const t0 = Date.now();
  await editor.locator(EDITOR_INPUT).evaluate((el) => {
    const data = new DataTransfer();
    data.setData("text/plain", (window as unknown as { __paste: string }).__paste);
    el.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
  });
  return t0;
}

/** Starts recording the longest gap between 50 ms timer ticks on the main thread. */
async function startHeartbeat(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { __maxGap: number };
    w.__maxGap = 0;
    let last = performance.now();
    setInterval(() => {
      const now = performance.now();
      w.__maxGap = Math.max(w.__maxGap, now - last - 50);
      last = now;
    }, 50);
  });
}
const maxGap = (page: Page) => page.evaluate(() => Math.round((window as unknown as { __maxGap: number }).__maxGap));

test.describe("limits", () => {
  test.beforeEach(async ({ page }) => {
    await page.goto("/");
    await waitForEditor(page);
  });

  test("a 10 MB paste is refused before it reaches the editor; the tab stays responsive", async ({ page }) => {
    await setEditorText(page, `${HEAD}# keep-me\n`);
    await waitUpToDate(page);
    const t0 = await pasteTimed(page, bigConfig(10_000_000));
    await expect(page.getByTestId("notice-too-large")).toContainText("The pasted text is 10.00 MB");
    const ms = Date.now() - t0;
    const gap = await maxGap(page);
    console.log(`[measure] 10 MB paste refused after ${ms} ms; longest main-thread block ${gap} ms`);
    // Without the guard Monaco blocked the page for ~9 s here (and autosave hit the quota).
    expect(gap).toBeLessThan(2000);
    await expect(page.getByTestId("notice-too-large")).toContainText("Your current text was not changed");
    expect(await savedDraft(page)).toBe(`${HEAD}# keep-me\n`);
    await expect(page.getByTestId("source-editor")).toContainText("keep-me");
    // The editor still works.
    await page.keyboard.press("ControlOrMeta+End");
    await page.keyboard.type("# still-typing\n");
    await expect.poll(() => savedDraft(page)).toContain("still-typing");
  });

  test("the largest text the editor takes (1 MiB) is transpiled", async ({ page }) => {
    test.setTimeout(120_000);
    const text = bigConfig(1024 * 1024);
    const t0 = await pasteTimed(page, text);
    // Butane gzips the big file: the output is small, so wait for its data URL to change.
    await expect(page.getByTestId("output-view")).toContainText("/var/big", { timeout: 90_000 });
    await expect(page.getByTestId("status-state")).toHaveText("up to date", { timeout: 30_000 });
    const ms = Date.now() - t0;
    const gap = await maxGap(page);
    console.log(`[measure] ${(text.length / 1e6).toFixed(2)} MB pasted and transpiled in ${ms} ms; longest main-thread block ${gap} ms`);
    await expect(page.getByTestId("notice-too-large")).toHaveCount(0);
    expect((await savedDraft(page))?.length).toBe(text.length);
  });

  test("opening a 10 MB file is refused with a notice", async ({ page }) => {
    await page.getByTestId("open-file-input").setInputFiles({ name: "huge.bu", mimeType: "application/yaml", buffer: Buffer.from(bigConfig(10_000_000)) });
    await expect(page.getByTestId("notice-open-error")).toContainText("huge.bu is 10.00 MB");
    await expect(page.getByTestId("source-editor")).toContainText("variant: fcos");
  });

  test("a share link with 10 MB of config is refused; the draft stays", async ({ page }) => {
    await setEditorText(page, `${HEAD}# my-draft\n`);
    await waitUpToDate(page);
    const link = await buildShareUrl(`${baseURL}/`, bigConfig(10_000_000));
    await page.goto(link);
    await waitForEditor(page);
    // Decoding stops once the text is certainly too large (e2e/no-freeze.spec.ts: a 200 MB link).
    await expect(page.getByTestId("notice-share")).toContainText("The config in this share link is more than");
    await expect(page.getByTestId("source-editor")).toContainText("my-draft");
  });

  for (const [name, body] of [
    ["10,000 nested block sequences", `x:\n${"- ".repeat(10_000)}x\n`],
    ["10,000 nested flow sequences", `x: ${"[".repeat(10_000)}${"]".repeat(10_000)}\n`],
    ["10,000 nested flow mappings", `x: ${"{a: ".repeat(10_000)}1${"}".repeat(10_000)}\n`],
  ] as const) {
    test(`${name}: a diagnostic from the worker, no crash`, async ({ page }) => {
      await setEditorText(page, HEAD + body);
      const problems = page.getByRole("tab", { name: /Problems/ });
      await expect(problems).toHaveAccessibleName(/1 error/);
      await problems.click();
      await expect(page.getByTestId("problems-panel")).toContainText("yaml: exceeded max depth of 2000");
      await expect(page.getByTestId("status-state")).toHaveText("errors: output out of date");
    });
  }

  test("an alias bomb is refused at once by the worker", async ({ page }) => {
    let bomb = `${HEAD}a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n`;
    for (let i = 1; i < 10; i++)
      bomb += `a${i}: &a${i} [${Array<string>(10)
        .fill(`*a${i - 1}`)
        .join(", ")}]\n`;
    const t0 = Date.now();
    await setEditorText(page, bomb);
    await page.getByRole("tab", { name: /Problems/ }).click();
    await expect(page.getByTestId("problems-panel")).toContainText("yaml: document contains excessive aliasing");
    console.log(`[measure] alias bomb diagnosed in the app after ${Date.now() - t0} ms`);
  });
});

test.describe("worker watchdog", () => {
  /** Serves `body` in place of the transpile worker for its first load only. */
  async function replaceFirstWorker(page: Page, body: string): Promise<{ loads: () => number }> {
    let loads = 0;
    await page.route(/\/assets\/transpile\.worker-[^/]*\.js$/, async (route) => {
      loads++;
      if (loads === 1) await route.fulfill({ contentType: "text/javascript", body });
      else await route.fallback();
    });
    return { loads: () => loads };
  }

  test("a worker that never answers is replaced; the user is told and the next edit works", async ({ page }) => {
    const worker = await replaceFirstWorker(page, "self.onmessage = () => { /* never answers */ };");
    await page.goto("/");
    await waitForEditor(page);
    const notice = page.getByTestId("notice-worker");
    await expect(notice).toContainText("did not answer within 5 s", { timeout: 20_000 });
    await expect(page.getByTestId("status-state")).toHaveText("last edit not processed");

    await setEditorText(page, `${HEAD}storage:\n  files:\n    - path: /etc/after-hang\n`);
    await expect(page.getByTestId("output-view")).toContainText("/etc/after-hang");
    await expect(page.getByTestId("status-state")).toHaveText("up to date");
    await expect(notice).toHaveCount(0);
    expect(worker.loads()).toBe(2);
  });

  test("a worker that throws while loading is reported as a crash; the next edit works", async ({ page }) => {
    const worker = await replaceFirstWorker(page, 'throw new Error("boom while loading");');
    await page.goto("/");
    await waitForEditor(page);
    const notice = page.getByTestId("notice-worker");
    await expect(notice).toContainText("Internal error in the transpiler");
    await expect(notice).toContainText("boom while loading");
    await expect(page.getByTestId("status-state")).toHaveText("internal error");

    await setEditorText(page, `${HEAD}storage:\n  files:\n    - path: /etc/after-crash\n`);
    await expect(page.getByTestId("output-view")).toContainText("/etc/after-crash");
    await expect(notice).toHaveCount(0);
    expect(worker.loads()).toBe(2);
  });
});

test.describe("data safety: every keystroke survives", () => {
  test.describe.configure({ timeout: 120_000 });
  // Real keystrokes (not a paste), on one comment line so auto-indent/auto-close do not interfere.
  const typed = "# typed " + Array.from({ length: 40 }, (_, i) => `k${i}`).join(" ");

  async function typeDraft(page: Page): Promise<string> {
    await setEditorText(page, HEAD);
    await waitUpToDate(page);
    await page.keyboard.press("ControlOrMeta+End");
    await page.keyboard.type(typed);
    return HEAD + typed;
  }

  test("type, then reload at once", async ({ page }) => {
    await page.goto("/");
    await waitForEditor(page);
    const expected = await typeDraft(page);
    await page.reload();
    await waitForEditor(page);
    expect(await monacoText(page, "source-editor")).toBe(expected);
    expect(await savedDraft(page)).toBe(expected);
  });

  test("type, then the page dies (no beforeunload); a new page has it", async ({ context, page }) => {
    await page.goto("/");
    await waitForEditor(page);
    const expected = await typeDraft(page);
    await page.close({ runBeforeUnload: false });
    const next = await context.newPage();
    await next.goto("/");
    await waitForEditor(next);
    expect(await monacoText(next, "source-editor")).toBe(expected);
  });

  test("a share link opened over a draft: the draft stays, the user chooses", async ({ page }) => {
    await page.goto("/");
    await waitForEditor(page);
    const expected = await typeDraft(page);
    await page.goto(await buildShareUrl(`${baseURL}/`, `${HEAD}# from-a-link\n`));
    await waitForEditor(page);
    const offer = page.getByTestId("notice-share");
    await expect(offer.getByRole("button", { name: "Open shared config" })).toBeVisible();
    expect(await monacoText(page, "source-editor")).toBe(expected);
    await offer.getByRole("button", { name: "Keep my draft" }).click();
    await expect(offer).toHaveCount(0);
    await expect(page).toHaveURL(`${baseURL}/`);
    await page.reload();
    await waitForEditor(page);
    expect(await monacoText(page, "source-editor")).toBe(expected);
  });

  test("two tabs typing: neither overwrites the other", async ({ context, page }) => {
    await page.goto("/");
    await waitForEditor(page);
    const first = await typeDraft(page);
    const other = await context.newPage();
    await other.goto("/");
    await waitForEditor(other);
    await setEditorText(other, `${HEAD}# second tab\n`);
    await waitUpToDate(other);
    await other.keyboard.type("# more in the second tab");
    // The first tab is told, not overwritten.
    await expect(page.getByTestId("notice-other-tab")).toBeVisible({ timeout: 30_000 });
    expect(await monacoText(page, "source-editor")).toBe(first);
    await page.reload();
    await waitForEditor(page);
    expect(await monacoText(page, "source-editor")).toBe(first);
    await other.reload();
    await waitForEditor(other);
    expect(await monacoText(other, "source-editor")).toBe(`${HEAD}# second tab\n# more in the second tab`);
  });

  test("a really full localStorage: the text goes to the IndexedDB backup, and the status says so", async ({ page }) => {
    await page.goto("/");
    await waitForEditor(page);
    // Fill this origin's localStorage with other data until the browser refuses more.
    const filled = await page.evaluate(() => {
      const chunk = "x".repeat(256 * 1024);
      let n = 0;
      try {
        for (; n < 1000; n++) localStorage.setItem(`filler.${n}`, chunk);
      } catch {
        // quota reached
      }
      for (let k = 0; ; k++) {
        try {
          localStorage.setItem(`filler.small.${k}`, "x".repeat(1024));
        } catch {
          return n;
        }
      }
    });
    console.log(`[measure] localStorage full after ${filled} × 256 KiB`);
    await setEditorText(page, `${HEAD}# ${"does-not-fit ".repeat(500)}\n`);
    await expect(page.getByTestId("notice-autosave")).toContainText("local storage for Kindling is full");
    await expect(page.getByTestId("save-state")).toHaveText("Saved in this browser (backup store)");
    await expect(page.getByTestId("source-editor")).toContainText("does-not-fit");
    await expect(page.getByTestId("status-state")).toHaveText("up to date");
  });
});
