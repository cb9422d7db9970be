/** Systemd units: name, enabled, mask, contents (with starter templates) and dropins. */
import { BoolField, TextField, useValue } from "../fields.tsx";
import { useForms } from "../forms-context.ts";
import type { EditPath } from "../model/config.ts";
import { fieldAt } from "../model/spec-walk.ts";
import { ItemList, SpecFields } from "../SpecFields.tsx";
import { unitTemplates } from "./unit-templates.ts";

function Unit({ path }: { path: EditPath }) {
  const { vs, set } = useForms();
  const doc = (k: string) => fieldAt(vs, [...path, k])?.doc;
  const contents = useValue([...path, "contents"]);
  return (
    <>
      <TextField path={[...path, "name"]} label={<code>name</code>} doc={doc("name")} mono />
      <BoolField path={[...path, "enabled"]} label={<code>enabled</code>} doc={doc("enabled")} />
      <BoolField path={[...path, "mask"]} label={<code>mask</code>} doc={doc("mask")} />
      <TextField path={[...path, "contents"]} label={<code>contents</code>} doc={doc("contents")} multiline mono />
      {(contents === undefined || contents === "") && (
        <div className="ff-templates" role="group" aria-label="Start from a template">
          <span className="ff-doc">Start from:</span>
          {unitTemplates.map((t) => (
            <button key={t.id} type="button" className="k-btn k-btn-small" onClick={() => set([...path, "contents"], t.contents)}>
              {t.label}
            </button>
          ))}
        </div>
      )}
      <ItemList
        path={[...path, "dropins"]}
        label={<code>dropins</code>}
        itemName="dropin"
        newItem={() => ({ name: "10-override.conf", contents: "[Service]\n" })}
      />
      <SpecFields path={path} omit={["name", "enabled", "mask", "contents", "dropins"]} />
    </>
  );
}

export function UnitsSection() {
  const { set, config } = useForms();
  const units = (config.systemd as { units?: unknown } | undefined)?.units;
  const list = Array.isArray(units) ? units : [];
  return (
    <>
      <div className="ff-templates" role="group" aria-label="Add a unit">
        <span className="ff-doc">Add a unit:</span>
        {unitTemplates.map((t) => (
          <button
            key={t.id}
            type="button"
            className="k-btn k-btn-small"
            onClick={() => set(["systemd", "units"], [...list, { name: t.name, enabled: true, contents: t.contents }])}
          >
            {t.label}
          </button>
        ))}
      </div>
      <ItemList
        path={["systemd", "units"]}
        label="Units"
        itemName="unit"
        newItem={() => ({ name: "example.service" })}
        addLabel="Add empty unit"
        render={(p) => <Unit path={p} />}
      />
    </>
  );
}
