/** A file mode as nine rwx checkboxes plus the octal text, kept in step. */
import { Row, TextInput, useValue } from "../fields.tsx";
import { useForms } from "../forms-context.ts";
import type { EditPath } from "../model/config.ts";
import { octalText, parseOctal } from "../../../transpiler/util/file-mode.ts";
import { bit, WHAT, WHO } from "../model/mode.ts";
import { fieldAt } from "../model/spec-walk.ts";

export function ModeField({ path, fallback }: { path: EditPath; fallback: number }) {
  const { set, vs } = useForms();
  const value = useValue(path);
  const mode = typeof value === "number" ? value : null;
  const shown = mode ?? fallback;
  return (
    <Row label={<code>mode</code>} doc={`${fieldAt(vs, path)?.doc ?? ""}${mode === null ? ` Not set: ${octalText(fallback)}.` : ""}`} path={path}>
      {({ id, describedBy, invalid }) => (
        <div className="ff-mode">
          <TextInput
            id={id}
            value={mode === null ? (value === undefined ? "" : String(value as string)) : octalText(mode)}
            placeholder={octalText(fallback)}
            mono
            describedBy={describedBy}
            invalid={invalid}
            onCommit={(v) => {
              if (v.trim() === "") return set(path, undefined);
              const m = parseOctal(v);
              set(path, m ?? v);
            }}
          />
          <table className="ff-rwx" aria-label="Permissions">
            <thead>
              <tr>
                <th />
                {WHAT.map((w) => (
                  <th key={w.key} scope="col" title={w.name}>
                    {w.key}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {WHO.map((who, wi) => (
                <tr key={who}>
                  <th scope="row">{who}</th>
                  {WHAT.map((what, ti) => (
                    <td key={what.key}>
                      <input
                        type="checkbox"
                        aria-label={`${who} ${what.name}`}
                        checked={(shown & bit(wi, ti)) !== 0}
                        onChange={(e) => set(path, e.target.checked ? shown | bit(wi, ti) : shown & ~bit(wi, ti))}
                      />
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Row>
  );
}
