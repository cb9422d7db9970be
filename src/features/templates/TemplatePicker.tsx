/// <reference types="vite/client" />
import { useEffect, useId, useMemo, useRef, useState, type JSX } from "react";
import { notify, setSource, useStudioStore } from "../../store/store.ts";
import { formatPath, type Diagnostic } from "../../transpiler/types.ts";
import { createTranspileClient, spawnTranspileWorker, type TranspileClient } from "../../worker/client.ts";
import { templates, templateVariants, type Template } from "./templates.ts";
import "./templates.css";

/** Templates whose title, description, id or variant contain every word of `query` (case-insensitive). */
export function filterTemplates(query: string, list: readonly Template[] = templates): Template[] {
  const words = query
    .toLowerCase()
    .split(/\s+/)
    .filter((w) => w !== "");
  return list.filter((t) => {
    const hay = `${t.title} ${t.description} ${t.id} ${t.variant}`.toLowerCase();
    return words.every((w) => hay.includes(w));
  });
}

/** A list of templates; each is a button selecting it (`aria-current` marks the selected one). */
export function TemplateList(props: { onSelect: (template: Template) => void; items?: readonly Template[]; selected?: string | null }): JSX.Element {
  const items = props.items ?? templates;
  if (items.length === 0) return <p className="kt-empty">No template matches.</p>;
  return (
    <ul className="kt-list" aria-label="Templates">
      {items.map((t) => (
        <li key={t.id}>
          <button type="button" className="kt-item" aria-current={props.selected === t.id || undefined} onClick={() => props.onSelect(t)}>
            <span className="kt-title">
              {t.title} <span className="kt-variant">{t.variant}</span>
            </span>
            <span className="kt-desc">{t.description}</span>
          </button>
        </li>
      ))}
    </ul>
  );
}

/** A transpile worker of the dialog's own, so previews never replace the document's result. */
let client: TranspileClient | null = null;
const templateClient = () => (client ??= createTranspileClient({ spawn: spawnTranspileWorker }));

type Preview = { output: string; format: "json" | "yaml"; diagnostics: number } | { failed: string };

const problemKey = (d: Diagnostic) => JSON.stringify([d.severity, d.message, d.path]);

/**
 * The errors and warnings `text` has under the user's options that the current text does not:
 * what inserting would break or what the user's variant would ignore (an "unused key" warning).
 * A template that fits adds none: every template transpiles without diagnostics in its own
 * variant. Null when the check could not run (superseded by a newer preview).
 */
async function newProblems(text: string): Promise<Diagnostic[] | null> {
  const s = useStudioStore.getState();
  const c = templateClient();
  c.setFiles(s.files);
  const outcome = await c.transpile(text, { strict: false, pretty: s.pretty, raw: s.raw });
  if (outcome.kind !== "result") return outcome.kind === "superseded" ? null : [];
  const before = new Set((s.result?.diagnostics ?? []).map(problemKey));
  return outcome.result.diagnostics.filter((d) => d.severity !== "info" && !before.has(problemKey(d)));
}

function PreviewPane({ template, onNewDraft, onInserted }: { template: Template; onNewDraft: (source: string) => void; onInserted: () => void }) {
  const [preview, setPreview] = useState<Preview | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const headingId = useId();

  // Mounted once per template (keyed by its id), so the state starts empty for each.
  useEffect(() => {
    let live = true;
    void templateClient()
      .transpile(template.source, { strict: false, pretty: true, raw: false })
      .then((o) => {
        if (!live || o.kind === "superseded") return;
        setPreview(
          o.kind === "result" && o.result.output !== null
            ? { output: o.result.output, format: o.result.outputFormat, diagnostics: o.result.diagnostics.length }
            : { failed: o.kind === "result" ? (o.result.failure ?? "The template has errors.") : "The transpiler did not answer." },
        );
      });
    return () => {
      live = false;
    };
  }, [template]);

  const insert = async () => {
    // The merge (and the yaml package it edits with) loads on first use, not with the page.
    const { insertTemplate } = await import("./insert.ts");
    const current = useStudioStore.getState().source;
    const r = insertTemplate(current, template.source);
    if (!r.ok) return setMessage(r.reason);
    setBusy(true);
    const errors = await newProblems(r.text);
    setBusy(false);
    if (errors === null) return;
    const spec = useStudioStore.getState().spec;
    const yours = spec ? `${spec.variant} ${spec.version}` : "your";
    if (errors.length > 0) {
      const first = errors[0];
      return setMessage(
        `Not inserted: this ${template.variant} ${template.version} template does not fit your ${yours} config: ${first ? `${first.message} (${formatPath(first.path)})` : ""}${
          errors.length > 1 ? ` (and ${errors.length - 1} more)` : ""
        }. Start a new draft from it instead, or change your config's variant.`,
      );
    }
    setSource(r.text, "external");
    notify({
      id: "template-insert",
      kind: "info",
      text: `Inserted “${template.title}” into your config${
        r.from ? ` (written for ${r.from.variant} ${r.from.version}, adapted to your ${yours} config)` : ""
      }. Undo in the editor (Ctrl+Z) takes it out again.`,
    });
    onInserted();
  };

  const kind = preview && "format" in preview && preview.format === "yaml" ? "MachineConfig" : "Ignition";
  return (
    <section className="kt-preview" aria-labelledby={headingId} data-testid="template-preview">
      <h3 id={headingId} className="kt-h3">
        {template.title}
      </h3>
      <p className="kt-meta">
        <span className="kt-variant">
          {template.variant} {template.version}
        </span>{" "}
        {template.description}
      </p>
      <div className="kt-code">
        <h4 className="kt-h4">Template</h4>
        <pre className="kt-pre" tabIndex={0} aria-label={`${template.title}: Butane source`} data-testid="template-source">
          {template.source}
        </pre>
        <h4 className="kt-h4">
          Output ({kind}
          {preview && "diagnostics" in preview ? `, ${preview.diagnostics === 0 ? "no problems" : `${preview.diagnostics} problems`}` : ""})
        </h4>
        <pre className="kt-pre" tabIndex={0} aria-label={`${template.title}: ${kind} output`} data-testid="template-output" aria-busy={preview === null}>
          {preview === null ? "Transpiling…" : "output" in preview ? preview.output : preview.failed}
        </pre>
      </div>
      {message !== null && (
        <p className="kt-message" role="alert" data-testid="template-message">
          {message}
        </p>
      )}
      <div className="kt-actions">
        <button type="button" className="k-btn k-btn-primary" disabled={busy} onClick={() => void insert()}>
          Insert into my config
        </button>
        <button type="button" className="k-btn" onClick={() => onNewDraft(template.source)}>
          New draft
        </button>
        <span className="kt-hint">Insert merges it into your text (your comments stay); New draft opens it alone, and your text stays under Drafts.</span>
      </div>
    </section>
  );
}

