/**
 * The project's origins in the output view: each entry's file and line as a label after its
 * first line, the origin of any line on hover, and a way to that line of that file (a click on
 * a label, Ctrl/Cmd+click anywhere, or F12 / the context menu at the cursor). Attached only while
 * a project is open; the text is indexed after the output settles, never in a keystroke's task.
 */
import type { EntryOrigin } from "../compose/index.ts";
import { originAtOffset, originText, placeOrigins, type PlacedOrigins } from "../features/output/output-origins.ts";
import { openProjectFile } from "../store/project.ts";
import { monaco } from "./monaco.ts";
import "./output-origins.css";

/** Quiet time after an output before it is indexed (typing in a project makes one per keystroke). */
const SETTLE_MS = 250;
const OPEN_COMMAND = "kindling.openOutputOrigin";

let commandRegistered = false;

const open = (o: EntryOrigin) => openProjectFile(o.file, o.line, o.column);

export interface OutputOrigins {
  /** The output now shown (`text`, exactly the model's) and its origins; none clears them. */
  update(text: string, origins: readonly EntryOrigin[] | undefined): void;
  dispose(): void;
}

export function attachOutputOrigins(editor: monaco.editor.IStandaloneCodeEditor): OutputOrigins {
  if (!commandRegistered) {
    commandRegistered = true;
    monaco.editor.registerCommand(OPEN_COMMAND, (_accessor, file: string, line: number, column: number) => openProjectFile(file, line, column));
  }
  const labels = editor.createDecorationsCollection();
  // What the labels and the hover read: the indexed text, valid while the model is that version.
  let placed: { at: PlacedOrigins; model: monaco.editor.ITextModel; version: number } | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let idle: number | undefined;
  const cancel = () => {
    clearTimeout(timer);
    if (idle !== undefined) cancelIdleCallback(idle);
    idle = undefined;
  };
  /** Each label's origin, by decoration id. */
  let byId = new Map<string, EntryOrigin>();

  const current = () => {
    const model = editor.getModel();
    return placed && model === placed.model && model.getVersionId() === placed.version ? placed.at : null;
  };
  const originAt = (position: monaco.IPosition) => {
    const at = current();
    const model = editor.getModel();
    return at && model ? originAtOffset(at, model.getOffsetAt(position)) : undefined;
  };

  const place = (text: string, origins: readonly EntryOrigin[]) => {
    const model = editor.getModel();
    if (!model || model.getValueLength() !== text.length) return;
    const at = placeOrigins(text, origins);
    placed = { at, model, version: model.getVersionId() };
    const ids = labels.set(
      at.labels.map((l) => {
        const start = model.getPositionAt(l.start);
        // After the entry's first line (its `{` or its whole `"name": value`), or within a compact line.
        const lineEnd = model.getLineMaxColumn(start.lineNumber);
        const end = model.getPositionAt(l.end);
        const endColumn = end.lineNumber === start.lineNumber ? end.column : lineEnd;
        return {
          range: new monaco.Range(start.lineNumber, start.column, start.lineNumber, endColumn),
          options: {
            description: "kindling-output-origin",
            after: { content: `  ${originText(l.origin)}`, inlineClassName: "k-output-origin", cursorStops: monaco.editor.InjectedTextCursorStops.None },
          },
        };
      }),
    );
    byId = new Map(ids.map((id, k) => [id, at.labels[k]!.origin]));
  };

  /** The origin of the label drawn at `position` (a label sits just after its range). */
  const labelAt = (position: monaco.IPosition) => {
    const model = editor.getModel();
    let best: { o: EntryOrigin; column: number } | undefined;
    for (const d of model?.getLineDecorations(position.lineNumber) ?? []) {
      const o = byId.get(d.id);
      if (o && d.range.endColumn <= position.column && (!best || d.range.endColumn > best.column)) best = { o, column: d.range.endColumn };
    }
    return best?.o;
  };

  const hover = monaco.languages.registerHoverProvider("json", {
    provideHover(model, position) {
      if (model !== editor.getModel()) return null;
      const o = originAt(position);
      if (!o) return null;
      const args = encodeURIComponent(JSON.stringify([o.file, o.line ?? 1, o.column ?? 1]));
      return {
        contents: [
          { value: `from **${originText(o)}**` },
          {
            value: `[Open ${originText(o)}](command:${OPEN_COMMAND}?${args} "Open ${o.file} at this line") (Ctrl+click, or F12 at the cursor)`,
            isTrusted: true,
          },
        ],
      };
    },
  });

  const mouse = editor.onMouseDown((e) => {
    const t = e.target;
    if (t.type === monaco.editor.MouseTargetType.CONTENT_TEXT && t.element?.classList.contains("k-output-origin")) {
      const o = labelAt(t.position);
      if (o) {
        e.event.preventDefault();
        open(o);
        return;
      }
    }
    if ((e.event.ctrlKey || e.event.metaKey) && t.position) {
      const o = originAt(t.position);
      if (o) {
        e.event.preventDefault();
        open(o);
      }
    }
  });

  const action = editor.addAction({
    id: "kindling.output.openOrigin",
    label: "Open the project file this output line comes from",
    keybindings: [monaco.KeyCode.F12],
    contextMenuGroupId: "navigation",
    contextMenuOrder: 0,
    run: (ed) => {
      const p = ed.getPosition();
      const o = p ? originAt(p) : undefined;
      if (o) open(o);
    },
  });

  return {
    update(text, origins) {
      cancel();
      if (!origins || origins.length === 0) {
        placed = null;
        labels.clear();
        byId = new Map();
        return;
      }
      // Until then the labels stay where Monaco's edits moved them.
      timer = setTimeout(() => {
        // …and then when the browser is idle (a long output takes tens of milliseconds to index).
        if (typeof requestIdleCallback === "function") idle = requestIdleCallback(() => place(text, origins), { timeout: 1000 });
        else place(text, origins);
      }, SETTLE_MS);
    },
    dispose() {
      cancel();
      labels.clear();
      hover.dispose();
      mouse.dispose();
      action.dispose();
      placed = null;
    },
  };
}
