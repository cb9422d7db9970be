import { randomBytes } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { baseURL } from "../playwright.shared.ts";
import { decodeShareFragment } from "../src/features/share/codec.ts";
import { setEditorText, waitForEditor, waitUpToDate } from "./helpers.ts";

const config = (marker: string) => `variant: fcos\nversion: 1.6.0\n# ${marker}\nstorage:\n  files:\n    - path: /etc/${marker}\n`;

async function shareLink(page: Page): Promise<string> {
  await page.getByRole("button", { name: "Share…" }).click();
  const input = page.getByTestId("share-link");
  await expect(input).toHaveValue(/#v2\//);
  const link = await input.inputValue();
  await page.getByRole("button", { name: "Close" }).click();
  return link;
}

test("a share link opens in a fresh page, and the autosaved draft survives", async ({ context, page }) => {
  await page.goto("/");
  await waitForEditor(page);
  await setEditorText(page, config("shared-marker"));
  await waitUpToDate(page);
  const link = await shareLink(page);
  expect(new URL(link).origin).toBe(baseURL);

  // The sender keeps working: this is the draft that must not be lost.
  await setEditorText(page, config("draft-marker"));
  await waitUpToDate(page);

  const fresh = await context.newPage();
  await fresh.goto(link);
  await waitForEditor(fresh);
  // The draft is shown; the link's config is offered, not forced.
  const offer = fresh.getByTestId("notice-share");
  await expect(offer).toContainText("This link contains a shared config");
  await expect(fresh.getByTestId("source-editor")).toContainText("draft-marker");
  await offer.getByRole("button", { name: "Open shared config" }).click();
  await expect(fresh.getByTestId("source-editor")).toContainText("shared-marker");
  await expect(fresh.getByTestId("output-view")).toContainText("/etc/shared-marker");
  await expect(fresh).toHaveURL(`${baseURL}/`);

  // The replaced draft is listed under Drafts, and the first tab still has it after a reload.
  await fresh.getByRole("button", { name: "Drafts" }).click();
  await expect(fresh.getByRole("menuitem")).not.toHaveCount(0);
  await page.reload();
  await waitForEditor(page);
  await expect(page.getByTestId("source-editor")).toContainText("draft-marker");
});

test("a share link on a first visit opens directly", async ({ browser }) => {
  const sender = await browser.newContext();
  const page = await sender.newPage();
  await page.goto("/");
  await waitForEditor(page);
  await setEditorText(page, config("first-visit"));
  await waitUpToDate(page);
  const link = await shareLink(page);
  await sender.close();

  const receiver = await browser.newContext();
  const r = await receiver.newPage();
  await r.goto(link);
  await waitForEditor(r);
  await expect(r.getByTestId("source-editor")).toContainText("first-visit");
  await expect(r.getByTestId("notice-share")).toHaveCount(0);
  await receiver.close();
});

test("keeping the draft when a link is pasted into the same tab", async ({ page }) => {
  await page.goto("/");
  await waitForEditor(page);
  await setEditorText(page, config("other-config"));
  await waitUpToDate(page);
  const link = await shareLink(page);
  await setEditorText(page, config("my-draft"));
  await waitUpToDate(page);
  await page.goto(link); // Only the fragment changes: no reload, a hashchange.
  const offer = page.getByTestId("notice-share");
  await offer.getByRole("button", { name: "Keep my draft" }).click();
  await expect(offer).toHaveCount(0);
  await expect(page.getByTestId("source-editor")).toContainText("my-draft");
  await expect(page).toHaveURL(`${baseURL}/`);
});

test("a broken link says so and shows the draft", async ({ page }) => {
  await page.goto("/#v1/AAAA");
  await waitForEditor(page);
  await expect(page.getByTestId("notice-share")).toContainText("damaged");
  await expect(page.getByTestId("source-editor")).toContainText("variant: fcos");
});

test("secrets: a warning and a redacted link", async ({ page }) => {
  await page.goto("/");
  await waitForEditor(page);
  const hash = "$y$j9T$abcdefghijklmnop$qrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456";
  const key = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIPdUBsxgFdqyiDtfrQTHXnjd3SJxdEjLuS+Rwkv3T8k1 me@laptop";
  await setEditorText(
    page,
    `variant: fcos\nversion: 1.6.0\npasswd:\n  users:\n    - name: core\n      password_hash: ${hash}\n      ssh_authorized_keys:\n        - ${key}\n`,
  );
  await waitUpToDate(page);
  await page.getByRole("button", { name: "Share…" }).click();
  const dialog = page.getByTestId("share-dialog");
  await expect(dialog.getByTestId("secrets-warning")).toContainText("1 password hash, 1 SSH key");
  await expect(dialog.getByRole("button", { name: "Copy redacted link" })).toBeVisible();

  const redacted = await dialog.getByTestId("share-link").inputValue();
  const decoded = await decodeShareFragment(new URL(redacted).hash);
  expect(decoded.kind).toBe("config");
  const text = decoded.kind === "config" ? decoded.source : "";
  expect(text).toContain("password_hash: REDACTED");
  expect(text).toContain("ssh-ed25519 REDACTED me@laptop");
  expect(text).not.toContain("AAAAC3Nza");

  await dialog.getByLabel("Everything, secrets included").check();
  await expect(dialog.getByRole("button", { name: "Copy link with secrets" })).toBeVisible();
  const full = await dialog.getByTestId("share-link").inputValue();
  const fullText = await decodeShareFragment(new URL(full).hash);
  expect(fullText.kind === "config" && fullText.source).toContain(key);
});

test("a config too large for a link offers the download instead", async ({ page }) => {
  await page.goto("/");
  await waitForEditor(page);
  // Random bytes do not compress: well over 32 KB of link.
  const blob = randomBytes(30_000).toString("base64");
  await setEditorText(page, `variant: fcos\nversion: 1.6.0\n# ${blob}\n`);
  await page.getByRole("button", { name: "Share…" }).click();
  await expect(page.getByTestId("share-too-long")).toContainText("too large for a link");
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Download the file instead" }).click()]);
  expect(download.suggestedFilename()).toBe("config.bu");
});
