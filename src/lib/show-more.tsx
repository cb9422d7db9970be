/**
 * Long lists render in steps: the first `step` items, then `step` more per click. A config can
 * list tens of thousands of users or files (a few kilobytes of share link expand to that), and
 * rendering them all at once would block the page for seconds, every time the view is shown.
 */
import { useState, type ReactNode } from "react";

const count = (n: number) => n.toLocaleString("en-US");

/** How many of `total` items to render, and the button that shows more (null when all are shown). */
export function useShownCount(total: number, step: number, what: string): [number, ReactNode] {
  const [shown, setShown] = useState(step);
  if (total <= shown) return [total, null];
  const next = Math.min(step, total - shown);
  const button = (
    <button type="button" className="k-btn k-btn-small k-show-more" onClick={() => setShown(shown + step)}>
      Show {count(next)} more {what} ({count(shown)} of {count(total)} shown)
    </button>
  );
  return [shown, button];
}
