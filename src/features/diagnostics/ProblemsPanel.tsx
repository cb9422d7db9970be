/** The Problems tab: every report entry and the failure line; a click moves the editor cursor there. */
import { useMemo } from "react";
import { problemsOf, type Problem } from "../../store/problems.ts";
import { useShownCount } from "../../lib/show-more.tsx";
import { revealInEditor, Status, useStudioStore } from "../../store/store.ts";

const icon = { error: "⊗", warning: "⚠", info: "ⓘ" } as const;

function Row({ p }: { p: Problem }) {
  const where = p.line !== undefined ? `${p.line}:${p.column ?? 1}` : null;
  const body = (
    <>
      <span className={`sev sev-${p.severity}`} role="img" aria-label={p.severity}>
        {icon[p.severity]}
      </span>
      <span className="problem-message">
        {p.message}
        {p.hint && <span className="problem-hint">{p.hint}</span>}
      </span>
      {p.path && <code className="problem-path">{p.path}</code>}
      {where && <span className="problem-where">{where}</span>}
    </>
  );
  return (
    <li>
      {p.line !== undefined ? (
        <button
          type="button"
          className="problem"
          data-severity={p.severity}
          onClick={() => revealInEditor(p.line ?? 1, p.column ?? 1)}
          title="Show in the editor"
        >
          {body}
        </button>
      ) : (
        <div className="problem" data-severity={p.severity}>
          {body}
        </div>
      )}
    </li>
  );
}

export function ProblemsPanel() {
  const result = useStudioStore((s) => s.result);
  const status = useStudioStore((s) => s.status);
  const workerProblem = useStudioStore((s) => s.workerProblem);
  const rows = useMemo(() => problemsOf(result), [result]);
  const workerRow: Problem | null =
    workerProblem && (status === Status.Timeout || status === Status.Crash)
      ? { severity: "error", message: workerProblem, path: "", failure: true }
      : null;
  const all = workerRow ? [workerRow, ...rows] : rows;
  const [shown, more] = useShownCount(all.length, 200, "problems");

  return (
    <div className="problems-panel" data-testid="problems-panel">
      {all.length === 0 ? (
        <p className="panel-empty">{result ? "No problems." : "Transpiling…"}</p>
      ) : (
        <ul className="problem-list" aria-label="Problems">
          {all.slice(0, shown).map((p, i) => (
            <Row key={i} p={p} />
          ))}
        </ul>
      )}
      {more}
    </div>
  );
}
