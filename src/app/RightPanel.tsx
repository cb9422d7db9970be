/** The right side: Ignition, Problems, Preview and Files panels, under their tab strip (wide screens). */
import { lazy, Suspense, useMemo, useState, type ReactNode } from "react";
import { OutputPanel } from "../features/output/OutputPanel.tsx";
import { ProblemsPanel } from "../features/diagnostics/ProblemsPanel.tsx";
import { setTab, Tab, useStudioStore } from "../store/store.ts";
import { PaneTabs, panelId, tabId, usePanelTabs, type PaneTab } from "./PaneTabs.tsx";

// The Preview and Files panels load when first shown (not on the first screen).
const PreviewPanel = lazy(() => import("../features/previews/PreviewPanel.tsx").then((m) => ({ default: m.PreviewPanel })));
const FilesPanel = lazy(() => import("../features/files/FilesPanel.tsx").then((m) => ({ default: m.FilesPanel })));
const ProjectPanel = lazy(() => import("../features/project/ProjectPanel.tsx").then((m) => ({ default: m.ProjectPanel })));

function PreviewSlot() {
  // Preview of the last good output (the Preview tab is built in src/features/previews/). While
  // another tab is shown the preview keeps what it showed: deriving and rendering it again after
  // every keystroke would cost each keystroke that time for a view nobody sees.
  const live = useStudioStore((s) => s.lastGood ?? null);
  const visible = useStudioStore((s) => s.tab === Tab.Preview);
  const [shown, setShown] = useState(live);
  if (visible && shown !== live) setShown(live);
  const good = visible ? live : shown;
  return useMemo(() => <PreviewPanel config={good?.config ?? null} variant={good?.variant} version={good?.version} />, [good]);
}

const panels: Record<Tab, () => ReactNode> = {
  ignition: () => <OutputPanel />,
  problems: () => <ProblemsPanel />,
  preview: () => <PreviewSlot />,
  files: () => <FilesPanel />,
  project: () => <ProjectPanel />,
};

/** `withTabs`: false when the narrow layout shows the tab strip above both panes instead. */
export function RightPanel({ withTabs }: { withTabs: boolean }) {
  const tab = useStudioStore((s) => s.tab);
  const panelTabs = usePanelTabs();
  // Panels mount on first visit and then stay (keeps the output view's scroll and Monaco instance).
  const [visited, setVisited] = useState<ReadonlySet<Tab>>(() => new Set([tab]));
  if (!visited.has(tab)) setVisited(new Set([...visited, tab]));

  return (
    <section className="k-right-panel" aria-label="Output">
      {withTabs && <PaneTabs tabs={panelTabs} selected={tab} onSelect={(t: PaneTab) => t !== "editor" && setTab(t)} label="Output views" />}
      {panelTabs.map((t) =>
        visited.has(t) ? (
          <div key={t} role="tabpanel" id={panelId(t)} aria-labelledby={tabId(t)} hidden={tab !== t} className="k-tabpanel">
            <Suspense fallback={<p className="k-panel-empty">Loading…</p>}>{panels[t]()}</Suspense>
          </div>
        ) : null,
      )}
    </section>
  );
}
