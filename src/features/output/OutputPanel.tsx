/** The output tab: the output, or the last good output greyed with a banner while the config has errors. */
import { lazy, Suspense } from "react";
import { outputKind } from "./download-name.ts";
import { afterFirstPaint } from "../../lib/after-paint.ts";
import { setTab, Status, Tab, useStudioStore } from "../../store/store.ts";

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

  const label = `${outputKind(lastGood.outputFormat)} output`;
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
      <div className={`output-view${failed ? " is-stale" : ""}`}>
        <Suspense fallback={<pre className="editor-fallback">{lastGood.output}</pre>}>
          <OutputView text={lastGood.output} language={lastGood.outputFormat} label={label} />
        </Suspense>
      </div>
    </div>
  );
}
