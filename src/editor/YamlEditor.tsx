/** The Butane source editor (lazy-loaded). The store's `source` and the model stay in sync both ways. */
import { useEffect, useRef } from "react";
import { withFailureHelp } from "../features/quick-fixes/failure-help.ts";
import { problemsOf, type Problem } from "../store/problems.ts";
import type { TranspileResult } from "../transpiler/index.ts";
import { revealInEditor, setCursor, setSource, useStudioStore } from "../store/store.ts";
import { spanRange, runeToUtf16Column, utf16ToRuneColumn } from "./markers.ts";
import { baseOptions, monaco, SOURCE_URI, selectSchema } from "./monaco.ts";
import { Keep, schemaTarget } from "./schema-target.ts";
import { sourceEditorShown } from "./load-gate.ts";
import { changedSpan } from "../lib/changed-span.ts";
import { registerQuickFixes } from "./quick-fix-actions.ts";
import "./editor.css";

const severity = {
  error: monaco.MarkerSeverity.Error,
  warning: monaco.MarkerSeverity.Warning,
  info: monaco.MarkerSeverity.Info,
} as const;

/** Replaces only the changed middle of the text, so undo, cursor and scroll survive. */
function applyExternal(editor: monaco.editor.IStandaloneCodeEditor, model: monaco.editor.ITextModel, text: string) {
  const { start, oldEnd, newEnd } = changedSpan(model.getValue(), text);
  const range = monaco.Range.fromPositions(model.getPositionAt(start), model.getPositionAt(oldEnd));
  editor.pushUndoStop();
  editor.executeEdits("kindling", [{ range, text: text.slice(start, newEnd), forceMoveMarkers: true }]);
  editor.pushUndoStop();
}

/** Follows the config's variant/version with the completion/hover schema. */
function followSchema(result: TranspileResult | null) {
  const target = result ? schemaTarget(result) : null;
  if (target !== Keep) void selectSchema(target);
}

/** The rows the markers were made from (the quick fix provider looks them up by line). */
let rows: Problem[] = [];

function setMarkers(model: monaco.editor.ITextModel) {
  const lines = model.getLineCount();
  rows = withFailureHelp(problemsOf(useStudioStore.getState().result), model.getValue());
  const markers = rows.flatMap((p) => {
    if (p.line === undefined) return [];
    const line = Math.min(Math.max(p.line, 1), lines);
    const f = p.finding;
    const { startColumn, endColumn } = spanRange(model.getLineContent(line), p.column, f?.endLine === f?.line ? f?.endColumn : undefined);
    return [
      {
        severity: severity[p.severity],
        message: [p.message, p.hint, p.path].filter(Boolean).join("\n"),
        // Kindling's own findings say so, with their stable code (quick fixes key on it).
        source: f ? "kindling" : "butane",
        ...(f ? { code: f.code } : {}),
        startLineNumber: line,
        endLineNumber: line,
        startColumn,
        endColumn,
      },
    ];
  });
  monaco.editor.setModelMarkers(model, "kindling", markers);
}

const TAB_HOVER = { value: "Tab character. YAML does not allow tabs in indentation; inside file contents they are kept as they are." };

/** Tabs drawn visibly (YAML forbids them in indentation, and they look like spaces). */
function markTabs(model: monaco.editor.ITextModel, tabs: monaco.editor.IEditorDecorationsCollection) {
  const found = model.findMatches("\t", false, false, true, null, false, 5000);
  tabs.set(found.map((m) => ({ range: m.range, options: { inlineClassName: "k-tab-char", hoverMessage: TAB_HOVER } })));
}

export default function YamlEditor() {
  const host = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const el = host.current;
    if (!el) return;
    const state = useStudioStore.getState();
    const model = monaco.editor.getModel(SOURCE_URI) ?? monaco.editor.createModel(state.source, "yaml", SOURCE_URI);
    if (model.getValue() !== state.source) model.setValue(state.source);
    const editor = monaco.editor.create(el, {
      ...baseOptions,
      model,
      tabSize: 2,
      insertSpaces: true,
      ariaLabel: "Butane config",
      // Quick fixes (src/features/quick-fixes/) for the problem under the cursor: a lightbulb in the
      // text, or in the glyph margin where a line has no room for it.
      glyphMargin: true,
      lightbulb: { enabled: monaco.editor.ShowLightbulbIconMode.On },
    });
    const tabs = editor.createDecorationsCollection();
    const quickFixes = registerQuickFixes(() => rows);
    model.updateOptions({ tabSize: 2, insertSpaces: true });

    const subs = [
      model.onDidChangeContent(() => setSource(model.getValue(), "editor")),
      editor.onDidChangeCursorPosition((e) => {
        const text = model.getLineContent(e.position.lineNumber);
        setCursor(e.position.lineNumber, utf16ToRuneColumn(text, e.position.column));
      }),
    ];

    const unsubscribe = useStudioStore.subscribe((s, prev) => {
      // The editor's own typing is in the model already (no need to read it all back).
      if (s.source !== prev.source && s.sourceOrigin !== "editor" && s.source !== model.getValue()) applyExternal(editor, model, s.source);
      if (s.result !== prev.result) {
        setMarkers(model);
        markTabs(model, tabs);
        followSchema(s.result);
      }
      if (s.reveal && s.reveal !== prev.reveal) {
        const line = Math.min(Math.max(s.reveal.line, 1), model.getLineCount());
        const position = { lineNumber: line, column: runeToUtf16Column(model.getLineContent(line), s.reveal.column) };
        editor.setPosition(position);
        editor.revealPositionInCenterIfOutsideViewport(position);
        editor.focus();
      }
    });
    setMarkers(model);
    markTabs(model, tabs);
    followSchema(state.result);
    // Monaco draws the lines at the next frame; then the output view may start its own Monaco.
    requestAnimationFrame(() => setTimeout(sourceEditorShown, 0));
    // A reveal asked for before Monaco finished loading.
    if (state.reveal) revealInEditor(state.reveal.line, state.reveal.column);

    return () => {
      unsubscribe();
      quickFixes.dispose();
      subs.forEach((d) => d.dispose());
      editor.dispose();
      model.dispose();
    };
  }, []);

  return <div ref={host} className="k-monaco-host" data-testid="source-editor" />;
}
