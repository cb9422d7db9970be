/** The left side: the Monaco editor (lazy; a plain view of the text paints first) and file drops. */
import { lazy, Suspense, useState, type DragEvent } from "react";
import { afterFirstPaint } from "../lib/after-paint.ts";
import { tooLargeForEditor, tooLargeMessage } from "../lib/size-limits.ts";
import { notify, useStudioStore } from "../store/store.ts";
import { openFiles } from "./actions.ts";

// Monaco loads after the first paint: evaluating it takes a long main-thread task.
const YamlEditor = lazy(() => afterFirstPaint().then(() => import("../editor/YamlEditor.tsx")));

function Fallback() {
  const source = useStudioStore((s) => s.source);
  return (
    <pre className="editor-fallback" aria-busy="true" aria-label="Loading the editor">
      {source}
    </pre>
  );
}

export function EditorPane() {
  const [over, setOver] = useState(false);
  const fileName = useStudioStore((s) => s.fileName);
  const hasFiles = (e: DragEvent) => e.dataTransfer.types.includes("Files");

  return (
    <section
      className={`editor-pane${over ? " is-drop-target" : ""}`}
      aria-label="Butane config editor"
      onDragOverCapture={(e) => {
        if (!hasFiles(e)) return;
        e.preventDefault();
        e.dataTransfer.dropEffect = "copy";
        setOver(true);
      }}
      onDragLeave={(e) => {
        if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setOver(false);
      }}
      onPasteCapture={(e) => {
        // Before Monaco sees it: a huge paste would block the page for seconds.
        const length = e.clipboardData.getData("text/plain").length;
        if (!tooLargeForEditor(length)) return;
        e.preventDefault();
        e.stopPropagation();
        notify({ id: "too-large", kind: "error", text: tooLargeMessage("The pasted text", length) });
      }}
      onDropCapture={(e) => {
        if (!hasFiles(e)) {
          const length = e.dataTransfer.getData("text/plain").length;
          if (tooLargeForEditor(length)) {
            e.preventDefault();
            e.stopPropagation();
            notify({ id: "too-large", kind: "error", text: tooLargeMessage("The dropped text", length) });
          }
          return;
        }
        e.preventDefault();
        e.stopPropagation();
        setOver(false);
        void openFiles([...e.dataTransfer.files]);
      }}
    >
      <div className="pane-header">
        <span className="pane-title">{fileName ?? "config.bu"}</span>
        <span className="pane-hint">Drop a .bu, .yaml or .ign file here</span>
      </div>
      <div className="editor-body">
        <Suspense fallback={<Fallback />}>
          <YamlEditor />
        </Suspense>
        {over && <div className="drop-overlay">Drop to open</div>}
      </div>
    </section>
  );
}
