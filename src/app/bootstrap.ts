/** Wires the store to the worker, autosave, stored files and share links. Called once by main.tsx. */
import { startFilesPersistence } from "../features/files/files.ts";
import { restoreProjectLater, storedProjectAtStart } from "../features/project/project-actions.ts";
import { saveProject } from "../features/project/persist.ts";
import { projectFile } from "../store/project-model.ts";
import { loadGuardrailPrefs } from "../features/guardrails/prefs.ts";
import { startEffects } from "../store/effects.ts";
import { useStudioStore } from "../store/store.ts";
import { createTranspileClient } from "../worker/client.ts";
import { spawnEarlyOrNew } from "../worker/early-start.ts";
import { getAutosave, openShareLinkFromLocation, restoreAtStart, restoreFromBackup, startLeases, watchOtherTabs } from "./actions.ts";
import { preloadEditorChunks } from "./preload-editor.ts";
import { afterFirstPaint } from "../lib/after-paint.ts";

/** Longest wait, after the first paint, for the worker's script before Monaco downloads. */
const PRELOAD_AFTER_MS = 300;

export function bootstrap(): void {
  startLeases();
  const initial = restoreAtStart();
  // A project open at the last visit comes back with the file that was in the editor.
  const project = storedProjectAtStart();
  const active = project && (projectFile(project, project.active) ?? project.main);
  if (project && active) useStudioStore.setState({ project: { ...project, active: active.name }, source: active.text, fileName: active.name });
  else useStudioStore.setState({ source: initial.source, fileName: initial.fileName });
  const startRev = useStudioStore.getState().rev;
  loadGuardrailPrefs();

  // The worker main.tsx started first; its script loads and runs while the stored files are read
  // and the page renders.
  let workerReady = () => {};
  const workerLoaded = new Promise<void>((resolve) => (workerReady = resolve));
  const client = createTranspileClient({ spawn: spawnEarlyOrNew, onReady: () => workerReady() });
  client.warm();
  const filesLoaded = startFilesPersistence();
  startEffects({ client, autosave: getAutosave(), project: { save: saveProject }, firstRunAfter: filesLoaded });
  watchOtherTabs();
  // Monaco downloads once the worker's script has loaded (or soon after the first paint if it is
  // slow), so the script the first output needs does not share the network with it; Monaco runs
  // once the first output is on screen (src/editor/load-gate.ts).
  void afterFirstPaint()
    .then(() => Promise.race([workerLoaded, new Promise((resolve) => setTimeout(resolve, PRELOAD_AFTER_MS))]))
    .then(preloadEditorChunks);
  // The draft backup is the single-file studio's; a restored project is what the editor shows.
  if (!project) void restoreFromBackup(initial.draft, startRev);
  void restoreProjectLater();

  void openShareLinkFromLocation(initial.draft !== null);
  // A file dropped next to a drop zone would make the browser open it in place of the app.
  for (const type of ["dragover", "drop"] as const) {
    window.addEventListener(type, (e) => {
      if (e.dataTransfer?.types.includes("Files")) e.preventDefault();
    });
  }

  // A share link pasted into this tab's address bar changes only the fragment: no reload.
  window.addEventListener("hashchange", () => void openShareLinkFromLocation(true));

  // Offline use: the service worker registers once the page has loaded and painted (its script is
  // a chunk of its own, and the precache's downloads come after the page's). Not in dev.
  if (import.meta.env.PROD) {
    const register = () =>
      void afterFirstPaint()
        .then(() => import("./service-worker.ts"))
        .then(
          (m) => m.registerServiceWorker(),
          (e: unknown) => console.warn("Kindling: offline use is not available.", e),
        );
    if (document.readyState === "complete") register();
    else window.addEventListener("load", register, { once: true });
  }
}
