/**
 * Which input the source editor takes keystrokes through. Monaco offers two: the browser's
 * EditContext (its default in Chromium) and a hidden textarea. EditContext is the cheaper per
 * keystroke: the textarea is a form control, so every keystroke also queues an autofill task and a
 * `selectionchange` task, and scrolls the textarea (a hit test in the next frame), all ahead of the
 * transpile worker's answer (npm run bench:ui: about 4 ms less from keydown to the answer).
 * But EditContext is handed the whole text of the selected lines at every keystroke and selection
 * change: on a megabyte line, or with all of a large document selected, that takes hundreds of
 * milliseconds a key. So: EditContext while the document is small, the textarea once it is large,
 * with a margin between the two so an edit near the limit does not switch back and forth.
 */
import type * as monaco from "monaco-editor/esm/vs/editor/editor.api.js";

/** Above this many UTF-16 units, the textarea (then every selection hands EditContext at most this much). */
export const EDIT_CONTEXT_MAX = 128 * 1024;
/** Back to EditContext only below this. */
export const EDIT_CONTEXT_BACK = 96 * 1024;

/** Whether a document of `length` units, typed into through EditContext now (`current`), should be. */
export function wantsEditContext(length: number, current: boolean): boolean {
  return current ? length <= EDIT_CONTEXT_MAX : length < EDIT_CONTEXT_BACK;
}

/**
 * Keeps `editor` on the input that suits its document's size: checked when the document changes
 * (its length is kept by the model, so the check costs nothing per keystroke) and when the editor
 * is given another model. Returns the stop function.
 */
export function followDocumentSize(editor: monaco.editor.ICodeEditor): () => void {
  let current: boolean | null = null;
  let stopped = false;
  const decide = () => {
    const model = editor.getModel();
    if (stopped || !model) return;
    const want = wantsEditContext(model.getValueLength(), current ?? false);
    if (want === current) return;
    current = want;
    editor.updateOptions({ editContext: want });
  };
  decide();
  // The switch replaces the input element, so it waits until the event that changed the text
  // (often one the current input element is handling) is over; the next frame renders the new one.
  const later = () => queueMicrotask(decide);
  const subs = [editor.onDidChangeModelContent(later), editor.onDidChangeModel(later)];
  return () => {
    stopped = true;
    subs.forEach((s) => s.dispose());
  };
}
