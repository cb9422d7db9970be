/** The status line: spec in use, Ignition version, output size, progress, target and user-data meter, cursor and autosave state. */
import { useLayoutEffect, useMemo, useRef } from "react";
import { formatBytes, utf8Length } from "../lib/format.ts";
import { SaveState, Status, useStudioStore, type StudioState } from "../store/store.ts";
import { GuardrailsStatus } from "../features/guardrails/GuardrailsStatus.tsx";
import { problemsInFilesText, projectProblemCounts } from "../features/project/problem-counts.ts";

/** In a project: how many problems the whole build has, in how many files (nothing otherwise). */
function ProjectProblemsCount() {
  const text = useStudioStore((s) => (s.projectBuild ? problemsInFilesText(projectProblemCounts(s.projectBuild)) : null));
  if (text === null) return null;
  return <span data-testid="project-problem-count">{text.charAt(0).toUpperCase() + text.slice(1)}</span>;
}

/** Where the text is, as the status line says it (only what a write that succeeded stored). */
const SAVE_TEXT: Record<SaveState, string> = {
  [SaveState.Local]: "Saved in this browser",
  [SaveState.Backup]: "Saved in this browser (backup store)",
  [SaveState.Saving]: "Saving…",
  [SaveState.Unsaved]: "Not saved!",
};

/** What the status line says about the current text, for the store's state `s`. */
function stateOf(s: StudioState): string {
  if (s.status === Status.Pending) return "updating…";
  if (s.status === Status.Timeout) return "last edit not processed";
  if (s.status === Status.Crash) return "internal error";
  if (s.result && s.result.output === null) return "errors: output out of date";
  return s.result ? "up to date" : "";
}

/**
 * A span whose text (and class) follow the store at every change, written to the DOM directly:
 * the status and the cursor change at every keystroke, and a React render of the status line
 * there would sit in the keystroke's task, ahead of the frame that shows the typed character.
 */
function LiveText({
  read,
  className,
  testId,
  live,
}: {
  read: (s: StudioState) => { text: string; modifier?: string };
  className: string;
  testId: string;
  live?: boolean;
}) {
  const ref = useRef<HTMLSpanElement>(null);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    let shown: { text: string; modifier?: string } | null = null;
    const write = (s: StudioState) => {
      const next = read(s);
      if (next.text !== shown?.text) el.textContent = next.text;
      if (next.modifier !== shown?.modifier) {
        if (shown?.modifier) el.classList.remove(shown.modifier);
        if (next.modifier) el.classList.add(next.modifier);
      }
      shown = next;
    };
    write(useStudioStore.getState());
    return useStudioStore.subscribe(write);
  }, [read]);
  return <span ref={ref} className={className} data-testid={testId} {...(live ? { "aria-live": "polite" as const } : {})} />;
}

const readState = (s: StudioState) => ({ text: stateOf(s), modifier: `k-state-${s.status}` });
const readCursor = (s: StudioState) => ({ text: `Ln ${s.cursor.line}, Col ${s.cursor.column}` });

export function StatusLine() {
  const result = useStudioStore((s) => s.result);
  const lastGood = useStudioStore((s) => s.lastGood);
  const saved = useStudioStore((s) => s.saved);
  const fileCount = useStudioStore((s) => s.files.length);
  // With a user-data platform chosen, the size meter shows the size as that platform counts it.
  const metered = useStudioStore((s) => s.platform !== null);
  const output = result?.output ?? null;
  const size = useMemo(() => (output === null ? null : utf8Length(output)), [output]);

  const variant = result?.variant ?? lastGood?.variant;
  const version = result?.version ?? lastGood?.version;
  const ign = result?.ignitionVersion ?? lastGood?.ignitionVersion;

  return (
    <footer className="k-statusline" data-testid="status-line">
      <span>{variant && version ? `${variant} ${version}` : "no spec detected"}</span>
      {ign && (
        <span>
          Ignition {ign}
          {result?.outputFormat === "yaml" ? " (MachineConfig)" : ""}
        </span>
      )}
      {size !== null && !metered && <span data-testid="output-size">{formatBytes(size)}</span>}
      <LiveText read={readState} className="k-status-state" testId="status-state" live />
      <ProjectProblemsCount />
      <span className="k-statusline-spacer" />
      <GuardrailsStatus />
      {fileCount > 0 && <span>{fileCount === 1 ? "1 local file" : `${fileCount} local files`}</span>}
      <LiveText read={readCursor} className="k-status-cursor" testId="cursor-position" />
      <span className={saved === SaveState.Unsaved ? "k-status-unsaved" : saved === SaveState.Local ? "" : "k-status-backup"} data-testid="save-state">
        {SAVE_TEXT[saved]}
      </span>
    </footer>
  );
}
