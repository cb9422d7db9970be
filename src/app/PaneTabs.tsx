/**
 * The tab strip over the output panels (WAI-ARIA tabs; arrow keys, Home and End move). On a narrow
 * screen it also holds an Editor tab and sits above both panes, which then show one at a time.
 */
import { useRef, type KeyboardEvent, type ReactNode } from "react";
import { useShallow } from "zustand/react/shallow";
import { outputKind } from "../features/output/download-name.ts";
import { problemsInFilesText, projectProblemCounts } from "../features/project/problem-counts.ts";
import { rovingTarget } from "../lib/roving.ts";
import { countProblemsOf } from "../store/problems.ts";
import { Status, Tab, useStudioStore } from "../store/store.ts";

/** A right-panel tab, or the editor (narrow screens only). */
export type PaneTab = Tab | "editor";

export const panelTabs: readonly Tab[] = [Tab.Ignition, Tab.Problems, Tab.Preview, Tab.Files];
const withProject: readonly Tab[] = [...panelTabs, Tab.Project];

/** The right panel's tabs: the Project tab only while a project is open. */
export function usePanelTabs(): readonly Tab[] {
  return useStudioStore((s) => (s.project ? withProject : panelTabs));
}

/**
 * Counts for the Problems tab, and its accessible name ("Problems: 2 errors, 1 warning"). In a
 * project they are every file's (the tab lists them all), and the name and title say in how many
 * files ("Problems: 2 errors, 1 warning in 2 files").
 */
function useProblemCounts() {
  // Counts, not the result: the tab strip re-renders only when a count changes, not on every
  // keystroke's new result.
  const counts = useStudioStore(useShallow((s) => (s.projectBuild ? projectProblemCounts(s.projectBuild) : countProblemsOf(s.result))));
  const inFiles = "files" in counts ? (counts.files as number) : null;
  const workerFailed = useStudioStore((s) => s.status === Status.Timeout || s.status === Status.Crash);
  const errors = counts.error + (workerFailed ? 1 : 0);
  const parts = [
    errors > 0 && `${errors} ${errors === 1 ? "error" : "errors"}`,
    counts.warning > 0 && `${counts.warning} ${counts.warning === 1 ? "warning" : "warnings"}`,
    counts.info > 0 && `${counts.info} info`,
  ].filter(Boolean);
  const where = inFiles !== null && parts.length > 0 ? ` in ${inFiles} ${inFiles === 1 ? "file" : "files"}` : "";
  return {
    errors,
    warnings: counts.warning,
    infos: counts.info,
    name: `Problems: ${parts.length > 0 ? parts.join(", ") : "none"}${where}`,
    title:
      inFiles !== null
        ? problemsInFilesText({ error: errors, warning: counts.warning, info: counts.info, files: Math.max(inFiles, workerFailed ? 1 : 0) })
        : undefined,
  };
}

function ProblemsLabel({ c }: { c: ReturnType<typeof useProblemCounts> }) {
  return (
    <>
      Problems
      {/* The tab's aria-label says the counts in words. The numbers are drawn by CSS (attr()), so the
          visible text stays "Problems", a prefix of that label (WCAG 2.5.3 label in name, axe). */}
      {c.errors > 0 && <span className="k-badge k-badge-error k-badge-count" aria-hidden="true" data-count={c.errors} />}
      {c.warnings > 0 && <span className="k-badge k-badge-warning k-badge-count" aria-hidden="true" data-count={c.warnings} />}
      {c.infos > 0 && <span className="k-badge k-badge-info k-badge-count" aria-hidden="true" data-count={c.infos} />}
    </>
  );
}

function FilesLabel() {
  const n = useStudioStore((s) => s.files.length);
  return <>Files{n > 0 && <span className="k-badge">{n}</span>}</>;
}

/** Id of the tab panel a tab controls (the editor's is the left pane). */
export const panelId = (t: PaneTab) => `panel-${t}`;
export const tabId = (t: PaneTab) => `tab-${t}`;

export function PaneTabs({ tabs, selected, onSelect, label }: { tabs: readonly PaneTab[]; selected: PaneTab; onSelect: (t: PaneTab) => void; label: string }) {
  const buttons = useRef<Partial<Record<PaneTab, HTMLButtonElement | null>>>({});
  const problemCounts = useProblemCounts();
  // The current text's output format (known even when it has errors), else the last good one's.
  const format = useStudioStore((s) => s.result?.outputFormat ?? s.lastGood?.outputFormat ?? "json");
  const labels: Record<PaneTab, ReactNode> = {
    editor: "Editor",
    ignition: outputKind(format),
    problems: <ProblemsLabel c={problemCounts} />,
    preview: "Preview",
    files: <FilesLabel />,
    project: "Project",
  };

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    const next = rovingTarget(tabs, selected, e.key, "horizontal");
    if (!next) return;
    e.preventDefault();
    onSelect(next);
    buttons.current[next]?.focus();
  };

  return (
    <div className="k-tablist" role="tablist" aria-label={label} onKeyDown={onKeyDown}>
      {tabs.map((t) => (
        <button
          key={t}
          ref={(el) => {
            buttons.current[t] = el;
          }}
          type="button"
          role="tab"
          id={tabId(t)}
          aria-selected={selected === t}
          aria-label={t === Tab.Problems ? problemCounts.name : undefined}
          title={t === Tab.Problems ? problemCounts.title : undefined}
          aria-controls={panelId(t)}
          tabIndex={selected === t ? 0 : -1}
          className="k-tab"
          onClick={() => onSelect(t)}
        >
          {labels[t]}
        </button>
      ))}
    </div>
  );
}
