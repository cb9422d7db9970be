/** Files, directories and links: path, mode (rwx), owner, contents (inline, remote URL with hash, local file), overwrite/append. */
import { useId } from "react";
import { BoolField, Row, TextField, TextInput, useValue } from "../fields.tsx";
import { useForms } from "../forms-context.ts";
import { getIn, isRecord, setIn, type EditPath } from "../model/config.ts";
import { fieldAt } from "../model/spec-walk.ts";
import { ItemList, SpecFields } from "../SpecFields.tsx";
import { ModeField } from "./ModeField.tsx";

type Kind = "inline" | "source" | "local" | "none";

function kindOf(c: unknown): Kind {
  if (!isRecord(c)) return "none";
  if (c.local !== undefined) return "local";
  if (c.source !== undefined) return "source";
  if (c.inline !== undefined) return "inline";
  return "none";
}

/** Contents of a file: where the bytes come from, and whether they replace or append. */
function Contents({ path }: { path: EditPath }) {
  const { set, change, localFiles, vs, caps } = useForms();
  const file = useValue(path);
  const appendList = isRecord(file) && Array.isArray(file.append) ? file.append : null;
  const appending = appendList !== null && appendList.length > 0 && file !== undefined && isRecord(file) && file.contents === undefined;
  const base: EditPath = appending ? [...path, "append", 0] : [...path, "contents"];
  const contents = useValue(base);
  const kind = kindOf(contents);
  const id = useId();
  const hasLocal = fieldAt(vs, [...path, "contents", "local"]) !== undefined;
  const choose = (k: Kind) => {
    const keep = isRecord(contents) ? { ...contents } : {};
    delete keep.inline;
    delete keep.source;
    delete keep.local;
    delete keep.verification;
    const next = k === "none" ? undefined : { ...keep, [k]: k === "local" ? (localFiles[0] ?? "") : "" };
    set(base, next && Object.keys(next).length > 0 ? next : undefined);
  };
  return (
    <fieldset className="ff-fieldset">
      <legend className="ff-label">Contents</legend>
      <div className="ff-radios" role="radiogroup" aria-label="Where the contents come from">
        {(["none", "inline", "source", "local"] as const)
          .filter((k) => k !== "local" || hasLocal)
          .map((k) => (
            <label key={k} className="ff-radio">
              <input type="radio" name={`${id}-kind`} checked={kind === k} onChange={() => choose(k)} />
              {{ none: "Empty", inline: "Inline text", source: "Remote URL", local: "Local file" }[k]}
            </label>
          ))}
      </div>
      {kind === "inline" && <TextField path={[...base, "inline"]} label="Text" multiline mono />}
      {kind === "source" && (
        <>
          <TextField
            path={[...base, "source"]}
            label={<code>source</code>}
            doc={fieldAt(vs, [...path, "contents", "source"])?.doc}
            mono
            placeholder="https://example.com/file"
          />
          <TextField
            path={[...base, "verification", "hash"]}
            label={<code>verification.hash</code>}
            doc="Optional: sha512-<hex> (or sha256-<hex>) of the downloaded contents."
            mono
          />
        </>
      )}
      {kind === "local" && (
        <Row label={<code>local</code>} doc="A file from the Files panel (Butane's --files-dir)." path={[...base, "local"]}>
          {({ id: fid, describedBy, invalid }) =>
            localFiles.length > 0 ? (
              <select
                id={fid}
                className="ff-select"
                aria-describedby={describedBy}
                aria-invalid={invalid || undefined}
                value={String(getIn(contents, ["local"]) ?? "")}
                onChange={(e) => set([...base, "local"], e.target.value)}
              >
                {!localFiles.includes(String(getIn(contents, ["local"]) ?? "")) && (
                  <option value={String(getIn(contents, ["local"]) ?? "")}>{String(getIn(contents, ["local"]) ?? "")}</option>
                )}
                {localFiles.map((f) => (
                  <option key={f} value={f}>
                    {f}
                  </option>
                ))}
              </select>
            ) : (
              <TextInput
                id={fid}
                value={String(getIn(contents, ["local"]) ?? "")}
                mono
                describedBy={describedBy}
                invalid={invalid}
                onCommit={(v) => set([...base, "local"], v)}
                placeholder="Add files in the Files panel"
              />
            )
          }
        </Row>
      )}
      {caps.append && kind !== "none" && (
        <label className="ff-check">
          <input
            type="checkbox"
            checked={appending}
            onChange={(e) =>
              change((cfg) => {
                const c = getIn(cfg, base);
                const moved = setIn(cfg, base, undefined);
                return e.target.checked
                  ? setIn(setIn(moved, [...path, "append"], [c]), [...path, "contents"], undefined)
                  : setIn(setIn(moved, [...path, "contents"], c), [...path, "append"], undefined);
              })
            }
          />
          Append to the file instead of replacing its contents
        </label>
      )}
    </fieldset>
  );
}

function Owner({ path }: { path: EditPath }) {
  return (
    <div className="ff-pair">
      <TextField path={[...path, "user", "name"]} label="Owner user" mono placeholder="root" />
      <TextField path={[...path, "group", "name"]} label="Owner group" mono placeholder="root" />
    </div>
  );
}

function FileItem({ path }: { path: EditPath }) {
  const { vs } = useForms();
  return (
    <>
      <TextField path={[...path, "path"]} label={<code>path</code>} doc={fieldAt(vs, [...path, "path"])?.doc} mono />
      <ModeField path={[...path, "mode"]} fallback={0o644} />
      <Owner path={path} />
      <Contents path={path} />
      <BoolField path={[...path, "overwrite"]} label={<code>overwrite</code>} doc={fieldAt(vs, [...path, "overwrite"])?.doc} />
      <details className="ff-group">
        <summary>More file fields</summary>
        <SpecFields path={path} omit={["path", "mode", "user", "group", "contents", "append", "overwrite"]} />
      </details>
    </>
  );
}

export function FilesSection() {
  const { caps, vs } = useForms();
  return (
    <>
      <ItemList
        path={["storage", "files"]}
        label="Files"
        itemName="file"
        newItem={() => ({ path: "/etc/example", mode: 0o644, contents: { inline: "" } })}
        render={(p) => <FileItem path={p} />}
      />
      {caps.directories && (
        <ItemList
          path={["storage", "directories"]}
          label="Directories"
          itemName="directory"
          newItem={() => ({ path: "/var/example" })}
          render={(p) => (
            <>
              <TextField path={[...p, "path"]} label={<code>path</code>} doc={fieldAt(vs, [...p, "path"])?.doc} mono />
              <ModeField path={[...p, "mode"]} fallback={0o755} />
              <Owner path={p} />
              <SpecFields path={p} omit={["path", "mode", "user", "group"]} />
            </>
          )}
        />
      )}
      {caps.links && (
        <ItemList
          path={["storage", "links"]}
          label="Links"
          itemName="link"
          newItem={() => ({ path: "/etc/example-link", target: "/etc/example" })}
          render={(p) => (
            <>
              <TextField path={[...p, "path"]} label={<code>path</code>} doc={fieldAt(vs, [...p, "path"])?.doc} mono />
              <TextField path={[...p, "target"]} label={<code>target</code>} doc={fieldAt(vs, [...p, "target"])?.doc} mono />
              <Owner path={p} />
              <SpecFields path={p} omit={["path", "target", "user", "group"]} />
            </>
          )}
        />
      )}
    </>
  );
}
