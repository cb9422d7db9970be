/**
 * Resolves once the page has painted its first frame: a task queued from a requestAnimationFrame
 * callback runs after that frame's paint. The lazy Monaco chunks (several MB of script to
 * evaluate) wait for it, so the shell and the plain-text fallback show first even when the
 * chunks arrive at once (local or cached). A hidden tab paints nothing: the timeout covers it.
 */
let painted: Promise<void> | null = null;

/** Resolves after the next frame has been painted, or after `fallbackMs` (a hidden tab paints nothing). */
function paintOrTimeout(fallbackMs: number): Promise<void> {
  return new Promise<void>((resolve) => {
    if (typeof requestAnimationFrame !== "function") return resolve();
    const fallback = setTimeout(resolve, fallbackMs);
    requestAnimationFrame(() =>
      setTimeout(() => {
        clearTimeout(fallback);
        resolve();
      }, 0),
    );
  });
}

export function afterFirstPaint(): Promise<void> {
  painted ??= paintOrTimeout(1000);
  return painted;
}

/** Resolves after the next frame has been painted (what is on screen now is seen first). */
export function afterNextPaint(): Promise<void> {
  return paintOrTimeout(250);
}
