/** The Ignition tab: the output, or the last good output greyed with a banner while the config has errors. */
import { lazy, Suspense } from "react";
import { afterFirstPaint } from "../../lib/after-paint.ts";
import { formatBytes } from "../../lib/format.ts";
import { setTab, Status, Tab, useStudioStore } from "../../store/store.ts";

/** Characters of output the view shows at most (whole lines); Copy and Download take all of it. */
const MAX_VIEWED_OUTPUT = 1024 * 1024;

/** The start of `output` the view shows: all of it, or whole lines up to MAX_VIEWED_OUTPUT. */
function viewedPart(output: string): string {
  if (output.length <= MAX_VIEWED_OUTPUT) return output;
  const end = output.lastIndexOf("\n", MAX_VIEWED_OUTPUT);
  return output.slice(0, end > 0 ? end + 1 : MAX_VIEWED_OUTPUT);
}

const OutputView = lazy(() => afterFirstPaint().then(() => import("../../editor/OutputView.tsx")));

export function OutputPanel() {
  const lastGood = useStudioStore((s) => s.lastGood);
  const result = useStudioStore((s) => s.result);
  const status = useStudioStore((s) => s.status);
  const workerProblem = useStudioStore((s) => s.workerProblem);

  const failed = (result !== null && result.output === null) || status === Status.Timeout || status === Status.Crash;
  const reason =
    status === Status.Timeout || status === Status.Crash
      ? workerProblem
      : result?.failure ?? "The config has errors.";

  if (!lastGood) {
    return (
      <div className="panel-empty" data-testid="output-panel">
        {failed ? (
          <>
            <p className="panel-empty-title">No output yet</p>
            <p>{reason}</p>
            <button type="button" className="btn" onClick={() => setTab(Tab.Problems)}>
              Show problems
            </button>
          </>
        ) : (
          <p>Transpiling…</p>
        )}
      </div>
    );
  }

  const label = lastGood.outputFormat === "yaml" ? "MachineConfig output" : "Ignition output";
  const shown = viewedPart(lastGood.output);
  return (
    <div className="output-panel" data-testid="output-panel" data-stale={failed || undefined}>
      {failed && (
        <div className="banner banner-error" role="status" data-testid="stale-banner">
          <span>
            <strong>Out of date:</strong> showing the last good output. {reason}
          </span>
          <button type="button" className="btn btn-small" onClick={() => setTab(Tab.Problems)}>
            Show problems
          </button>
        </div>
      )}
      {shown.length < lastGood.output.length && (
        <p className="output-note" data-testid="output-truncated">
          Showing the first {formatBytes(shown.length)} of {formatBytes(lastGood.output.length)} (a longer view would slow every
          keystroke). Copy and Download give all of it.
        </p>
      )}
      <div className={`output-view${failed ? " is-stale" : ""}`}>
        <Suspense fallback={<pre className="editor-fallback">{shown}</pre>}>
          <OutputView text={shown} language={lastGood.outputFormat} label={label} />
        </Suspense>
      </div>
    </div>
  );
}
