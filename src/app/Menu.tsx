/** A small menu button (WAI-ARIA menu pattern): opens below, arrow keys move, Escape closes. */
import { useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode } from "react";

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

/** `sections` is called only while the menu is open, so it can read fresh data each time. */
export function Menu({ label, sections }: { label: string; sections: () => MenuSection[] }) {
  const [open, setOpen] = useState(false);
  const id = useId();
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLDivElement>(null);

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
    <div className="menu-wrap">
      <button
        ref={button}
        type="button"
        className="btn"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? id : undefined}
        onClick={() => setOpen((o) => !o)}
      >
        {label} <span aria-hidden="true">▾</span>
      </button>
      {open && (
        <div ref={menu} id={id} className="menu" role="menu" aria-label={label} onKeyDown={onKeyDown}>
          {sections().map((s) => (
            <div key={s.title} role="group" aria-label={s.title} className="menu-section">
              <div className="menu-title" aria-hidden="true">
                {s.title}
              </div>
              {s.items.length === 0 && s.empty && (
                // A menu must hold menu items (axe aria-required-children), so the empty line is a disabled one.
                <div className="menu-empty" role="menuitem" aria-disabled="true" tabIndex={-1}>
                  {s.empty}
                </div>
              )}
              {s.items.map((item) => (
                <button
                  key={item.key}
                  type="button"
                  role="menuitem"
                  tabIndex={-1}
                  className="menu-item"
                  onClick={() => {
                    close();
                    item.onSelect();
                  }}
                >
                  <span className="menu-item-label">{item.label}</span>
                  {item.detail && <span className="menu-item-detail">{item.detail}</span>}
                </button>
              ))}
            </div>
          ))}
        </div>
      )}
    </div>
  );
}
