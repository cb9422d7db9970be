/**
 * A project folder for the e2e specs. The one stub: the native folder picker returns a real
 * directory of the Origin Private File System, which the page reads and writes like any folder.
 */
import { expect, type BrowserContext, type Page } from "@playwright/test";
import { waitUpToDate } from "./helpers.ts";

/** Makes `showDirectoryPicker()` return the OPFS folder `folder` in every page of `context`. */
export async function stubFolderPicker(context: BrowserContext, folder: string): Promise<void> {
  await context.addInitScript((name) => {
    (window as unknown as { showDirectoryPicker: () => Promise<FileSystemDirectoryHandle> }).showDirectoryPicker = async () =>
      (await navigator.storage.getDirectory()).getDirectoryHandle(name, { create: true });
  }, folder);
}

/** Writes `files` (path → text, paths with `/` in subfolders) into the OPFS folder `folder`. */
export async function writeFolder(page: Page, folder: string, files: Record<string, string>): Promise<void> {
  await page.evaluate(
    async ([name, entries]) => {
      const root = await (await navigator.storage.getDirectory()).getDirectoryHandle(name, { create: true });
      for (const [path, text] of Object.entries(entries)) {
        const parts = path.split("/");
        let dir = root;
        for (const p of parts.slice(0, -1)) dir = await dir.getDirectoryHandle(p, { create: true });
        const w = await (await dir.getFileHandle(parts.at(-1)!, { create: true })).createWritable();
        await w.write(text);
        await w.close();
      }
    },
    [folder, files] as const,
  );
}

/** Text of the file at `path` in the OPFS folder `folder`. */
export function readFolderFile(page: Page, folder: string, path: string): Promise<string> {
  return page.evaluate(
    async ([name, p]) => {
      let dir = await (await navigator.storage.getDirectory()).getDirectoryHandle(name);
      const parts = p.split("/");
      for (const part of parts.slice(0, -1)) dir = await dir.getDirectoryHandle(part);
      return (await (await dir.getFileHandle(parts.at(-1)!)).getFile()).text();
    },
    [folder, path] as const,
  );
}

/** Project → Open folder…, then waits until the project is built. */
export async function openFolder(page: Page): Promise<void> {
  await page.getByRole("button", { name: "Project" }).click();
  await page.getByRole("menuitem", { name: /Open folder/ }).click();
  await expect(page.getByTestId("project-panel")).toBeVisible();
  await waitUpToDate(page);
}
