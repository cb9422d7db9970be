/**
 * The shell's breakpoints, in one place (app.css repeats the pixel values in its @media rules).
 * Wide: every toolbar action inline. Compact: the file actions, drafts and Share fold into one
 * "File" menu. Narrow: one pane at a time behind tabs (Editor / Ignition / Problems / Preview / Files).
 */
import { useSyncExternalStore } from "react";

/** Below this width the toolbar folds its secondary actions into the File menu. */
export const COMPACT_BELOW_PX = 1200;
/** Below this width the editor and the output panel share one column, behind tabs. */
export const NARROW_BELOW_PX = 800;

export type Layout = "wide" | "compact" | "narrow";

const below = (px: number) => `(max-width: ${px - 0.02}px)`;

// One subscribe function per query, so React does not resubscribe on every render.
const subscribers = new Map<string, (onChange: () => void) => () => void>();
function subscribe(query: string) {
  let fn = subscribers.get(query);
  if (!fn) {
    fn = (onChange) => {
      const list = window.matchMedia(query);
      list.addEventListener("change", onChange);
      return () => list.removeEventListener("change", onChange);
    };
    subscribers.set(query, fn);
  }
  return fn;
}

function useMediaQuery(query: string): boolean {
  return useSyncExternalStore(
    subscribe(query),
    () => window.matchMedia(query).matches,
    () => false,
  );
}

/** The layout for the current viewport width; re-renders when it crosses a breakpoint. */
export function useLayout(): Layout {
  const narrow = useMediaQuery(below(NARROW_BELOW_PX));
  const compact = useMediaQuery(below(COMPACT_BELOW_PX));
  return narrow ? "narrow" : compact ? "compact" : "wide";
}
