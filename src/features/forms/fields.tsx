/** Form controls bound to config paths: text commits on Enter/blur, problems show under the field. */
import { useId, useState, type ReactNode } from "react";
import { getIn, pathKey, type EditPath } from "./model/config.ts";
import { useForms } from "./forms-context.ts";
import type { Suggestion } from "../../transpiler/spec/kit.ts";
import { useShownCount } from "../../lib/show-more.tsx";

export function useValue(path: EditPath): unknown {
  return getIn(useForms().config, path);
}

/** Problems of a field (ajv and the transpiler), shown under it. */
export function Problems({ path, id, extra = [] }: { path: EditPath; id?: string; extra?: string[] }) {
  const found = useForms().problems.get(pathKey(path)) ?? [];
  if (found.length === 0 && extra.length === 0) return null;
  return (
    <ul className="ff-problems" id={id}>
      {extra.map((m) => (
        <li key={m} className="ff-problem is-error">
          {m}
        </li>
      ))}
      {found.map((p, i) => (
        <li key={i} className={`ff-problem is-${p.severity}`}>
          {p.message}
        </li>
      ))}
    </ul>
  );
}

/** Problems a form finds itself (not tied to a config path), as error lines. */
export function ErrorList({ messages }: { messages: readonly string[] }) {
  if (messages.length === 0) return null;
  return (
    <ul className="ff-problems">
      {messages.map((m) => (
        <li key={m} className="ff-problem is-error">
          {m}
        </li>
      ))}
    </ul>
  );
}

export function hasProblems(problems: ReadonlyMap<string, unknown[]>, path: EditPath): boolean {
  return (problems.get(pathKey(path))?.length ?? 0) > 0;
}

interface RowProps {
  label: ReactNode;
  doc?: string | undefined;
  path: EditPath;
  children: (ids: { id: string; describedBy: string; invalid: boolean }) => ReactNode;
  extraProblems?: string[];
  wide?: boolean;
}

/** A labelled row: label, control, one-line doc and problems (linked by aria-describedby). */
export function Row({ label, doc, path, children, extraProblems = [], wide }: RowProps) {
  const id = useId();
  const { problems } = useForms();
  const invalid = hasProblems(problems, path) || extraProblems.length > 0;
  return (
    <div className={`ff-row${wide ? " is-wide" : ""}`}>
      <label className="ff-label" htmlFor={id}>
        {label}
      </label>
      <div className="ff-control">
        {children({ id, describedBy: `${id}-doc ${id}-problems`, invalid })}
        {doc && (
          <p className="ff-doc" id={`${id}-doc`}>
            {doc}
          </p>
        )}
        <Problems path={path} id={`${id}-problems`} extra={extraProblems} />
      </div>
    </div>
  );
}

interface TextInputProps {
  id?: string;
  value: string;
  onCommit: (v: string) => void;
  multiline?: boolean;
  placeholder?: string;
  describedBy?: string;
  invalid?: boolean;
  mono?: boolean;
  label?: string;
  rows?: number;
  /** Values offered in a drop-down (the text stays free); picking one commits it at once. */
  suggestions?: readonly Suggestion[];
}

/**
 * A text box that keeps what is typed until Enter or leaving the field (Ctrl+Enter in a text
 * area), then commits once: one edit, one undo step. Escape drops the draft.
 */
