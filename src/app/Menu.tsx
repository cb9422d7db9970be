/** A small menu button (WAI-ARIA menu pattern): opens below, arrow keys move, Escape closes. */
import { useEffect, useId, useLayoutEffect, useRef, useState, type KeyboardEvent, type ReactNode } from "react";

export interface MenuItem {
  key: string;
  label: ReactNode;
  detail?: ReactNode;
  onSelect: () => void;
}

export interface MenuSection {
  title: string;
  items: MenuItem[];
  empty?: string;
}

/** Space kept between an open menu and the window's edge. */
const MARGIN_PX = 8;

/** `sections` is called only while the menu is open, so it can read fresh data each time. */
export function Menu({ label, sections }: { label: string; sections: () => MenuSection[] }) {
  const [open, setOpen] = useState(false);
  const id = useId();
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLDivElement>(null);

  // Opens below the button, from its left edge; moved left as far as needed to stay inside the
  // window (a button at the end of the toolbar, a narrow screen).
  const [shift, setShift] = useState(0);
  useLayoutEffect(() => {
    const el = menu.current;
    if (!open || !el) return setShift(0);
    const rect = el.getBoundingClientRect();
    const overflow = rect.right - (document.documentElement.clientWidth - MARGIN_PX);
    if (overflow > 0) setShift(Math.min(overflow, rect.left - MARGIN_PX));
  }, [open]);

  useEffect(() => {
    if (!open) return;
    menu.current?.querySelector<HTMLElement>('[role="menuitem"]')?.focus();
    const onDown = (e: PointerEvent) => {
      if (!menu.current?.contains(e.target as Node) && !button.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener("pointerdown", onDown);
    return () => document.removeEventListener("pointerdown", onDown);
  }, [open]);

  const close = () => {
    setOpen(false);
    button.current?.focus();
  };

  const onKeyDown = (e: KeyboardEvent) => {
    const items = [...(menu.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];
    const i = items.indexOf(document.activeElement as HTMLElement);
    let next: HTMLElement | undefined;
    if (e.key === "ArrowDown") next = items[(i + 1) % items.length];
    else if (e.key === "ArrowUp") next = items[(i - 1 + items.length) % items.length];
    else if (e.key === "Home") next = items[0];
    else if (e.key === "End") next = items.at(-1);
    else if (e.key === "Escape" || e.key === "Tab") {
      if (e.key === "Escape") e.preventDefault();
      close();
      return;
    } else return;
    e.preventDefault();
    next?.focus();
  };

  return (
    <div className="k-menu-wrap">
      <button
        ref={button}
        type="button"
        className="k-btn"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? id : undefined}
        onClick={() => setOpen((o) => !o)}
      >
        {label} <span aria-hidden="true">▾</span>
      </button>
      {open && (
        <div ref={menu} id={id} className="k-menu" style={shift > 0 ? { left: -shift } : undefined} role="menu" aria-label={label} onKeyDown={onKeyDown}>
          {sections().map((s) => (
            <div key={s.title} role="group" aria-label={s.title} className="k-menu-section">
              <div className="k-menu-title" aria-hidden="true">
                {s.title}
              </div>
              {s.items.length === 0 && s.empty && (
                // A menu must hold menu items (axe aria-required-children), so the empty line is a disabled one.
                <div className="k-menu-empty" role="menuitem" aria-disabled="true" tabIndex={-1}>
                  {s.empty}
                </div>
              )}
              {s.items.map((item) => (
                <button
                  key={item.key}
                  type="button"
                  role="menuitem"
                  tabIndex={-1}
                  className="k-menu-item"
                  onClick={() => {
                    close();
                    item.onSelect();
                  }}
                >
                  <span className="k-menu-item-label">{item.label}</span>
                  {item.detail && <span className="k-menu-item-detail">{item.detail}</span>}
                </button>
              ))}
            </div>
          ))}
        </div>
      )}
    </div>
  );
}
