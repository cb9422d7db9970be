/** The studio shell: toolbar, notices, editor | tabs split (one pane at a time on a narrow screen), status line. */
import { lazy, Suspense, useEffect, useMemo, useState } from "react";
import { sourceFileName } from "../features/output/download-name.ts";
import { FillHost } from "../features/quick-fixes/FillHost.tsx";
import { RedactionBanner } from "../features/quick-fixes/RedactionBanner.tsx";
import { GuardrailsDialogs } from "../features/guardrails/GuardrailsDialogs.tsx";
import { downloadText } from "../lib/download-file.ts";
import { setTab, useStudioStore } from "../store/store.ts";
import { EditorPane } from "./EditorPane.tsx";
import { ErrorBoundary } from "./ErrorBoundary.tsx";
import { ImportHost } from "./ImportHost.tsx";
import { useLayout } from "./layout.ts";
import { Notices } from "./Notices.tsx";
import { PaneTabs, panelId, tabId, usePanelTabs, type PaneTab } from "./PaneTabs.tsx";
import { RightPanel } from "./RightPanel.tsx";
import { SplitPane } from "./SplitPane.tsx";
import { StatusLine } from "./StatusLine.tsx";
import { Toolbar } from "./Toolbar.tsx";

// The share dialog (and the link codec) loads when first opened.
const ShareDialog = lazy(() => import("../features/share/ShareDialog.tsx").then((m) => ({ default: m.ShareDialog })));

const LOCAL_REF = /\b(local|contents_local|ssh_authorized_keys_local)\s*:|\btrees\s*:/;

function Share({ onClose }: { onClose: () => void }) {
  // The dialog shares the text as it was when opened.
  const [{ source, fileName, strict, pretty, raw }] = useState(() => useStudioStore.getState());
  const [options] = useState(() => ({ strict, pretty, raw }));
  return (
    <ShareDialog
      source={source}
      options={options}
      usesLocalFiles={LOCAL_REF.test(source)}
      onDownloadSource={() => downloadText(sourceFileName(fileName), source, "application/yaml")}
      onClose={onClose}
    />
  );
}

/**
 * Which pane a narrow screen shows. A jump to a line (a problem's row) brings the editor up; a
 * switch of the output tab (e.g. "Show problems") brings the panel up.
 */
function useNarrowPane(): ["editor" | "panel", (p: "editor" | "panel") => void] {
  const [pane, setPane] = useState<"editor" | "panel">("editor");
  useEffect(
    () =>
      useStudioStore.subscribe((s, prev) => {
        if (s.reveal !== prev.reveal) setPane("editor");
        else if (s.tab !== prev.tab) setPane("panel");
      }),
    [],
  );
  return [pane, setPane];
}

export function App() {
  const [sharing, setSharing] = useState(false);
  const layout = useLayout();
  const narrow = layout === "narrow";
  const [pane, setPane] = useNarrowPane();
  const tab = useStudioStore((s) => s.tab);
  const panelTabs = usePanelTabs();
  const narrowTabs: readonly PaneTab[] = useMemo(() => ["editor", ...panelTabs], [panelTabs]);
  const select = (t: PaneTab) => {
    if (t === "editor") return setPane("editor");
    setTab(t);
    setPane("panel");
  };

  return (
    <ErrorBoundary>
      <div className={`k-app k-layout-${layout}`}>
        <Toolbar layout={layout} onShare={() => setSharing(true)} />
        <Notices />
        <RedactionBanner />
        <main className="k-main">
          {narrow && <PaneTabs tabs={narrowTabs} selected={pane === "editor" ? "editor" : tab} onSelect={select} label="Views" />}
          <SplitPane
            left={<EditorPane />}
            right={<RightPanel withTabs={!narrow} />}
            show={narrow ? (pane === "editor" ? "left" : "right") : undefined}
            leftAttrs={narrow ? { role: "tabpanel", id: panelId("editor"), "aria-labelledby": tabId("editor") } : {}}
          />
        </main>
        <StatusLine />
        {sharing && (
          <Suspense fallback={null}>
            <Share onClose={() => setSharing(false)} />
          </Suspense>
        )}
        <GuardrailsDialogs />
        <FillHost />
        <ImportHost />
      </div>
    </ErrorBoundary>
  );
}
