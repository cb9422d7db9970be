/** Wires the store to the worker, autosave, stored files and share links. Called once by main.tsx. */
import { startFilesPersistence } from "../features/files/files.ts";
import { startEffects } from "../store/effects.ts";
import { useStudioStore } from "../store/store.ts";
import { createTranspileClient, spawnTranspileWorker } from "../worker/client.ts";
import { getAutosave, openShareLinkFromLocation, restoreAtStart, restoreFromBackup, startLeases, watchOtherTabs } from "./actions.ts";

export function bootstrap(): void {
  startLeases();
  const initial = restoreAtStart();
  useStudioStore.setState({ source: initial.source, fileName: initial.fileName });
  const startRev = useStudioStore.getState().rev;

  const client = createTranspileClient({ spawn: spawnTranspileWorker });
  const filesLoaded = startFilesPersistence();
  startEffects({ client, autosave: getAutosave(), firstRunAfter: filesLoaded });
  watchOtherTabs();
  void restoreFromBackup(initial.draft, startRev);

  void openShareLinkFromLocation(initial.draft !== null);
  // A file dropped next to a drop zone would make the browser open it in place of the app.
  for (const type of ["dragover", "drop"] as const) {
    window.addEventListener(type, (e) => {
      if (e.dataTransfer?.types.includes("Files")) e.preventDefault();
    });
  }

  // A share link pasted into this tab's address bar changes only the fragment: no reload.
  window.addEventListener("hashchange", () => void openShareLinkFromLocation(true));
}
