/**
 * The Problems tab: every report entry, the failure line and Kindling's findings; a click moves
 * the editor cursor there, and a row's quick fixes are buttons beside it.
 */
import { useEffect, useMemo, useState } from "react";
import { withFailureHelp } from "../quick-fixes/failure-help.ts";
import type { QuickFix } from "../quick-fixes/types.ts";
import { problemsOf, type Problem } from "../../store/problems.ts";
import { useShownCount } from "../../lib/show-more.tsx";
import { revealInEditor, Status, Tab, useStudioStore } from "../../store/store.ts";
import { FindingActions } from "../guardrails/FindingActions.tsx";
import { ProjectProblems } from "../project/ProjectProblems.tsx";
import "../project/project.css";

const icon = { error: "⊗", warning: "⚠", info: "ⓘ" } as const;

/** At most this many fix buttons per row (the editor's Ctrl+. lists them all). */
const MAX_BUTTONS = 3;
/** Quiet time after a new result before the rows' fixes are worked out. */
const FIX_DELAY_MS = 150;

/** The fixes load with their first use (they read YAML with the edit layer and re-check by transpiling). */
const fixes = () => import("../quick-fixes/run-fix.ts");

function Row({ p, fixes: rowFixes }: { p: Problem; fixes: readonly QuickFix[] }) {
  const where = p.line !== undefined ? `${p.line}:${p.column ?? 1}` : null;
  const body = (
    <>
      <span className={`k-sev k-sev-${p.severity}`} role="img" aria-label={p.severity}>
        {icon[p.severity]}
      </span>
      <span className="k-problem-message">
        {p.finding && (
          <span className="k-problem-source" title="Kindling's own check (not part of Butane's report)">
            Kindling
          </span>
        )}
        {p.message}
        {p.finding && <code className="k-problem-code">{p.finding.code}</code>}
        {p.hint && <span className="k-problem-hint">{p.hint}</span>}
      </span>
      {p.path && <code className="k-problem-path">{p.path}</code>}
      {where && <span className="k-problem-where">{where}</span>}
    </>
  );
  return (
    <li data-code={p.finding?.code}>
      {p.line !== undefined ? (
        <button
          type="button"
          className="k-problem"
          data-severity={p.severity}
          onClick={() => revealInEditor(p.line ?? 1, p.column ?? 1)}
          title="Show in the editor"
        >
          {body}
        </button>
      ) : (
        <div className="k-problem" data-severity={p.severity}>
          {body}
        </div>
      )}
      {p.finding && <FindingActions finding={p.finding} />}
      {rowFixes.length > 0 && (
        <div className="k-problem-fixes" role="group" aria-label="Quick fixes">
          {rowFixes.slice(0, MAX_BUTTONS).map((f, i) => (
            <button key={i} type="button" className={`k-btn k-btn-small${i === 0 ? " k-btn-fix" : ""}`} onClick={() => void fixes().then((m) => m.runFix(f))}>
              {f.title}
            </button>
          ))}
        </div>
      )}
    </li>
  );
}

/**
 * The fixes of each row, worked out after the rows are shown and only while the tab is open
 * (a did-you-mean reads the whole config), so typing never waits for them.
 */
function useFixes(rows: readonly Problem[], visible: boolean): ReadonlyMap<Problem, QuickFix[]> {
  const [found, setFound] = useState<ReadonlyMap<Problem, QuickFix[]>>(new Map());
  useEffect(() => {
    if (!visible || rows.length === 0) return;
    let live = true;
    // After a pause in typing: a row's fixes may re-read or re-check the whole config.
    const timer = setTimeout(
      () =>
        void fixes()
          .then((m) => (live ? m.fixesForRows(rows, () => !live) : null))
          .then((found) => live && found && setFound(found)),
      FIX_DELAY_MS,
    );
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [rows, visible]);
  return found;
}

export function ProblemsPanel() {
  const result = useStudioStore((s) => s.result);
  // Only whether the worker failed: the status changes at every keystroke.
  const workerFailed = useStudioStore((s) => s.status === Status.Timeout || s.status === Status.Crash);
  const workerProblem = useStudioStore((s) => s.workerProblem);
  const inProject = useStudioStore((s) => s.project !== null);
  const visible = useStudioStore((s) => s.tab === Tab.Problems);
  // The text the rows were found in, read when a new result arrives.
  const rows = useMemo(() => withFailureHelp(problemsOf(result), useStudioStore.getState().source), [result]);
  const fixes = useFixes(rows, visible);
  const workerRow: Problem | null = workerProblem && workerFailed ? { severity: "error", message: workerProblem, path: "", failure: true } : null;
  const all = workerRow ? [workerRow, ...rows] : rows;
  const [shown, more] = useShownCount(all.length, 200, "problems");

  return (
    <div className="k-problems-panel" data-testid="problems-panel">
      {all.length === 0 ? (
        <p className="k-panel-empty">{result ? (inProject ? "No problems in this file." : "No problems.") : "Transpiling…"}</p>
      ) : (
        <ul className="k-problem-list" aria-label="Problems">
          {all.slice(0, shown).map((p, i) => (
            <Row key={i} p={p} fixes={fixes.get(p) ?? []} />
          ))}
        </ul>
      )}
      {more}
      {inProject && <ProjectProblems />}
    </div>
  );
}
