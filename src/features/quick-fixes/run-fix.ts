/**
 * Carrying out quick fixes in the studio: edits go through the store (the editor applies them as
 * one undo step), a reveal moves the cursor, attach and fill open their UI.
 */
import type { Problem } from "../../store/problems.ts";
import { revealInEditor, setSource, setTab, Status, Tab, useStudioStore } from "../../store/store.ts";
import { createFilesProvider } from "../../worker/files-provider.ts";
import { closeFill, openFill, requestAttach, type FillFix } from "./fix-ui.ts";
import { fillEdits } from "./fill.ts";
import { fixContext, fixesFor, mayHaveFixes, targetOf } from "./registry.ts";
import { applyEdits } from "./text.ts";
import type { FixContext, QuickFix } from "./types.ts";

/** What the studio transpiles with now (fixes that re-check themselves use the same). */
function studioOptions(): FixContext["options"] {
  const s = useStudioStore.getState();
  return { raw: s.raw, files: createFilesProvider(s.files) };
}

/** The fixes for a Problems row, against the current text and files. */
export function fixesForProblem(problem: Problem, options = studioOptions()): QuickFix[] {
  const s = useStudioStore.getState();
  return fixesFor(fixContext(s.source, targetOf(problem), s.result?.variant, s.result?.version, options));
}

export function runFix(fix: QuickFix): void {
  switch (fix.kind) {
    case "edit":
      setSource(applyEdits(useStudioStore.getState().source, fix.edits), "fix");
      return;
    case "reveal":
      revealInEditor(fix.line, fix.column);
      return;
    case "attach":
      setTab(Tab.Files);
      requestAttach(fix.path, fix.folder);
      return;
    case "fill":
      openFill(fix);
      return;
  }
}

/** Writes a filled-in value; false when the config no longer has the place (it was edited meanwhile). */
export function completeFill(fix: FillFix, value: string): boolean {
  const source = useStudioStore.getState().source;
  let edits: ReturnType<typeof fillEdits>;
  try {
    edits = fillEdits(source, fix.target, fix.what, value);
  } catch {
    edits = null;
  }
  if (!edits) return false;
  setSource(applyEdits(source, edits), "fix");
  closeFill();
  return true;
}

/** The Problems panel works out fixes for this many rows at most (Ctrl+. in the editor has them all). */
export const MAX_ROWS_WITH_FIXES = 50;

/**
 * Longest config (characters) whose rows' fixes the Problems panel works out by itself: a fix reads
 * the whole config with the edit layer and may re-check it by transpiling, which on a longer text
 * takes a row longer than a frame's worth of the main thread. Ctrl+. in the editor still has them.
 */
export const MAX_SOURCE_FOR_ROW_FIXES = 32 * 1024;

const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * The fixes of the rows that have any, the first `MAX_ROWS_WITH_FIXES` of them (for the Problems
 * panel), one row per task so the page stays responsive; none for a config over
 * MAX_SOURCE_FOR_ROW_FIXES. Stops early (null) when `stale()` says the rows are out of date.
 */
export async function fixesForRows(rows: readonly Problem[], stale: () => boolean): Promise<Map<Problem, QuickFix[]> | null> {
  const out = new Map<Problem, QuickFix[]>();
  const s = useStudioStore.getState();
  // Rows of an older text than the one being transpiled would point anywhere in it.
  if (s.status !== Status.Ready || s.source.length > MAX_SOURCE_FOR_ROW_FIXES) return out;
  const options = studioOptions();
  for (const r of rows.filter((row) => mayHaveFixes(targetOf(row))).slice(0, MAX_ROWS_WITH_FIXES)) {
    out.set(r, fixesForProblem(r, options));
    await nextTask();
    if (stale()) return null;
  }
  return out;
}

/** Runs the first fix of the first row for which `pick` is true (the redaction banner's "Fill in…"). */
export function runFirstFix(rows: readonly Problem[], pick: (p: Problem) => boolean): void {
  const row = rows.find(pick);
  const fix = row ? fixesForProblem(row)[0] : undefined;
  if (fix) runFix(fix);
}
