/**
 * When the lazy Monaco views may load (EditorPane's source editor, the output view): after the
 * transpile worker's first answer has been painted, so the output shows while Monaco's chunk is
 * still being fetched and before its evaluation (a long main-thread task) starts; at the latest
 * MAX_WAIT_MS after the first view asks, should the first answer be slow. The chunk itself is
 * fetched from the start (a modulepreload link in index.html, see vite.config.ts). Imports no
 * Monaco.
 */
import { afterFirstPaint, afterNextPaint } from "../lib/after-paint.ts";
import { firstAnswer } from "../store/first-answer.ts";

const MAX_WAIT_MS = 1000;

let gate: Promise<void> | null = null;

export function monacoMayLoad(): Promise<void> {
  gate ??= afterFirstPaint()
    .then(() => firstAnswer(MAX_WAIT_MS))
    .then(afterNextPaint);
  return gate;
}

let markShown = () => {};
const shown = new Promise<void>((resolve) => (markShown = resolve));

/** Called by the source editor once it has drawn its text: the output view may follow. */
export function sourceEditorShown(): void {
  markShown();
}

/**
 * When the output view's Monaco may start: after the source editor has drawn (the one to type
 * in comes first; the output shows as plain text meanwhile), at the latest `maxWaitMs` after
 * Monaco may load (the Forms view or a narrow screen may keep the source editor from drawing).
 */
export function outputViewMayLoad(maxWaitMs = 1500): Promise<void> {
  return monacoMayLoad()
    .then(() => Promise.race([shown, new Promise<void>((resolve) => setTimeout(resolve, maxWaitMs))]))
    .then(afterNextPaint);
}
