/** The output tab: the output, or the last good output greyed with a banner while the config has errors. */
import { lazy, Suspense } from "react";
import { outputViewMayLoad } from "../../editor/load-gate.ts";
import { formatBytes } from "../../lib/format.ts";
import { outputKind } from "./download-name.ts";
import { viewedLength, viewedPart } from "./viewed-part.ts";
import { setTab, Status, Tab, useStudioStore } from "../../store/store.ts";

// Its Monaco starts after the source editor's (the plain-text output shows meanwhile).
const OutputView = lazy(() => outputViewMayLoad().then(() => import("../../editor/OutputView.tsx")));

/** The output as plain text, while Monaco loads. */
function OutputFallback() {
  const output = useStudioStore((s) => s.lastGood?.output ?? "");
  return <pre className="k-editor-fallback">{viewedPart(output)}</pre>;
}

/** A note above an output too long to show whole. */
function TruncationNote() {
  const length = useStudioStore((s) => s.lastGood?.output.length ?? 0);
  // A length, not a slice: this selector runs on every store change.
  const shown = useStudioStore((s) => (s.lastGood ? viewedLength(s.lastGood.output) : 0));
  if (shown >= length) return null;
  return (
    <p className="k-output-note" data-testid="output-truncated">
      Showing the first {formatBytes(shown)} of {formatBytes(length)} (a longer view would slow every keystroke). Copy and Download give all of it.
    </p>
  );
}

export function OutputPanel() {
  // Not the output itself: the view follows it (OutputView), and this panel need not re-render
  // on every keystroke.
  const format = useStudioStore((s) => s.lastGood?.outputFormat ?? null);
  const failed = useStudioStore((s) => (s.result !== null && s.result.output === null) || s.status === Status.Timeout || s.status === Status.Crash);
  const reason = useStudioStore((s) =>
    s.status === Status.Timeout || s.status === Status.Crash ? s.workerProblem : (s.result?.failure ?? "The config has errors."),
  );

  if (format === null) {
    return (
      <div className="k-panel-empty" data-testid="output-panel">
        {failed ? (
          <>
            <p className="k-panel-empty-title">No output yet</p>
            <p>{reason}</p>
            <button type="button" className="k-btn" onClick={() => setTab(Tab.Problems)}>
              Show problems
            </button>
          </>
        ) : (
          <p>Transpiling…</p>
        )}
      </div>
    );
  }

  const label = `${outputKind(format)} output`;
  return (
    <div className="k-output-panel" data-testid="output-panel" data-stale={failed || undefined}>
      {failed && (
        <div className="k-banner k-banner-error" role="status" data-testid="stale-banner">
          <span>
            <strong>Out of date:</strong> showing the last good output. {reason}
          </span>
          <button type="button" className="k-btn k-btn-small" onClick={() => setTab(Tab.Problems)}>
            Show problems
          </button>
        </div>
      )}
      <TruncationNote />
      <div className={`k-output-view${failed ? " is-stale" : ""}`}>
        <Suspense fallback={<OutputFallback />}>
          <OutputView language={format} label={label} />
        </Suspense>
      </div>
    </div>
  );
}
