/**
 * Resolves once the page has painted its first frame: a task queued from a requestAnimationFrame
 * callback runs after that frame's paint. The lazy Monaco chunks (several MB of script to
 * evaluate) wait for it, so the shell and the plain-text fallback show first even when the
 * chunks arrive at once (local or cached). A hidden tab paints nothing: the timeout covers it.
 */
let painted: Promise<void> | null = null;

export function afterFirstPaint(): Promise<void> {
  painted ??= new Promise<void>((resolve) => {
    if (typeof requestAnimationFrame !== "function") return resolve();
    const fallback = setTimeout(resolve, 1000);
    requestAnimationFrame(() =>
      setTimeout(() => {
        clearTimeout(fallback);
        resolve();
      }, 0),
    );
  });
  return painted;
}

/** Resolves after the next frame has been painted (what is on screen now is seen first). */
export function afterNextPaint(): Promise<void> {
  return new Promise<void>((resolve) => {
    if (typeof requestAnimationFrame !== "function") return resolve();
    // A hidden tab paints nothing.
    const fallback = setTimeout(resolve, 250);
    requestAnimationFrame(() =>
      setTimeout(() => {
        clearTimeout(fallback);
        resolve();
      }, 0),
    );
  });
}
