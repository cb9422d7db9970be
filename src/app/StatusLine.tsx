/** The status line: spec in use, Ignition version, output size, progress, target and user-data meter, cursor and autosave state. */
import { useMemo } from "react";
import { formatBytes, utf8Length } from "../lib/format.ts";
import { SaveState, Status, useStudioStore } from "../store/store.ts";
import { GuardrailsStatus } from "../features/guardrails/GuardrailsStatus.tsx";

/** Where the text is, as the status line says it (only what a write that succeeded stored). */
const SAVE_TEXT: Record<SaveState, string> = {
  [SaveState.Local]: "Saved in this browser",
  [SaveState.Backup]: "Saved in this browser (backup store)",
  [SaveState.Saving]: "Saving…",
  [SaveState.Unsaved]: "Not saved!",
};

export function StatusLine() {
  const result = useStudioStore((s) => s.result);
  const lastGood = useStudioStore((s) => s.lastGood);
  const status = useStudioStore((s) => s.status);
  const cursor = useStudioStore((s) => s.cursor);
  const saved = useStudioStore((s) => s.saved);
  const fileCount = useStudioStore((s) => s.files.length);
  // With a user-data platform chosen, the size meter shows the size as that platform counts it.
  const metered = useStudioStore((s) => s.platform !== null);
  const output = result?.output ?? null;
  const size = useMemo(() => (output === null ? null : utf8Length(output)), [output]);

  const variant = result?.variant ?? lastGood?.variant;
  const version = result?.version ?? lastGood?.version;
  const ign = result?.ignitionVersion ?? lastGood?.ignitionVersion;
  const state =
    status === Status.Pending
      ? "updating…"
      : status === Status.Timeout
        ? "last edit not processed"
        : status === Status.Crash
          ? "internal error"
          : result && result.output === null
            ? "errors: output out of date"
            : result
              ? "up to date"
              : "";

  return (
    <footer className="k-statusline" data-testid="status-line">
      <span>{variant && version ? `${variant} ${version}` : "no spec detected"}</span>
      {ign && <span>Ignition {ign}{result?.outputFormat === "yaml" ? " (MachineConfig)" : ""}</span>}
      {size !== null && !metered && <span data-testid="output-size">{formatBytes(size)}</span>}
      <span className={`k-status-state k-state-${status}`} aria-live="polite" data-testid="status-state">
        {state}
      </span>
      <span className="k-statusline-spacer" />
      <GuardrailsStatus />
      {fileCount > 0 && <span>{fileCount === 1 ? "1 local file" : `${fileCount} local files`}</span>}
      <span data-testid="cursor-position">
        Ln {cursor.line}, Col {cursor.column}
      </span>
      <span className={saved === SaveState.Unsaved ? "k-status-unsaved" : saved === SaveState.Local ? "" : "k-status-backup"} data-testid="save-state">
        {SAVE_TEXT[saved]}
      </span>
    </footer>
  );
}
