/**
 * The output, the moment the worker answers. A result reaches the store one frame later
 * (effects.ts): the store's readers (status line, problem counts, editor markers, previews) are
 * React renders and Monaco decorations that, done first, would push the new output out of the
 * frame that could show it. The output view listens here as well as to the store.
 */
import type { GoodOutput } from "./store.ts";

type Listener = (good: GoodOutput) => void;
const listeners = new Set<Listener>();

/** Calls `listener` with each new output as it arrives; returns the unsubscribe. */
export function onOutput(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function publishOutput(good: GoodOutput): void {
  for (const l of listeners) l(good);
}
