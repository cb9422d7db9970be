/** The right side: Ignition, Problems, Preview and Files tabs (WAI-ARIA tabs, arrow keys move between them). */
import { useMemo, useRef, useState, type KeyboardEvent, type ReactNode } from "react";
import { useShallow } from "zustand/react/shallow";
import { ProblemsPanel } from "../features/diagnostics/ProblemsPanel.tsx";
import { FilesPanel } from "../features/files/FilesPanel.tsx";
import { OutputPanel } from "../features/output/OutputPanel.tsx";
import { PreviewPanel } from "../features/previews/PreviewPanel.tsx";
import { countProblems, problemsOf } from "../store/problems.ts";
import { setTab, Status, Tab, useStudioStore } from "../store/store.ts";

const order: Tab[] = [Tab.Ignition, Tab.Problems, Tab.Preview, Tab.Files];

/** Counts for the Problems tab, and its accessible name ("Problems: 2 errors, 1 warning"). */
function useProblemCounts() {
  // Counts, not the result: the panel (and its tab strip) re-renders only when a count changes,
  // not on every keystroke's new result.
  const counts = useStudioStore(useShallow((s) => countProblems(problemsOf(s.result))));
  const workerFailed = useStudioStore((s) => s.status === Status.Timeout || s.status === Status.Crash);
  const errors = counts.error + (workerFailed ? 1 : 0);
  const parts = [
    errors > 0 && `${errors} ${errors === 1 ? "error" : "errors"}`,
    counts.warning > 0 && `${counts.warning} ${counts.warning === 1 ? "warning" : "warnings"}`,
    counts.info > 0 && `${counts.info} info`,
  ].filter(Boolean);
  return { errors, warnings: counts.warning, infos: counts.info, name: `Problems: ${parts.length > 0 ? parts.join(", ") : "none"}` };
}

function ProblemsLabel({ c }: { c: ReturnType<typeof useProblemCounts> }) {
  return (
    <>
      Problems
      {/* The tab's aria-label says the counts in words. The numbers are drawn by CSS (attr()), so the
          visible text stays "Problems", a prefix of that label (WCAG 2.5.3 label in name, axe). */}
      {c.errors > 0 && <span className="badge badge-error badge-count" aria-hidden="true" data-count={c.errors} />}
      {c.warnings > 0 && <span className="badge badge-warning badge-count" aria-hidden="true" data-count={c.warnings} />}
      {c.infos > 0 && <span className="badge badge-info badge-count" aria-hidden="true" data-count={c.infos} />}
    </>
  );
}

function FilesLabel() {
  const n = useStudioStore((s) => s.files.length);
  return (
    <>
      Files{n > 0 && <span className="badge">{n}</span>}
    </>
  );
}

function PreviewSlot() {
  // Preview of the last good output (the Preview tab is built in src/features/previews/). While
  // another tab is shown the preview keeps what it showed: deriving and rendering it again after
  // every keystroke would cost each keystroke that time for a view nobody sees.
  const live = useStudioStore((s) => s.lastGood?.config ?? null);
  const visible = useStudioStore((s) => s.tab === Tab.Preview);
  const [shown, setShown] = useState<unknown>(live);
  if (visible && shown !== live) setShown(live);
  const config = visible ? live : shown;
  return useMemo(() => <PreviewPanel config={config} />, [config]);
}

export function RightPanel() {
  const tab = useStudioStore((s) => s.tab);
  // Panels mount on first visit and then stay (keeps the output view's scroll and Monaco instance).
  const [visited, setVisited] = useState<ReadonlySet<Tab>>(() => new Set([tab]));
  if (!visited.has(tab)) setVisited(new Set([...visited, tab]));
  const tabs = useRef<Partial<Record<Tab, HTMLButtonElement | null>>>({});

  const problemCounts = useProblemCounts();
  const labels: Record<Tab, ReactNode> = {
    ignition: "Ignition",
    problems: <ProblemsLabel c={problemCounts} />,
    preview: "Preview",
    files: <FilesLabel />,
  };
  const panels: Record<Tab, ReactNode> = {
    ignition: <OutputPanel />,
    problems: <ProblemsPanel />,
    preview: <PreviewSlot />,
    files: <FilesPanel />,
  };

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    const i = order.indexOf(tab);
    const next =
      e.key === "ArrowRight" ? order[(i + 1) % order.length]
      : e.key === "ArrowLeft" ? order[(i + order.length - 1) % order.length]
      : e.key === "Home" ? order[0]
      : e.key === "End" ? order[order.length - 1]
      : undefined;
    if (!next) return;
    e.preventDefault();
    setTab(next);
    tabs.current[next]?.focus();
  };

  return (
    <section className="right-panel" aria-label="Output">
      <div className="tablist" role="tablist" aria-label="Output views" onKeyDown={onKeyDown}>
        {order.map((t) => (
          <button
            key={t}
            ref={(el) => {
              tabs.current[t] = el;
            }}
            type="button"
            role="tab"
            id={`tab-${t}`}
            aria-selected={tab === t}
            aria-label={t === Tab.Problems ? problemCounts.name : undefined}
            aria-controls={`panel-${t}`}
            tabIndex={tab === t ? 0 : -1}
            className="tab"
            onClick={() => setTab(t)}
          >
            {labels[t]}
          </button>
        ))}
      </div>
      {order.map((t) =>
        visited.has(t) ? (
          <div key={t} role="tabpanel" id={`panel-${t}`} aria-labelledby={`tab-${t}`} hidden={tab !== t} className="tabpanel">
            {panels[t]}
          </div>
        ) : null,
      )}
    </section>
  );
}
