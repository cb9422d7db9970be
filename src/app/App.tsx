/** The studio shell: toolbar, notices, editor | tabs split, status line. */
import { useState } from "react";
import { sourceFileName } from "../features/output/download-name.ts";
import { ShareDialog } from "../features/share/ShareDialog.tsx";
import { downloadText } from "../lib/download-file.ts";
import { useStudioStore } from "../store/store.ts";
import { EditorPane } from "./EditorPane.tsx";
import { ErrorBoundary } from "./ErrorBoundary.tsx";
import { ImportHost } from "./ImportHost.tsx";
import { Notices } from "./Notices.tsx";
import { RightPanel } from "./RightPanel.tsx";
import { SplitPane } from "./SplitPane.tsx";
import { StatusLine } from "./StatusLine.tsx";
import { Toolbar } from "./Toolbar.tsx";

const LOCAL_REF = /\b(local|contents_local|ssh_authorized_keys_local)\s*:|\btrees\s*:/;

function Share({ onClose }: { onClose: () => void }) {
  // The dialog shares the text as it was when opened.
  const [{ source, fileName }] = useState(() => useStudioStore.getState());
  return (
    <ShareDialog
      source={source}
      usesLocalFiles={LOCAL_REF.test(source)}
      onDownloadSource={() => downloadText(sourceFileName(fileName), source, "application/yaml")}
      onClose={onClose}
    />
  );
}

export function App() {
  const [sharing, setSharing] = useState(false);
  return (
    <ErrorBoundary>
      <div className="app">
        <Toolbar onShare={() => setSharing(true)} />
        <Notices />
        <main className="main">
          <SplitPane left={<EditorPane />} right={<RightPanel />} />
        </main>
        <StatusLine />
        {sharing && <Share onClose={() => setSharing(false)} />}
        <ImportHost />
      </div>
    </ErrorBoundary>
  );
}
