/**
 * Fields generated from the spec's declarative description (src/transpiler/spec): every field a
 * struct has in this variant/version, with its one-line doc. Sections use it for the fields they
 * don't hand-make, so a newer spec's fields show up without UI changes.
 */
import { useState, type ReactNode } from "react";
import { useShownCount } from "../../lib/show-more.tsx";
import { BoolField, IntField, Problems, SelectField, StringListField, TextField, useValue } from "./fields.tsx";
import { useForms } from "./forms-context.ts";
import { isRecord, type EditPath } from "./model/config.ts";
import { structAt, type FieldDesc } from "./model/spec-walk.ts";

const MAX_DEPTH = 4;

interface SpecFieldsProps {
  path: EditPath;
  /** Keys to leave out (hand-made elsewhere). */
  omit?: readonly string[];
  /** Keys drawn by the caller instead (in spec order). */
  custom?: Readonly<Record<string, ReactNode>>;
  depth?: number;
}

/** The fields of the struct at `path`. */
export function SpecFields({ path, omit = [], custom = {}, depth = 0 }: SpecFieldsProps) {
  const { vs } = useForms();
  const struct = structAt(vs, path);
  if (!struct) return null;
  return (
    <>
      {struct.fields
        .filter((f) => !omit.includes(f.key))
        .map((f) => (f.key in custom ? <div key={f.key}>{custom[f.key]}</div> : <SpecField key={f.key} field={f} path={[...path, f.key]} depth={depth} />))}
    </>
  );
}

/** One field, by its type. */
export function SpecField({ field, path, depth = 0 }: { field: FieldDesc; path: EditPath; depth?: number }) {
  const t = field.type;
  const label = (
    <>
      <code>{field.key}</code>
      {field.required && (
        <span className="ff-required" aria-label="required">
          {" "}
          *
        </span>
      )}
    </>
  );
  const doc = field.doc;
  switch (t.kind) {
    case "string":
      return t.enum ? (
        <SelectField path={path} label={label} doc={doc} options={t.enum} />
      ) : (
        <TextField
          path={path}
          label={label}
          doc={doc}
          multiline={field.hint === "multiline"}
          mono={field.hint === "path" || field.hint === "url" || field.suggest !== undefined}
          suggestions={field.suggest}
        />
      );
    case "int":
      return <IntField path={path} label={label} doc={doc} />;
    case "bool":
      return <BoolField path={path} label={label} doc={doc} />;
    case "list":
      if (t.item.kind === "string") return <StringListField path={path} label={label} doc={doc} itemLabel={field.key.replace(/s$/, "")} mono />;
      if (t.item.kind === "ref" && depth < MAX_DEPTH)
        return <ItemList path={path} label={label} doc={doc} itemName={field.key.replace(/s$/, "")} depth={depth + 1} />;
      return <Unsupported field={field} path={path} />;
    case "ref":
      return depth < MAX_DEPTH ? (
        <Group path={path} label={label} doc={doc}>
          <SpecFields path={path} depth={depth + 1} />
        </Group>
      ) : (
        <Unsupported field={field} path={path} />
      );
    case "map":
      return <Unsupported field={field} path={path} />;
  }
}

/** A nested struct as a collapsible group, open when it has values. */
export function Group({ path, label, doc, children }: { path: EditPath; label: ReactNode; doc?: string | undefined; children: ReactNode }) {
  const v = useValue(path);
  return (
    <details className="ff-group" open={hasValue(v)}>
      <summary>
        {label} {doc && <span className="ff-doc-inline">{doc}</span>}
      </summary>
      <Problems path={path} />
      {children}
    </details>
  );
}

const hasValue = (v: unknown) => v !== undefined && v !== null && !(isRecord(v) && Object.keys(v).length === 0);

function Unsupported({ field, path }: { field: FieldDesc; path: EditPath }) {
  const v = useValue(path);
  return (
    <p className="ff-doc ff-unsupported">
      <code>{field.key}</code>: {field.doc} {v !== undefined ? "Set in the YAML; edit it there." : "Edit it in the YAML."}
    </p>
  );
}

/** List items rendered per step (show-more.tsx): a user card holds a few dozen fields. */
const ITEMS_STEP = 50;

/** A collapsible card whose body is rendered only while it is open (long lists stay cheap). */
function Card({ title, initiallyOpen, children }: { title: string; initiallyOpen: boolean; children: () => ReactNode }) {
  const [open, setOpen] = useState(initiallyOpen);
  return (
    <details className="ff-card" open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>
        <span className="ff-card-title">{title}</span>
      </summary>
      {open && <div className="ff-card-body">{children()}</div>}
    </details>
  );
}

/**
 * A list of structs: one collapsible card per item (titled by `title`), with add and remove.
 * `render` draws an item's fields (default: all of them, from the spec).
 */
export function ItemList({
  path,
  label,
  doc,
  itemName,
  depth = 0,
  title,
  render,
  newItem,
  addLabel,
}: {
  path: EditPath;
  label: ReactNode;
  doc?: string | undefined;
  itemName: string;
  depth?: number;
  title?: (item: Record<string, unknown>, i: number) => string;
  render?: (itemPath: EditPath, item: Record<string, unknown>, i: number) => ReactNode;
  newItem?: () => Record<string, unknown> | null;
  addLabel?: string;
}) {
  const { set } = useForms();
  const raw = useValue(path);
  const items = Array.isArray(raw) ? raw : [];
  const [shown, more] = useShownCount(items.length, ITEMS_STEP, `${itemName}s`);
  const name = (item: unknown, i: number) => {
    const r = isRecord(item) ? item : {};
    if (title) return title(r, i);
    const guess = r.name ?? r.path ?? r.device ?? r.label;
    return typeof guess === "string" && guess !== "" ? guess : `${itemName} ${i + 1}`;
  };
  return (
    <section className="ff-items" aria-label={typeof label === "string" ? label : itemName + "s"}>
      <div className="ff-items-head">
        <h4 className="ff-h4">{label}</h4>
        {addLabel !== "" && (
          <button
            type="button"
            className="k-btn k-btn-small"
            onClick={() => {
              const item = newItem ? newItem() : {};
              if (item) set(path, [...items, item]);
            }}
          >
            {addLabel ?? `Add ${itemName}`}
          </button>
        )}
      </div>
      {doc && <p className="ff-doc">{doc}</p>}
      <Problems path={path} />
      {items.slice(0, shown).map((item, i) => (
        <Card key={i} title={name(item, i)} initiallyOpen={items.length <= 3}>
          {() => (
            <>
              {render ? render([...path, i], isRecord(item) ? item : {}, i) : <SpecFields path={[...path, i]} depth={depth} />}
              <div className="ff-card-actions">
                <button type="button" className="k-btn k-btn-small k-btn-danger" onClick={() => set([...path, i], undefined)}>
                  Remove {name(item, i)}
                </button>
              </div>
            </>
          )}
        </Card>
      ))}
      {more}
    </section>
  );
}