export function TextInput({ id, value, onCommit, multiline, placeholder, describedBy, invalid, mono, label, rows, suggestions }: TextInputProps) {
  const [draft, setDraft] = useState<string | null>(null);
  const shown = draft ?? value;
  const commit = () => {
    if (draft !== null && draft !== value) onCommit(draft);
    setDraft(null);
  };
  const common = {
    id,
    value: shown,
    placeholder,
    "aria-describedby": describedBy,
    "aria-invalid": invalid || undefined,
    "aria-label": label,
    "data-dirty": draft !== null && draft !== value ? "true" : undefined,
    className: `ff-input${mono ? " is-mono" : ""}`,
    onBlur: commit,
    spellCheck: false,
  };
  if (multiline) {
    return (
      <textarea
        {...common}
        rows={rows ?? Math.min(14, Math.max(3, shown.split("\n").length + 1))}
        onChange={(e) => setDraft(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) commit();
          if (e.key === "Escape") setDraft(null);
        }}
      />
    );
  }
  const listId = suggestions && id !== undefined ? `${id}-suggestions` : undefined;
  const input = (
    <input
      {...common}
      type="text"
      list={listId}
      onChange={(e) => {
        const v = e.target.value;
        // A pick from the list replaces the whole text at once: commit it like Enter would.
        const native = e.nativeEvent as InputEvent;
        if (listId !== undefined && native.inputType === "insertReplacementText" && suggestions?.some((x) => x.value === v)) {
          setDraft(null);
          if (v !== value) onCommit(v);
        } else setDraft(v);
      }}
      onKeyDown={(e) => {
        if (e.key === "Enter") commit();
        if (e.key === "Escape") setDraft(null);
      }}
    />
  );
  if (listId === undefined || !suggestions) return input;
  const known = suggestions.find((x) => x.value.toLowerCase() === shown.trim().toLowerCase());
  return (
    <>
      {input}
      <datalist id={listId}>
        {suggestions.map((x) => (
          <option key={x.value} value={x.value} label={x.label} />
        ))}
      </datalist>
      {known && <span className="ff-suggestion-name">{known.label}</span>}
    </>
  );
}

const asText = (v: unknown) => (v === undefined || v === null ? "" : typeof v === "object" ? JSON.stringify(v) : String(v as string | number | boolean));

/** A string field: empty removes the key. */
export function TextField({
  path,
  label,
  doc,
  multiline,
  mono,
  placeholder,
  suggestions,
}: {
  path: EditPath;
  label: ReactNode;
  doc?: string | undefined;
  multiline?: boolean;
  mono?: boolean;
  placeholder?: string;
  suggestions?: readonly Suggestion[] | undefined;
}) {
  const { set } = useForms();
  const value = useValue(path);
  return (
    <Row label={label} doc={doc} path={path} wide={multiline}>
      {({ id, describedBy, invalid }) => (
        <TextInput
          id={id}
          value={asText(value)}
          onCommit={(v) => set(path, v === "" ? undefined : v)}
          multiline={multiline}
          mono={mono}
          describedBy={describedBy}
          invalid={invalid}
          {...(placeholder !== undefined ? { placeholder } : {})}
          {...(suggestions !== undefined ? { suggestions } : {})}
        />
      )}
    </Row>
  );
}

/** An integer field: empty removes the key; anything else not a number is kept as typed (the schema flags it). */
export function IntField({ path, label, doc }: { path: EditPath; label: ReactNode; doc?: string | undefined }) {
  const { set } = useForms();
  const value = useValue(path);
  return (
    <Row label={label} doc={doc} path={path}>
      {({ id, describedBy, invalid }) => (
        <TextInput
          id={id}
          value={asText(value)}
          onCommit={(v) => {
            const t = v.trim();
            set(path, t === "" ? undefined : /^-?\d+$/.test(t) ? Number(t) : t);
          }}
          describedBy={describedBy}
          invalid={invalid}
        />
      )}
    </Row>
  );
}

/** A yes/no field with a third state, "not set" (Butane's defaults differ from false in places). */
export function BoolField({ path, label, doc }: { path: EditPath; label: ReactNode; doc?: string | undefined }) {
  const { set } = useForms();
  const value = useValue(path);
  const v = value === true ? "true" : value === false ? "false" : value === undefined || value === null ? "" : "other";
  return (
    <Row label={label} doc={doc} path={path}>
      {({ id, describedBy, invalid }) => (
        <select
          id={id}
          className="ff-select"
          value={v}
          aria-describedby={describedBy}
          aria-invalid={invalid || undefined}
          onChange={(e) => set(path, e.target.value === "" ? undefined : e.target.value === "true")}
        >
          <option value="">not set</option>
          <option value="true">yes</option>
          <option value="false">no</option>
          {v === "other" && <option value="other">{asText(value)}</option>}
        </select>
      )}
    </Row>
  );
}

