/** Wires the store to the worker, autosave, stored files and share links. Called once by main.tsx. */
import { startFilesPersistence } from "../features/files/files.ts";
import { loadGuardrailPrefs } from "../features/guardrails/prefs.ts";
import { startEffects } from "../store/effects.ts";
import { useStudioStore } from "../store/store.ts";
import { createTranspileClient, spawnTranspileWorker } from "../worker/client.ts";
import { getDrafts, openShareLinkFromLocation, watchOtherTabs } from "./actions.ts";
import { DEFAULT_SOURCE } from "./default-config.ts";

export function bootstrap(): void {
  const drafts = getDrafts();
  const initial = drafts.initial();
  useStudioStore.setState({ source: initial?.source ?? DEFAULT_SOURCE, fileName: initial?.fileName ?? null });
  loadGuardrailPrefs();

  const client = createTranspileClient({ spawn: spawnTranspileWorker });
  const filesLoaded = startFilesPersistence();
  startEffects({ client, saveDraft: drafts.save, compactDraft: drafts.compact, firstRunAfter: filesLoaded });
  watchOtherTabs();

  void openShareLinkFromLocation(initial !== null);
  // A file dropped next to a drop zone would make the browser open it in place of the app.
  for (const type of ["dragover", "drop"] as const) {
    window.addEventListener(type, (e) => {
      if (e.dataTransfer?.types.includes("Files")) e.preventDefault();
    });
  }

  // A share link pasted into this tab's address bar changes only the fragment: no reload.
  window.addEventListener("hashchange", () => void openShareLinkFromLocation(true));
}
