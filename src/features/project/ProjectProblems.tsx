/**
 * The Problems tab's rows for the rest of an open project: the other files' reports, conflicts
 * between snippets, hosts-table and placeholder problems, each naming its file (and host); a click
 * opens that file at that line. The edited file's own rows are the tab's usual ones.
 */
import { useMemo } from "react";
import { projectProblems } from "../../store/project-model.ts";
import { openProjectFile } from "../../store/project.ts";
import { useStudioStore } from "../../store/store.ts";

const icon = { error: "⊗", warning: "⚠", info: "ⓘ" } as const;

export function ProjectProblems() {
  const build = useStudioStore((s) => s.projectBuild);
  const active = useStudioStore((s) => s.project?.active ?? null);
  const rows = useMemo(() => (build ? projectProblems(build).filter((p) => !(p.file === active && (p.report || p.code !== undefined))) : []), [build, active]);
  if (rows.length === 0) return null;
  return (
    <ul className="k-problem-list" aria-label="Problems in the project's other files" data-testid="project-problems">
      {rows.map((p, i) => (
        <li key={i} data-code={p.code}>
          <button
            type="button"
            className="k-problem"
            data-severity={p.severity}
            onClick={() => openProjectFile(p.file, p.line, p.column)}
            title={`Open ${p.file}${p.line !== undefined ? ` at line ${p.line}` : ""}`}
          >
            <span className={`k-sev k-sev-${p.severity}`} role="img" aria-label={p.severity}>
              {icon[p.severity]}
            </span>
            <span className="k-problem-message">
              <span className="k-project-problems-file">{p.file}</span> {p.host !== undefined && <span className="k-problem-source">host {p.host}</span>}
              {p.code !== undefined && <span className="k-problem-source">Kindling</span>}
              {p.message}
              {p.code !== undefined && <code className="k-problem-code">{p.code}</code>}
            </span>
            {p.line !== undefined && <span className="k-problem-where">{`${p.line}:${p.column ?? 1}`}</span>}
          </button>
        </li>
      ))}
    </ul>
  );
}
