/**
 * Offline studio (issue #18): after one visit the service worker (vite-plugin-pwa / Workbox,
 * vite.config.ts) has precached the app, so with no network it loads, transpiles and downloads;
 * the manifest passes Chromium's installability checks; a new version is offered and reloading
 * for it keeps the draft. The only spec that allows service workers (playwright.config.ts blocks
 * them elsewhere). One context and one tab for the file: the scenarios follow one user's visits.
 * Every request of the whole file, the service worker's included, stays on the origin.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { expect, test, type BrowserContext, type Page } from "@playwright/test";
import { baseURL } from "../playwright.shared.ts";
import { monacoText, savedDraft, setEditorText, waitForEditor, waitUpToDate } from "./helpers.ts";

const HEAD = "variant: fcos\nversion: 1.6.0\n";
/** The service worker of the build vite preview serves. */
const SW_FILE = fileURLToPath(new URL("../dist/sw.js", import.meta.url));

test.describe.serial("offline studio", () => {
  test.describe.configure({ timeout: 120_000 });
  let profile: string;
  let context: BrowserContext;
  let page: Page;
  const requests: string[] = [];
  const cspViolations: string[] = [];

  /** Whether a service worker controls the page, and its script's URL. */
  const controller = () => page.evaluate(() => navigator.serviceWorker.controller?.scriptURL ?? null);

  test.beforeAll(async ({ playwright }, testInfo) => {
    // A browser profile of its own, as a user's: Chromium does not install apps from an incognito
    // context (what browser.newContext() gives), and the installability check says so.
    profile = mkdtempSync(join(tmpdir(), "kindling-offline-"));
    // The project's browser (the system Chromium where there is one) and device settings.
    const { launchOptions, ...use } = testInfo.project.use;
    context = await playwright.chromium.launchPersistentContext(profile, {
      ...use,
      ...launchOptions,
      baseURL,
      serviceWorkers: "allow",
      acceptDownloads: true,
    });
    context.on("request", (r) => requests.push(r.url()));
    await context.exposeBinding("__cspViolation", (_source, v: string) => void cspViolations.push(v));
    await context.addInitScript(() => {
      document.addEventListener("securitypolicyviolation", (e) =>
        (window as unknown as { __cspViolation(v: string): void }).__cspViolation(`${e.violatedDirective} ${e.blockedURI}`),
      );
    });
    page = context.pages()[0] ?? (await context.newPage());
    console.log(`[measure] browser: ${context.browser()?.version() ?? "(persistent context)"}, ${launchOptions?.executablePath ?? "Playwright's Chromium"}`);
  });

  test.afterAll(async () => {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  });

  test("the first visit installs the service worker; from the next load on it controls the page", async () => {
    await page.goto("/");
    await waitForEditor(page);
    // First visit: the worker registers after the page has loaded and precaches the app.
    await page.evaluate(() => navigator.serviceWorker.ready);
    await expect.poll(() => page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.active?.state)).toBe("activated");
    const cached = await page.evaluate(async () => {
      const names = await caches.keys();
      let entries = 0;
      for (const name of names) entries += (await (await caches.open(name)).keys()).length;
      return { names, entries };
    });
    console.log(`[measure] precache after the first visit: ${cached.entries} entries in ${cached.names.join(", ")}`);
    expect(cached.entries).toBeGreaterThan(100);
    // It does not take over the page it was installed from (no clients.claim): the next load.
    expect(await controller()).toBeNull();
    await page.reload();
    await waitForEditor(page);
    expect(await controller()).toBe(`${baseURL}/sw.js`);
  });

  test("the manifest passes Chromium's installability checks", async () => {
    const cdp = await context.newCDPSession(page);
    const { installabilityErrors } = await cdp.send("Page.getInstallabilityErrors");
    expect(installabilityErrors).toEqual([]);
    const manifest = await cdp.send("Page.getAppManifest");
    expect(manifest.errors).toEqual([]);
    expect(JSON.parse(manifest.data ?? "{}")).toMatchObject({ name: "Kindling: Butane studio", short_name: "Kindling", display: "standalone", start_url: "/" });
    await cdp.detach();
  });

  test("with no network the studio loads, transpiles an edit and downloads the .ign", async () => {
    await context.setOffline(true);
    try {
      await page.reload();
      await waitForEditor(page);
      // Really offline: what the service worker does not hold fails.
      expect(
        await page.evaluate(() =>
          fetch("/not-in-the-precache.txt").then(
            () => "answered",
            () => "failed",
          ),
        ),
      ).toBe("failed");

      await setEditorText(page, `${HEAD}storage:\n  files:\n    - path: /etc/offline-motd\n      contents:\n        inline: written with no network\n`);
      await waitUpToDate(page);
      await expect(page.getByTestId("status-state")).toHaveText("up to date");
      await expect(page.getByTestId("output-view")).toContainText("/etc/offline-motd");

      const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Download .ign" }).click()]);
      expect(download.suggestedFilename()).toBe("config.ign");
      const ign = JSON.parse(readFileSync(await download.path(), "utf8")) as { storage: { files: { path: string }[] } };
      expect(ign.storage.files.map((f) => f.path)).toEqual(["/etc/offline-motd"]);

      // What the editor and the reference links fetch is there too: the schema for completion and
      // hover, and the spec page hover links to.
      const fetched = await page.evaluate(() =>
        Promise.all(
          ["/schemas/butane/fcos-1.6.0.json", "/schemas/butane/openshift-4.20.0.json", "/docs/spec/fcos-1.6.0.html"].map((u) => fetch(u).then((r) => r.status)),
        ),
      );
      expect(fetched).toEqual([200, 200, 200]);
    } finally {
      await context.setOffline(false);
    }
  });

  test("a new version is offered, never forced; Reload keeps the draft, in each tab", async () => {
    const draft = `${HEAD}# draft written before the update\nstorage:\n  files:\n    - path: /etc/kept\n`;
    await setEditorText(page, draft);
    await waitUpToDate(page);
    await expect.poll(() => savedDraft(page)).toBe(draft);
    // A second tab on the same version; it starts from the newest draft and is never edited.
    const other = await context.newPage();
    await other.goto("/");
    await waitForEditor(other);
    await expect.poll(() => monacoText(other, "source-editor")).toContain("# draft written before the update");
    const marked = (p: Page) => p.evaluate(() => (window as unknown as { __before?: boolean }).__before === true);
    for (const p of [page, other]) await p.evaluate(() => ((window as unknown as { __before: boolean }).__before = true));

    // A new build: the server now has a service worker script with other bytes (the same precache
    // list, as a build that changed only the worker would have). vite preview reads its files from
    // disk on every request; the other spec files block service workers, so only this file ever
    // asks for it. (Playwright's route() does not see the browser's fetch of a worker script.)
    const original = readFileSync(SW_FILE, "utf8");
    writeFileSync(SW_FILE, `${original}\n// the next version\n`);
    try {
      // The check a tab makes when it is shown again after an hour, or any navigation, asks the same.
      await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update());

      const notice = page.getByTestId("notice-update");
      await expect(notice).toContainText("A new version of Kindling is ready", { timeout: 30_000 });
      await expect(notice).toHaveAttribute("role", "status");
      await expect(other.getByTestId("notice-update")).toContainText("A new version of Kindling is ready");
      await page.screenshot({ path: test.info().outputPath("update-notice.png") });
      await notice.screenshot({ path: test.info().outputPath("update-notice-close.png") });

      // Offered only: the tabs go on with the old version until the user chooses.
      await page.waitForTimeout(1_000);
      expect([await marked(page), await marked(other)]).toEqual([true, true]);
      expect(await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.waiting?.state)).toBe("installed");

      // The user edits once more, then chooses Reload.
      const last = `${draft}# and one last line\n`;
      await setEditorText(page, last);
      await Promise.all([page.waitForEvent("load"), notice.getByRole("button", { name: "Reload" }).click()]);
      await waitForEditor(page);
      expect(await marked(page)).toBe(false);
      await expect.poll(() => monacoText(page, "source-editor")).toContain("# and one last line");
      expect(await savedDraft(page)).toBe(last);
      // The new version controls the page; nothing waits any more, and nothing is offered.
      expect(await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.waiting ?? null)).toBeNull();
      await expect(page.getByTestId("notice-update")).toHaveCount(0);

      // The other tab was not reloaded: it still offers the reload. Its text, never edited there,
      // was only the first tab's older draft: Reload stores it as this tab's own draft first, or
      // the reload would show the first tab's newer text in its place.
      await page.waitForTimeout(500);
      expect(await marked(other)).toBe(true);
      await expect(other.getByTestId("notice-update")).toBeVisible();
      await Promise.all([other.waitForEvent("load"), other.getByTestId("notice-update").getByRole("button", { name: "Reload" }).click()]);
      await waitForEditor(other);
      expect(await marked(other)).toBe(false);
      await expect.poll(() => monacoText(other, "source-editor")).toContain("# draft written before the update");
      expect(await monacoText(other, "source-editor")).not.toContain("# and one last line");
      await other.close();
    } finally {
      writeFileSync(SW_FILE, original);
    }
  });

  test("nothing left the origin and the CSP was never violated", () => {
    const foreign = requests.filter((u) => !u.startsWith(`${baseURL}/`) && !u.startsWith("data:") && !u.startsWith("blob:"));
    expect(foreign).toEqual([]);
    expect(cspViolations).toEqual([]);
    expect(requests.some((u) => u.endsWith("/sw.js"))).toBe(true);
  });
});
