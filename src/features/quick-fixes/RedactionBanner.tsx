/**
 * The banner of a config with redacted values (opened from a share link made with secrets
 * redacted): how many values need filling, and a way to fill them. It stays until none is left.
 */
import { problemsOf } from "../../store/problems.ts";
import { setTab, Tab, useStudioStore } from "../../store/store.ts";
import { REDACTED_CODE, redactedCount, valuesText } from "./redactions.ts";
import "./quick-fixes.css";

function fillFirst(): void {
  const rows = problemsOf(useStudioStore.getState().result);
  void import("./run-fix.ts").then((m) => m.runFirstFix(rows, (p) => p.finding?.code === REDACTED_CODE));
}

export function RedactionBanner() {
  const n = useStudioStore((s) => redactedCount(s.result));
  if (n === 0) return null;
  return (
    <div className="k-notices">
      <div className="k-banner k-banner-warning k-redaction-banner" role="status" data-testid="redaction-banner">
        <span className="k-banner-text">
          <strong>{valuesText(n)} to fill in.</strong> This config was shared with its secrets replaced by <code>REDACTED</code>: a machine would boot without a
          working login. Fill them in (each is listed in Problems); until then Download and Copy ask first.
        </span>
        <span className="k-banner-actions">
          <button type="button" className="k-btn k-btn-small k-btn-primary" onClick={fillFirst}>
            Fill in…
          </button>
          <button type="button" className="k-btn k-btn-small" onClick={() => setTab(Tab.Problems)}>
            Show problems
          </button>
        </span>
      </div>
    </div>
  );
}
