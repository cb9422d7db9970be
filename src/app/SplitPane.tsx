/**
 * Two panes side by side with a draggable (and keyboard-operable) divider; the ratio is remembered.
 * With `show`, one pane fills the box and the other is hidden (still mounted: the editors in them
 * keep their state).
 */
import { useCallback, useRef, useState, type HTMLAttributes, type PointerEvent as ReactPointerEvent, type ReactNode } from "react";

const KEY = "kindling.split";
const MIN_PX = 320;

function initialRatio(): number {
  try {
    const v = Number(localStorage.getItem(KEY));
    if (v > 0.1 && v < 0.9) return v;
  } catch {
    // No storage: use the default.
  }
  return 0.5;
}

export interface SplitPaneProps {
  left: ReactNode;
  right: ReactNode;
  /** Show only this pane. */
  show?: "left" | "right" | undefined;
  /** Extra attributes of the left pane's box (e.g. its tab panel role on a narrow screen). */
  leftAttrs?: HTMLAttributes<HTMLDivElement>;
}

export function SplitPane({ left, right, show, leftAttrs }: SplitPaneProps) {
  const [ratio, setRatio] = useState(initialRatio);
  const box = useRef<HTMLDivElement>(null);

  const commit = useCallback((r: number) => {
    const width = box.current?.clientWidth ?? 1280;
    const min = Math.min(0.45, MIN_PX / width);
    const clamped = Math.min(1 - min, Math.max(min, r));
    setRatio(clamped);
    try {
      localStorage.setItem(KEY, String(clamped));
    } catch {
      // Not worth a notice.
    }
  }, []);

  const onPointerDown = (e: ReactPointerEvent<HTMLDivElement>) => {
    const el = box.current;
    if (!el) return;
    e.preventDefault();
    const handle = e.currentTarget;
    handle.setPointerCapture(e.pointerId);
    const rect = el.getBoundingClientRect();
    const move = (ev: PointerEvent) => commit((ev.clientX - rect.left) / rect.width);
    const up = () => {
      handle.removeEventListener("pointermove", move);
      handle.removeEventListener("pointerup", up);
      document.body.classList.remove("is-resizing");
    };
    handle.addEventListener("pointermove", move);
    handle.addEventListener("pointerup", up);
    document.body.classList.add("is-resizing");
  };

  const pct = Math.round(ratio * 100);
  // Neither pane narrower than MIN_PX (or 45% on a small window), whatever ratio was saved on a
  // wider one.
  const column = (r: number) => `minmax(min(${MIN_PX}px, 45%), ${r}fr)`;
  return (
    <div className="k-split" ref={box} style={{ gridTemplateColumns: show ? "minmax(0, 1fr)" : `${column(ratio)} 6px ${column(1 - ratio)}` }}>
      <div {...leftAttrs} className="k-split-pane" hidden={show === "right"}>
        {left}
      </div>
      <div
        hidden={show !== undefined}
        className="k-split-handle"
        role="separator"
        aria-orientation="vertical"
        aria-label="Resize editor and output"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={pct}
        tabIndex={0}
        onPointerDown={onPointerDown}
        onDoubleClick={() => commit(0.5)}
        onKeyDown={(e) => {
          const step = e.shiftKey ? 0.1 : 0.02;
          if (e.key === "ArrowLeft") commit(ratio - step);
          else if (e.key === "ArrowRight") commit(ratio + step);
          else if (e.key === "Home") commit(0);
          else if (e.key === "End") commit(1);
          else return;
          e.preventDefault();
        }}
      />
      <div className="k-split-pane" hidden={show === "left"}>
        {right}
      </div>
    </div>
  );
}