/**
 * A modal dialog (native `<dialog>`: focus trap, Esc and backdrop for free) listing the
 * templates of every variant with a filter, a preview of the chosen one and of its output,
 * and two ways to use it: insert it into the current config (merged as minimal text edits, one
 * undo step) or open it as a new draft (`onNewDraft`; keeping the replaced text is the caller's).
 */
export function TemplatePicker(props: { open: boolean; onNewDraft: (source: string) => void; onClose: () => void }): JSX.Element {
  const { open, onNewDraft, onClose } = props;
  const ref = useRef<HTMLDialogElement>(null);
  const search = useRef<HTMLInputElement>(null);
  const titleId = useId();
  const [query, setQuery] = useState("");
  const [variant, setVariant] = useState("all");
  const [selected, setSelected] = useState<string | null>(null);

  useEffect(() => {
    const d = ref.current;
    if (d === null) return;
    if (open && !d.open) {
      // Start with the templates of the config's own variant.
      const current = useStudioStore.getState().spec?.variant;
      setVariant(current !== undefined && templateVariants.includes(current) ? current : "all");
      // showModal is missing in very old browsers and in some test DOMs.
      if (typeof d.showModal === "function") d.showModal();
      else d.setAttribute("open", "");
      search.current?.focus();
    } else if (!open && d.open) {
      d.close();
    }
  }, [open]);

  const items = useMemo(() => filterTemplates(query, variant === "all" ? templates : templates.filter((t) => t.variant === variant)), [query, variant]);
  const chosen = items.find((t) => t.id === selected) ?? null;
  return (
    <dialog
      ref={ref}
      className="kt-dialog"
      aria-labelledby={titleId}
      onClose={() => {
        setQuery("");
        setSelected(null);
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
            Templates
          </h2>
          <button type="button" className="kt-close" aria-label="Close" onClick={onClose}>
            ×
          </button>
        </div>
        <div className="kt-filters">
          <input
            ref={search}
            type="search"
            className="kt-search"
            placeholder="Filter templates"
            aria-label="Filter templates"
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            onKeyDown={(e) => {
              // Enter shows the first match, so "zinc⏎" is enough.
              const first = items[0];
              if (e.key === "Enter" && first !== undefined) {
                e.preventDefault();
                setSelected(first.id);
              }
            }}
          />
          <label className="kt-variant-filter">
            <span>Variant</span>
            <select value={variant} onChange={(e) => setVariant(e.target.value)} aria-label="Variant">
              <option value="all">all variants</option>
              {templateVariants.map((v) => (
                <option key={v} value={v}>
                  {v}
                </option>
              ))}
            </select>
          </label>
        </div>
        <div className="kt-columns">
          <TemplateList items={items} selected={chosen?.id ?? null} onSelect={(t) => setSelected(t.id)} />
          {chosen ? (
            <PreviewPane
              key={chosen.id}
              template={chosen}
              onInserted={onClose}
              onNewDraft={(source) => {
                onNewDraft(source);
                onClose();
              }}
            />
          ) : (
            <p className="kt-empty kt-pick">Pick a template to see it and the output it gives.</p>
          )}
        </div>
      </div>
    </dialog>
  );
}
