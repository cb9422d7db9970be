/** The Butane source editor (lazy-loaded). The store's `source` and the model stay in sync both ways. */
import { useEffect, useRef } from "react";
import { withFailureHelp } from "../features/quick-fixes/failure-help.ts";
import { problemsOf, type Problem } from "../store/problems.ts";
import type { TranspileResult } from "../transpiler/index.ts";
import { notify, revealInEditor, setCursor, setSource, useStudioStore, type StudioState } from "../store/store.ts";
import { projectSession } from "../store/project.ts";
import { projectFile, projectFiles } from "../store/project-model.ts";
import { tooLargeForEditor, tooLargeMessage } from "../lib/size-limits.ts";
import { spanRange, runeToUtf16Column, utf16ToRuneColumn } from "./markers.ts";
import { baseOptions, monaco, selectSchema } from "./monaco.ts";
import { createSourceModels, type ModelKey, type SourceModels } from "./source-models.ts";
import { followDocumentSize, wantsEditContext } from "./edit-context-choice.ts";
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

/**
 * Squiggles shown at most (the Problems tab lists every problem): tens of thousands of markers,
 * set again after every keystroke, would take Monaco longer than the keystroke's budget.
 */
const MAX_MARKERS = 1000;

/** The markers set last, as text: the same markers again (most keystrokes) are not set again. */
let shownMarkers = "";

