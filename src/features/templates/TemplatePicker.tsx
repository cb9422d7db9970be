/// <reference types="vite/client" />
import { useEffect, useId, useRef, useState, type JSX } from "react";
import { templates, type Template } from "./templates.ts";
import "./templates.css";

/** Templates whose title, description or id contain every word of `query` (case-insensitive). */
export function filterTemplates(query: string, list: readonly Template[] = templates): Template[] {
  const words = query.toLowerCase().split(/\s+/).filter((w) => w !== "");
  return list.filter((t) => {
    const hay = `${t.title} ${t.description} ${t.id}`.toLowerCase();
    return words.every((w) => hay.includes(w));
  });
}

/** A plain list of templates; each is a button calling `onPick(source, template)`. */
export function TemplateList(props: {
  onPick: (source: string, template: Template) => void;
  items?: readonly Template[];
}): JSX.Element {
  const items = props.items ?? templates;
  if (items.length === 0) return <p className="kt-empty">No template matches.</p>;
  return (
    <ul className="kt-list">
      {items.map((t) => (
        <li key={t.id}>
          <button type="button" className="kt-item" onClick={() => props.onPick(t.source, t)}>
            <span className="kt-title">{t.title}</span>
            <span className="kt-desc">{t.description}</span>
          </button>
        </li>
      ))}
    </ul>
  );
}

/**
 * A modal dialog (native `<dialog>`: focus trap, Esc and backdrop for free) listing the
 * templates with a filter box. Picking one calls `onPick(source)` and then `onClose()`;
 * asking before replacing the user's text is the caller's job.
 */
export function TemplatePicker(props: {
  open: boolean;
  onPick: (source: string) => void;
  onClose: () => void;
}): JSX.Element {
  const { open, onPick, onClose } = props;
  const ref = useRef<HTMLDialogElement>(null);
  const search = useRef<HTMLInputElement>(null);
  const titleId = useId();
  const [query, setQuery] = useState("");

  useEffect(() => {
    const d = ref.current;
    if (d === null) return;
    if (open && !d.open) {
      // showModal is missing in very old browsers and in some test DOMs.
      if (typeof d.showModal === "function") d.showModal();
      else d.setAttribute("open", "");
      search.current?.focus();
    } else if (!open && d.open) {
      d.close();
    }
  }, [open]);

  const items = filterTemplates(query);
  return (
    <dialog
      ref={ref}
      className="kt-dialog"
      aria-labelledby={titleId}
      onClose={() => {
        setQuery("");
        if (open) onClose();
      }}
      onClick={(e) => {
        // A click on the backdrop lands on the <dialog> element itself.
        if (e.target === e.currentTarget) onClose();
      }}
    >
      <div className="kt-body">
        <div className="kt-head">
          <h2 id={titleId} className="kt-h2">
            New from template
          </h2>
          <button type="button" className="kt-close" aria-label="Close" onClick={onClose}>
            ×
          </button>
        </div>
        <input
          ref={search}
          type="search"
          className="kt-search"
          placeholder="Filter templates"
          aria-label="Filter templates"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          onKeyDown={(e) => {
            // Enter picks the first match, so "zinc⏎" is enough.
            const first = items[0];
            if (e.key === "Enter" && first !== undefined) {
              e.preventDefault();
              onPick(first.source);
              onClose();
            }
          }}
        />
        <TemplateList
          items={items}
          onPick={(source) => {
            onPick(source);
            onClose();
          }}
        />
      </div>
    </dialog>
  );
}
