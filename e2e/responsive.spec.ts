/**
 * The shell at phone, tablet, laptop and desktop widths: every toolbar action visible and usable,
 * no horizontal scroll, no axe violation (WCAG 2.1 A/AA and best practices), one pane at a time under tabs on a narrow
 * screen; and no app style reaching into Monaco's DOM (a padded `.main` once clipped every
 * completion row). One page for the whole file, resized between the checks.
 * Screenshots: test-results/widths/<width>.png (and -forms, -share, -templates, -menu).
 */
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Locator, type Page } from "@playwright/test";
import { monacoText, setEditorText, waitForEditor, waitUpToDate } from "./helpers.ts";

const WIDTHS = [1920, 1440, 1280, 1024, 800, 390] as const;
/** Mirrors src/app/layout.ts. */
const layoutOf = (w: number) => (w < 800 ? "narrow" : w < 1200 ? "compact" : "wide");
const heightOf = (w: number) => (w < 500 ? 844 : w < 1300 ? 800 : 1000);

const WELCOME_LIKE = `variant: fcos
version: 1.6.0
passwd:
  users:
    - name: core
storage:
  files:
    - path: /etc/hostname
      mode: 0644
      contents:
        inline: responsive
`;

let page: Page;

test.describe.serial("every width", () => {
  test.beforeAll(async ({ browser }) => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    await context.grantPermissions(["clipboard-read", "clipboard-write"]);
    page = await context.newPage();
    await page.goto("/");
    await waitForEditor(page);
    await setEditorText(page, WELCOME_LIKE);
    await waitUpToDate(page);
  });

  test.afterAll(async () => {
    await page.context().close();
  });

  /** No horizontal scroll: the document is no wider than the window. */
  async function expectNoHorizontalScroll(what: string) {
    const [scrollWidth, innerWidth] = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
    expect(scrollWidth, `${what}: document width`).toBeLessThanOrEqual(innerWidth);
  }

  /** `target` wholly inside the window, and not covered by anything else at its centre. */
  async function expectReachable(target: Locator, what: string) {
    await expect(target, what).toBeVisible();
    await expect(target, `${what} in the window`).toBeInViewport({ ratio: 1 });
    const onTop = await target.evaluate((el) => {
      const r = el.getBoundingClientRect();
      const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
      return hit !== null && (el === hit || el.contains(hit));
    });
    expect(onTop, `${what} is not covered`).toBe(true);
  }

  /** Runs `act` on a File-menu item (compact and narrow) or the toolbar button of that name (wide). */
  async function fileAction(w: number, name: string, act: (item: Locator) => Promise<void>) {
    if (layoutOf(w) === "wide") {
      const button = page.getByRole("button", { name, exact: true });
      await expectReachable(button, `${w}px: ${name}`);
      await act(button);
      return;
    }
    const menuButton = page.getByRole("button", { name: "File", exact: true });
    await expectReachable(menuButton, `${w}px: File menu`);
    await menuButton.click();
    await expect(menuButton).toHaveAttribute("aria-expanded", "true");
    const item = page.getByRole("menuitem", { name, exact: true });
    await expectReachable(item, `${w}px: File › ${name}`);
    await act(item);
  }

  async function axe(what: string) {
    const { violations } = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]).analyze();
    for (const v of violations) console.log(`[axe] ${what}: ${v.impact} ${v.id} ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
    expect(
      violations.map((v) => `${v.impact ?? ""} ${v.id}`),
      `${what}: axe violations`,
    ).toEqual([]);
  }

  for (const w of WIDTHS) {
    test(`${w}px: toolbar actions, no horizontal scroll, axe`, async () => {
      await page.setViewportSize({ width: w, height: heightOf(w) });
      const narrow = layoutOf(w) === "narrow";
      if (narrow) await page.getByRole("tab", { name: "Editor" }).click();
      await expect(page.getByTestId("source-editor").locator(".view-lines")).toBeVisible();
      await expectNoHorizontalScroll(`${w}px`);
      await page.screenshot({ path: `test-results/widths/${w}.png` });

      // Spec picker: choosing a version rewrites the text's header; choosing back restores it.
      const picker = page.getByRole("combobox", { name: "Variant and version" });
      await expectReachable(picker, `${w}px: spec picker`);
      await picker.selectOption("fcos@1.5.0");
      await expect(page.getByTestId("status-line")).toContainText("fcos 1.5.0");
      await picker.selectOption("fcos@1.6.0");
      await expect(page.getByTestId("status-line")).toContainText("fcos 1.6.0");

      for (const name of ["Strict", "Pretty"]) {
        const box = page.getByRole("checkbox", { name });
        await expectReachable(box, `${w}px: ${name}`);
        const was = await box.isChecked();
        await box.click();
        await expect(box).toBeChecked({ checked: !was });
        await box.click();
        await expect(box).toBeChecked({ checked: was });
      }
      await waitUpToDate(page);

      await fileAction(w, "Open file…", async (item) => {
        const chooser = page.waitForEvent("filechooser");
        await item.click();
        await chooser;
      });

      await fileAction(w, "New from template…", async (item) => {
        await item.click();
        const dialog = page.getByRole("dialog", { name: "Templates" });
        await expectReachable(dialog.getByRole("button", { name: "Close" }), `${w}px: template dialog's Close`);
        await expectNoHorizontalScroll(`${w}px, template dialog`);
        await page.screenshot({ path: `test-results/widths/${w}-templates.png` });
        await page.keyboard.press("Escape");
        await expect(dialog).toBeHidden();
      });

      await fileAction(w, "Share…", async (item) => {
        await item.click();
        const link = page.getByTestId("share-link");
        await expect(link).toHaveValue(/#v2\//);
        await expectReachable(page.getByTestId("share-dialog").getByRole("button", { name: "Close" }), `${w}px: share dialog's Close`);
        await expectNoHorizontalScroll(`${w}px, share dialog`);
        await page.screenshot({ path: `test-results/widths/${w}-share.png` });
        await page.getByTestId("share-dialog").getByRole("button", { name: "Close" }).click();
        await expect(link).toBeHidden();
      });

      // Drafts: their own menu (wide), or a section of the File menu.
      const draftsButton =
        layoutOf(w) === "wide" ? page.getByRole("button", { name: "Drafts", exact: true }) : page.getByRole("button", { name: "File", exact: true });
      await expectReachable(draftsButton, `${w}px: drafts`);
      await draftsButton.click();
      await expect(page.getByRole("group", { name: "Recent drafts in this browser" })).toBeVisible();
      await expectReachable(page.getByRole("menu"), `${w}px: the open menu`);
      await page.screenshot({ path: `test-results/widths/${w}-menu.png` });
      await page.keyboard.press("Escape");
      await expect(page.getByRole("menu")).toBeHidden();
      await expect(draftsButton).toBeFocused();

      const copy = page.getByRole("button", { name: "Copy", exact: true });
      await expectReachable(copy, `${w}px: Copy`);
      await copy.click();
      await expect(page.getByRole("button", { name: "Copied" })).toBeVisible();
      expect(await page.evaluate(() => navigator.clipboard.readText())).toContain('"ignition"');

      const download = page.getByRole("button", { name: /^Download/ });
      await expectReachable(download, `${w}px: Download`);
      const saved = page.waitForEvent("download");
      await download.click();
      expect((await saved).suggestedFilename()).toBe("config.ign");

      await expectReachable(page.getByTestId("status-state"), `${w}px: status line`);
      await expectNoHorizontalScroll(`${w}px, after the actions`);
      await axe(`${w}px`);
    });

    test(`${w}px: panes, Forms and a notice fit`, async () => {
      await page.setViewportSize({ width: w, height: heightOf(w) });
      const narrow = layoutOf(w) === "narrow";
      // Each output tab; on a narrow screen the editor steps aside for it.
      for (const [name, id] of [
        ["Ignition", "ignition"],
        [/^Problems/, "problems"],
        ["Preview", "preview"],
        [/^Files/, "files"],
      ] as const) {
        await page.getByRole("tab", { name }).click();
        await expect(page.locator(`#panel-${id}`)).toBeVisible();
        await expect(page.getByTestId("source-editor")).toBeVisible({ visible: !narrow });
        await expectNoHorizontalScroll(`${w}px, tab ${String(name)}`);
      }
      await page.getByRole("tab", { name: "Ignition" }).click();

      // Forms in the left pane (the Editor tab on a narrow screen).
      if (narrow) await page.getByRole("tab", { name: "Editor" }).click();
      await page.getByRole("button", { name: "Forms", exact: true }).click();
      await expect(page.getByTestId("forms-view")).toBeVisible();
      await expectNoHorizontalScroll(`${w}px, Forms`);
      await page.screenshot({ path: `test-results/widths/${w}-forms.png` });
      await page.getByRole("button", { name: "YAML", exact: true }).click();
      await expect(page.getByTestId("source-editor").locator(".view-lines")).toBeVisible();

      // A notice (a broken share link) wraps instead of widening the page.
      await page.evaluate(() => (location.hash = "#v1/AAAA"));
      const notice = page.locator('[data-testid^="notice-"]').first();
      await expect(notice).toBeVisible();
      await expectReachable(notice.getByRole("button", { name: "Dismiss" }), `${w}px: the notice's Dismiss`);
      await expectNoHorizontalScroll(`${w}px, notice`);
      await notice.getByRole("button", { name: "Dismiss" }).click();
      await page.evaluate(() => history.replaceState(null, "", location.pathname));
    });
  }

  test("390px: read, edit, see problems, jump to one, download", async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    const tabs = page.getByRole("tablist", { name: "Views" });
    await expect(tabs.getByRole("tab")).toHaveText([/Editor/, /Ignition/, /Problems/, /Preview/, /Files/]);
    await tabs.getByRole("tab", { name: "Editor" }).click();
    await expect(page.getByRole("tab", { name: "Editor" })).toHaveAttribute("aria-selected", "true");

    // Edit in Monaco: type at the end, see the output follow.
    const editor = page.getByTestId("source-editor");
    await editor.locator(".view-lines").click();
    await page.keyboard.press("ControlOrMeta+End");
    await page.keyboard.type("unknown_key: 1\n");
    await waitUpToDate(page);
    await expect(page.getByRole("tab", { name: /Problems/ })).toHaveAccessibleName(/1 warning/);

    // The Problems tab lists it; a click on the row brings the editor back with the cursor there.
    await page.getByRole("tab", { name: /Problems/ }).click();
    const row = page.getByTestId("problems-panel").getByRole("button").first();
    await expectReachable(row, "390px: the problem's row");
    await page.screenshot({ path: "test-results/widths/390-problems.png" });
    await row.click();
    await expect(editor).toBeVisible();
    await expect(page.getByTestId("cursor-position")).toHaveText(/^Ln 12,/);
    await expect(page.getByRole("tab", { name: "Editor" })).toHaveAttribute("aria-selected", "true");

    // Fix it from the keyboard; the output shows the change.
    await setEditorText(page, WELCOME_LIKE.replace("responsive", "phone"));
    await waitUpToDate(page);
    await page.getByRole("tab", { name: "Ignition" }).click();
    await expect.poll(() => monacoText(page, "output-view")).toContain("data:,phone");
    await page.screenshot({ path: "test-results/widths/390-output.png" });

    const saved = page.waitForEvent("download");
    await page.getByRole("button", { name: /^Download/ }).click();
    expect((await saved).suggestedFilename()).toBe("config.ign");
  });

  test("keyboard: the File menu opens from the keyboard and its items are reachable with the arrows", async () => {
    await page.setViewportSize({ width: 1024, height: 800 });
    const button = page.getByRole("button", { name: "File", exact: true });
    await button.focus();
    await page.keyboard.press("Enter");
    await expect(button).toHaveAttribute("aria-expanded", "true");
    await expect(page.getByRole("menuitem", { name: "Open file…" })).toBeFocused();
    await page.keyboard.press("ArrowDown");
    await expect(page.getByRole("menuitem", { name: "New from template…" })).toBeFocused();
    await page.keyboard.press("ArrowDown");
    await expect(page.getByRole("menuitem", { name: "Share…" })).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(page.getByTestId("share-link")).toBeVisible();
    await page.keyboard.press("Escape");
    await expect(page.getByTestId("share-link")).toBeHidden();
    await button.focus();
    await page.keyboard.press("Enter");
    await page.keyboard.press("Escape");
    await expect(button).toHaveAttribute("aria-expanded", "false");
    await expect(button).toBeFocused();
  });

  test("Monaco's widgets: completion rows are not clipped, and no app rule matches inside an editor", async () => {
    await page.setViewportSize({ width: 1280, height: 800 });
    // Every stylesheet of the app loaded: the previews', the forms' and the templates' are lazy.
    await page.getByRole("tab", { name: "Preview" }).click();
    await page.getByRole("button", { name: "Forms", exact: true }).click();
    await expect(page.getByTestId("forms-view")).toBeVisible();
    await page.getByRole("button", { name: "YAML", exact: true }).click();
    await page.getByRole("button", { name: "New from template…" }).click();
    await page.keyboard.press("Escape");
    await page.getByRole("tab", { name: "Ignition" }).click();

    const editor = page.getByTestId("source-editor");
    await editor.locator(".view-lines").click();
    await page.keyboard.press("ControlOrMeta+End");
    await page.keyboard.press("Enter");
    const rows = page.locator(".suggest-widget .monaco-list-row");
    await expect(async () => {
      await page.keyboard.press("Control+Space");
      await expect(rows.first()).toBeVisible({ timeout: 2000 });
    }).toPass();

    // Each row's content fits in the row (a padded .main made it 36 px tall in a 20 px row).
    const sizes = await rows.evaluateAll((els) =>
      els.map((row) => ({
        row: row.getBoundingClientRect().height,
        content: row.querySelector(".contents")?.scrollHeight ?? 0,
        main: row.querySelector(".main")?.getBoundingClientRect().height ?? 0,
      })),
    );
    expect(sizes.length).toBeGreaterThan(0);
    for (const s of sizes) {
      expect(s.main, "a completion row's label line").toBeLessThanOrEqual(s.row);
      expect(s.content, "a completion row's content").toBeLessThanOrEqual(s.row);
    }

    /** App rules (stylesheets of the app, not Monaco's) that match an element inside a Monaco host. */
    const appRulesInMonaco = () =>
      page.evaluate(() => {
        const inMonaco = [...document.querySelectorAll(".k-monaco-host *")];
        const isMonacoSheet = (sheet: CSSStyleSheet) => [...sheet.cssRules].some((r) => /\.monaco-|\.codicon/.test((r as CSSStyleRule).selectorText ?? ""));
        const appSheets = [...document.styleSheets].filter((s) => s.href !== null && !isMonacoSheet(s));
        const hits: string[] = [];
        const selectors: string[] = [];
        const walk = (rules: CSSRuleList) => {
          for (const rule of rules) {
            if (rule instanceof CSSStyleRule) {
              selectors.push(rule.selectorText);
              const matched = inMonaco.filter((el) => {
                try {
                  return el.matches(rule.selectorText);
                } catch {
                  return false;
                }
              });
              if (matched.length > 0)
                hits.push(
                  `${rule.selectorText} → ${matched
                    .slice(0, 2)
                    .map((el) => `${el.tagName.toLowerCase()}.${[...el.classList].join(".")}`)
                    .join(", ")}`,
                );
            } else if (rule instanceof CSSGroupingRule) walk(rule.cssRules);
          }
        };
        for (const sheet of appSheets) walk(sheet.cssRules);
        // One class from each of the shell's, the previews', the forms' and the templates' styles.
        const seen = [".k-main", ".kp-panel", ".ff-view", ".kt-dialog"].filter((c) => selectors.some((sel) => sel.split(/[\s,>+~:]/).includes(c)));
        return { seen, hits };
      });

    const withSuggest = await appRulesInMonaco();
    expect(withSuggest.seen, "the app's rules were all found").toEqual([".k-main", ".kp-panel", ".ff-view", ".kt-dialog"]);
    expect(withSuggest.hits, "app rules matching inside Monaco, completion open").toEqual([]);
    await page.keyboard.press("Escape");

    // The find widget (toggle buttons, a text area) and the command palette (an input).
    await page.keyboard.press("ControlOrMeta+F");
    await expect(page.locator(".find-widget.visible")).toBeVisible();
    expect((await appRulesInMonaco()).hits, "app rules matching inside Monaco, find widget open").toEqual([]);
    await page.keyboard.press("Escape");
    await page.keyboard.press("F1");
    await expect(page.locator(".quick-input-widget input").first()).toBeVisible();
    expect((await appRulesInMonaco()).hits, "app rules matching inside Monaco, command palette open").toEqual([]);
    await page.keyboard.press("Escape");
  });
});