function setMarkers(model: monaco.editor.ITextModel) {
  const lines = model.getLineCount();
  rows = withFailureHelp(problemsOf(useStudioStore.getState().result), model.getValue());
  const markers = rows.slice(0, MAX_MARKERS).flatMap((p) => {
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
  // Setting markers replaces their decorations and redraws the editor's lines and overview ruler.
  const key = JSON.stringify(markers);
  if (key === shownMarkers && monaco.editor.getModelMarkers({ resource: model.uri, owner: "kindling" }).length === markers.length) return;
  shownMarkers = key;
  monaco.editor.setModelMarkers(model, "kindling", markers);
}

const TAB_HOVER = { value: "Tab character. YAML does not allow tabs in indentation; inside file contents they are kept as they are." };

/** Tabs drawn visibly (YAML forbids them in indentation, and they look like spaces). */
function markTabs(model: monaco.editor.ITextModel, tabs: monaco.editor.IEditorDecorationsCollection) {
  const found = model.findMatches("\t", false, false, true, null, false, 5000);
  tabs.set(found.map((m) => ({ range: m.range, options: { inlineClassName: "k-tab-char", hoverMessage: TAB_HOVER } })));
}

/**
 * Keeps the document within the editor's limit for edits made in the editor: a paste, a drop or
 * typed text that would take it over is refused before Monaco sees it (the page's own capture
 * listeners run first); anything else that does (a command that duplicates a huge selection, an
 * undo) is reverted at once. Returns whether a change event is such an over-limit change.
 *
 * Call before creating the editor on `host`: Monaco's own capture listener there takes the paste
 * and stops other listeners of the same element, so ours must be registered first.
 */
function guardDocumentSize(getEditor: () => monaco.editor.IStandaloneCodeEditor | null, getModel: () => monaco.editor.ITextModel | null, host: HTMLElement) {
  const refuse = (what: string, length: number) => notify({ id: "too-large", kind: "error", text: tooLargeMessage(what, length) });
  /** The document's length with `inserted` typed or pasted over every selection. */
  const lengthWith = (inserted: number) => {
    const model = getModel();
    if (!model) return inserted;
    const selections = getEditor()?.getSelections() ?? [];
    const selected = selections.reduce((n, s) => n + model.getValueLengthInRange(s), 0);
    return model.getValueLength() - selected + inserted * Math.max(1, selections.length);
  };
  const check = (e: Event, inserted: number, what: string) => {
    const length = lengthWith(inserted);
    if (!tooLargeForEditor(length)) return;
    e.preventDefault();
    // Immediate: Monaco's paste listener on this same element ignores defaultPrevented.
    e.stopImmediatePropagation();
    refuse(what, length);
  };
  const onPaste = (e: ClipboardEvent) => check(e, e.clipboardData?.getData("text/plain").length ?? 0, "The config with this paste");
  const onDrop = (e: DragEvent) => check(e, e.dataTransfer?.getData("text/plain").length ?? 0, "The config with the dropped text");
  const onBeforeInput = (e: InputEvent) => {
    if (e.inputType.startsWith("insert") && e.data) check(e, e.data.length, "The config with this text");
  };
  host.addEventListener("paste", onPaste, true);
  host.addEventListener("drop", onDrop, true);
  host.addEventListener("beforeinput", onBeforeInput, true);

  let reverting = false;
  const overLimit = (): boolean => {
    const model = getModel();
    if (!model) return false;
    const length = model.getValueLength();
    if (!tooLargeForEditor(length)) return false;
    const before = useStudioStore.getState().source;
    // Text that was over the limit already (never from here) is left alone: it is the user's.
    if (tooLargeForEditor(before.length)) return false;
    const editor = getEditor();
    if (editor && !reverting) {
      reverting = true;
      queueMicrotask(() => {
        applyExternal(editor, model, useStudioStore.getState().source);
        reverting = false;
        refuse("The config after that edit", length);
      });
    }
    return true;
  };
  const dispose = () => {
    host.removeEventListener("paste", onPaste, true);
    host.removeEventListener("drop", onDrop, true);
    host.removeEventListener("beforeinput", onBeforeInput, true);
  };
  return { overLimit, dispose };
}

/** The model the editor should show for state `s`: the active project file's, else the single document's. */
function modelKey(s: StudioState): ModelKey | null {
  return s.project ? { session: projectSession(), name: s.project.active } : null;
}

/** The text of that model (in a project the store's `source` follows the active file a moment later). */
function modelText(s: StudioState): string {
  return s.project ? (projectFile(s.project, s.project.active)?.text ?? s.source) : s.source;
}

export default function YamlEditor() {
  const host = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const el = host.current;
    if (!el) return;
    const state = useStudioStore.getState();
    let models: SourceModels | null = null;
    let created: monaco.editor.IStandaloneCodeEditor | null = null;
    const sizeGuard = guardDocumentSize(
      () => created,
      () => models?.active ?? null,
      el,
    );
    const editor = monaco.editor.create(el, {
      ...baseOptions,
      // The models come from source-models.ts (one per project file).
      model: null,
      tabSize: 2,
      insertSpaces: true,
      ariaLabel: "Butane config",
      // Quick fixes (src/features/quick-fixes/) for the problem under the cursor: a lightbulb in the
      // text, or in the glyph margin where a line has no room for it.
      glyphMargin: true,
      lightbulb: { enabled: monaco.editor.ShowLightbulbIconMode.On },
      // EditContext or the textarea, by the document's size (edit-context-choice.ts).
      editContext: wantsEditContext(modelText(state).length, false),
    });
    const tabs = editor.createDecorationsCollection();
    const quickFixes = registerQuickFixes(() => rows);
    created = editor;
    models = createSourceModels(editor, modelKey(state), modelText(state), (m, text) => applyExternal(editor, m, text));
    const sourceModels = models;
    const model = () => sourceModels.active;

    const subs = [
      // Another model (project file) is followed too.
      { dispose: followDocumentSize(editor) },
      editor.onDidChangeModelContent(() => {
        if (!sizeGuard.overLimit()) setSource(model().getValue(), "editor");
      }),
      editor.onDidChangeCursorPosition((e) => {
        const text = model().getLineContent(e.position.lineNumber);
        setCursor(e.position.lineNumber, utf16ToRuneColumn(text, e.position.column));
      }),
    ];

    /** Another project file (or the single document after a project) goes into the editor. */
    const followProject = (s: StudioState) => {
      const key = modelKey(s);
      if (sourceModels.showing(key)) {
        // A file removed from the project takes its undo history with it.
        if (s.project) sourceModels.keepOnly(new Set(projectFiles(s.project).map((f) => f.name)));
        return;
      }
      // Decorations belong to the model they were set on.
      tabs.clear();
      sourceModels.show(key, modelText(s));
      // Its markers stay as they were until the build of this file comes back (the result in
      // the store is still the previous file's).
      shownMarkers = "";
      markTabs(model(), tabs);
    };

    const unsubscribe = useStudioStore.subscribe((s, prev) => {
      if (s.project !== prev.project) followProject(s);
      // The editor's own typing is in the model already (no need to read it all back).
      if (s.source !== prev.source && s.sourceOrigin !== "editor" && s.source !== model().getValue()) applyExternal(editor, model(), s.source);
      if (s.result !== prev.result) {
        setMarkers(model());
        markTabs(model(), tabs);
        followSchema(s.result);
      }
      if (s.reveal && s.reveal !== prev.reveal) {
        const m = model();
        const line = Math.min(Math.max(s.reveal.line, 1), m.getLineCount());
        const position = { lineNumber: line, column: runeToUtf16Column(m.getLineContent(line), s.reveal.column) };
        editor.setPosition(position);
        editor.revealPositionInCenterIfOutsideViewport(position);
        editor.focus();
      }
    });
    setMarkers(model());
    markTabs(model(), tabs);
    followSchema(state.result);
    // Monaco draws the lines at the next frame; then the output view may start its own Monaco.
    requestAnimationFrame(() => setTimeout(sourceEditorShown, 0));
    // A reveal asked for before Monaco finished loading.
    if (state.reveal) revealInEditor(state.reveal.line, state.reveal.column);

    return () => {
      unsubscribe();
      quickFixes.dispose();
      sizeGuard.dispose();
      subs.forEach((d) => d.dispose());
      editor.dispose();
      sourceModels.dispose();
    };
  }, []);

  return <div ref={host} className="k-monaco-host" data-testid="source-editor" />;
}
