/**
 * The left side: the Monaco editor (lazy; a plain view of the text paints first) or the Forms
 * view, and file drops. The editor stays mounted (hidden) under the forms, so form edits land on
 * its undo stack and Ctrl+Z works in both; the forms mount only while shown (nothing to re-read
 * while typing in the editor).
 */
import { lazy, Suspense, useState, type DragEvent } from "react";
import { DisksPreview } from "../features/previews/DisksPreview.tsx";
import { deriveDisks } from "../features/previews/derive-disks.ts";
import { variantFacts } from "../features/previews/variant-facts.ts";
import { afterFirstPaint } from "../lib/after-paint.ts";
import { tooLargeForEditor, tooLargeMessage } from "../lib/size-limits.ts";
import { notify, useStudioStore } from "../store/store.ts";
import { openFiles } from "./actions.ts";

type View = "editor" | "forms";
const VIEW_KEY = "kindling.leftView";

function initialView(): View {
  try {
    return localStorage.getItem(VIEW_KEY) === "forms" ? "forms" : "editor";
  } catch {
    return "editor";
  }
}

/** The disk bar of the last good output, for the Storage form. */
function DiskBar() {
  const config = useStudioStore((s) => s.lastGood?.config ?? null);
  const variant = useStudioStore((s) => s.lastGood?.variant);
  const version = useStudioStore((s) => s.lastGood?.version);
  const facts = variantFacts(variant, version);
  return (
    <div className="kp-panel">
      <DisksPreview view={deriveDisks(config, facts.image)} empty={facts.defaultLayout} />
    </div>
  );
}

/** YAML | Forms switch: two toggle buttons (the pressed one is the view shown). */
function ViewSwitch({ view, onChange }: { view: View; onChange: (v: View) => void }) {
  const views: [View, string][] = [
    ["editor", "YAML"],
    ["forms", "Forms"],
  ];
  return (
    <div className="view-switch" role="group" aria-label="Edit as">
      {views.map(([v, label]) => (
        <button key={v} type="button" aria-pressed={view === v} aria-controls={`view-panel-${v}`} className="view-switch-item" onClick={() => onChange(v)}>
          {label}
        </button>
      ))}
    </div>
  );
}

// The forms (and the yaml package they edit with) load when first shown.
const FormsView = lazy(() => import("../features/forms/FormsView.tsx").then((m) => ({ default: m.FormsView })));

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
  const [view, setView] = useState<View>(initialView);
  const fileName = useStudioStore((s) => s.fileName);
  const choose = (v: View) => {
    setView(v);
    try {
      localStorage.setItem(VIEW_KEY, v);
    } catch {
      // Not worth a notice.
    }
  };
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
        <ViewSwitch view={view} onChange={choose} />
        <span className="pane-hint">Drop a .bu, .yaml or .ign file here</span>
      </div>
      <div className="editor-body">
        <div className="view-panel" id="view-panel-editor" hidden={view !== "editor"}>
          <Suspense fallback={<Fallback />}>
            <YamlEditor />
          </Suspense>
        </div>
        {/* Always present (the switch's aria-controls points here); the forms mount only while shown. */}
        <div className="view-panel" id="view-panel-forms" hidden={view !== "forms"}>
          {view === "forms" && (
            <Suspense fallback={<p className="pane-hint">Loading the forms…</p>}>
              <FormsView diskBar={<DiskBar />} />
            </Suspense>
          )}
        </div>
        {over && <div className="drop-overlay">Drop to open</div>}
      </div>
    </section>
  );
}
