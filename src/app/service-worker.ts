/**
 * The service worker that makes the studio work offline: vite-plugin-pwa generates it with Workbox
 * at build time (vite.config.ts) to precache the app, so after one visit it loads, transpiles and
 * downloads with no network. Registered here with workbox-window, from a chunk bootstrap.ts loads
 * once the page has loaded (nothing in the first paint's script; no inline script, so the CSP
 * stays as it is). A new version is only offered (features/offline/update-offer.ts): it takes over
 * when the user chooses Reload, once the draft is known to survive the reload.
 */
import { Workbox } from "workbox-window";
import { offerUpdate } from "../features/offline/update-offer.ts";
import { sourceFileName } from "../features/output/download-name.ts";
import { downloadText } from "../lib/download-file.ts";
import { useStudioStore } from "../store/store.ts";
import { reloadKeepsDraft } from "./actions.ts";

/** How long Reload waits for the new version to take over before reloading anyway (the draft is safe). */
const TAKE_OVER_MS = 10_000;
/** A tab left open looks for a new version when it is shown again, at most this often. */
const CHECK_EVERY_MS = 60 * 60 * 1000;

export async function registerServiceWorker(): Promise<void> {
  if (!("serviceWorker" in navigator)) return;
  const base = import.meta.env.BASE_URL;
  const wb = new Workbox(`${base}sw.js`, { scope: base });
  const controlledAtStart = navigator.serviceWorker.controller !== null;
  /** The user chose Reload in this tab. */
  let asked = false;
  let offeredAfterTakeOver = false;
  let onTakeOver = () => {};
  const takeOver = new Promise<void>((resolve) => (onTakeOver = resolve));

  const offer = () =>
    offerUpdate({
      keepsDraft: reloadKeepsDraft,
      activate: () => {
        asked = true;
        // Tells the waiting worker to activate; once it does it controls this tab (and every other).
        wb.messageSkipWaiting();
        return Promise.race([takeOver, new Promise<void>((resolve) => setTimeout(resolve, TAKE_OVER_MS))]);
      },
      reload: () => window.location.reload(),
      download: () => {
        const { source, fileName } = useStudioStore.getState();
        downloadText(sourceFileName(fileName), source, "application/yaml");
      },
    });

  // A new version installed (by this tab, or by another one) and waits for the old one's tabs.
  wb.addEventListener("waiting", offer);
  // A new version took over: this tab asked for it, or another tab did (this one is still running
  // the old version, and is offered the reload).
  wb.addEventListener("controlling", () => {
    onTakeOver();
    if (controlledAtStart && !asked && !offeredAfterTakeOver) {
      offeredAfterTakeOver = true;
      offer();
    }
  });
  try {
    // Registration is not the app's to fail: without it the studio works as before, online.
    const registration = await wb.register({ immediate: true });
    if (!registration) return;
    // A new version the browser found while this page loaded (before workbox-window listened)
    // is still installing: workbox-window only reports one that is waiting already.
    const installing = registration.installing;
    if (installing && controlledAtStart) {
      installing.addEventListener("statechange", () => {
        if (installing.state === "installed" && registration.waiting === installing) offer();
      });
    }
  } catch (e) {
    console.warn("Kindling: the service worker (offline use) could not be registered.", e);
    return;
  }
  let checkedAt = Date.now();
  document.addEventListener("visibilitychange", () => {
    if (document.visibilityState !== "visible" || Date.now() - checkedAt < CHECK_EVERY_MS) return;
    checkedAt = Date.now();
    // Offline, or the server is gone: the next check will do.
    wb.update().catch(() => undefined);
  });
}