/** A choice among `options` ("" = not set). */
export function SelectField({ path, label, doc, options }: { path: EditPath; label: ReactNode; doc?: string | undefined; options: readonly string[] }) {
  const { set } = useForms();
  const value = asText(useValue(path));
  const known = value === "" || options.includes(value);
  return (
    <Row label={label} doc={doc} path={path}>
      {({ id, describedBy, invalid }) => (
        <select
          id={id}
          className="ff-select"
          value={value}
          aria-describedby={describedBy}
          aria-invalid={invalid || undefined}
          onChange={(e) => set(path, e.target.value === "" ? undefined : e.target.value)}
        >
          <option value="">not set</option>
          {options
            .filter((o) => o !== "")
            .map((o) => (
              <option key={o} value={o}>
                {o}
              </option>
            ))}
          {!known && <option value={value}>{value}</option>}
        </select>
      )}
    </Row>
  );
}

/**
 * A list of strings, one box per item, with add and remove. `check` returns a problem and a
 * detail line for an item (e.g. an SSH key's type and comment).
 */
export function StringListField({
  path,
  label,
  doc,
  check,
  placeholder,
  itemLabel,
  mono,
}: {
  path: EditPath;
  label: ReactNode;
  doc?: string | undefined;
  check?: (v: string) => { problem: string | null; detail: string | null };
  placeholder?: string;
  itemLabel: string;
  mono?: boolean;
}) {
  const { set, problems } = useForms();
  const raw = useValue(path);
  const items = Array.isArray(raw) ? raw : [];
  const [shown, more] = useShownCount(items.length, 100, `${itemLabel}s`);
  const [adding, setAdding] = useState("");
  const id = useId();
  const add = () => {
    const v = adding.trim();
    if (v === "") return;
    set(path, [...items, v]);
    setAdding("");
  };
  return (
    <fieldset className="ff-list">
      <legend className="ff-label">{label}</legend>
      {doc && <p className="ff-doc">{doc}</p>}
      <Problems path={path} />
      <ul className="ff-list-items">
        {items.slice(0, shown).map((item, i) => {
          const text = asText(item);
          const c = check?.(text);
          return (
            <li key={i} className="ff-list-item">
              <div className="ff-list-line">
                <TextInput
                  value={text}
                  label={`${itemLabel} ${i + 1}`}
                  mono={mono}
                  invalid={!!c?.problem || hasProblems(problems, [...path, i])}
                  describedBy={`${id}-${i}-info`}
                  onCommit={(v) => set([...path, i], v === "" ? undefined : v)}
                />
                <button
                  type="button"
                  className="k-btn k-btn-small k-btn-quiet"
                  aria-label={`Remove ${itemLabel} ${i + 1}`}
                  onClick={() => set([...path, i], undefined)}
                >
                  Remove
                </button>
              </div>
              <div id={`${id}-${i}-info`}>
                {c?.detail && <p className="ff-doc">{c.detail}</p>}
                <Problems path={[...path, i]} extra={c?.problem ? [c.problem] : []} />
              </div>
            </li>
          );
        })}
      </ul>
      {more}
      <div className="ff-list-line">
        <input
          type="text"
          className={`ff-input${mono ? " is-mono" : ""}`}
          value={adding}
          aria-label={`New ${itemLabel}`}
          placeholder={placeholder}
          spellCheck={false}
          onChange={(e) => setAdding(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === "Enter") add();
          }}
        />
        <button type="button" className="k-btn k-btn-small" onClick={add}>
          Add {itemLabel}
        </button>
      </div>
    </fieldset>
  );
}
