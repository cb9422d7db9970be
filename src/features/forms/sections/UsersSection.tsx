/** Users & groups: name, groups, shell, home, SSH keys (checked), password hash (with a generator). */
import { useId, useState } from "react";
import { looksLikeCryptHash } from "../../../lib/crypt/sha512-crypt.ts";
import { EXAMPLE_KEY_MESSAGE, isExampleKey } from "../../../transpiler/lint/placeholders.ts";
import { Row, StringListField, TextField, TextInput, useValue } from "../fields.tsx";
import { hashPassword } from "../forms-client.ts";
import { useForms } from "../forms-context.ts";
import type { EditPath } from "../model/config.ts";
import { fieldAt } from "../model/spec-walk.ts";
import { checkSshKey } from "../model/ssh-key.ts";
import { ItemList, SpecFields } from "../SpecFields.tsx";

const HAND_MADE = ["name", "groups", "shell", "home_dir", "ssh_authorized_keys", "password_hash"];

function sshCheck(line: string) {
  // The same check as Problems' placeholder-example-key finding, in the same words.
  if (isExampleKey(line)) return { problem: EXAMPLE_KEY_MESSAGE, detail: null };
  const c = checkSshKey(line);
  return {
    problem: c.error,
    detail: c.ok ? `${c.type ?? ""}${c.comment ? ` · ${c.comment}` : " · no comment"}` : null,
  };
}

/** The password hash field and a generator that hashes a typed password in a worker. */
function PasswordHash({ path }: { path: EditPath }) {
  const { set, vs } = useForms();
  const value = useValue(path);
  const hash = typeof value === "string" ? value : "";
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState<string | null>(null);
  const id = useId();
  const plaintext = hash !== "" && !looksLikeCryptHash(hash);
  return (
    <>
      <Row
        label={<code>password_hash</code>}
        doc={fieldAt(vs, path)?.doc}
        path={path}
        extraProblems={
          plaintext
            ? [
                "This does not look like a crypt hash: is it the password itself? Machines would reject it, and it is readable by anyone with the config. Generate a hash below.",
              ]
            : []
        }
      >
        {({ id: fid, describedBy, invalid }) => (
          <TextInput
            id={fid}
            value={hash}
            mono
            describedBy={describedBy}
            invalid={invalid}
            placeholder="$6$…"
            onCommit={(v) => set(path, v === "" ? undefined : v)}
          />
        )}
      </Row>
      <form
        className="ff-generator"
        aria-label="Generate a password hash"
        onSubmit={(e) => {
          e.preventDefault();
          const input = e.currentTarget.elements.namedItem("password") as HTMLInputElement;
          const pw = input.value;
          // The clear text lives only in this input until it is hashed; it is cleared at once.
          input.value = "";
          if (pw === "") return;
          setBusy(true);
          setFailed(null);
          hashPassword(pw).then(
            (h) => {
              set(path, h);
              setBusy(false);
            },
            (err: unknown) => {
              setFailed(err instanceof Error ? err.message : "hashing failed");
              setBusy(false);
            },
          );
        }}
      >
        <label htmlFor={id} className="ff-label">
          New password
        </label>
        <input id={id} name="password" type="password" autoComplete="new-password" className="ff-input" aria-describedby={`${id}-doc`} />
        <button type="submit" className="k-btn k-btn-small" disabled={busy}>
          {busy ? "Hashing…" : "Generate hash"}
        </button>
        <p className="ff-doc" id={`${id}-doc`}>
          SHA-512 crypt ($6$, 5000 rounds, random salt), as <code>mkpasswd -m sha-512</code> makes it. Hashed in your browser; the password is not stored or
          shown.
        </p>
        {failed && <p className="ff-problem is-error">{failed}</p>}
      </form>
    </>
  );
}

function User({ path }: { path: EditPath }) {
  const { vs, caps } = useForms();
  const doc = (k: string) => fieldAt(vs, [...path, k])?.doc;
  const has = (k: string) => fieldAt(vs, [...path, k]) !== undefined;
  return (
    <>
      <TextField path={[...path, "name"]} label={<code>name</code>} doc={doc("name")} mono />
      {has("groups") && !caps.coreUserOnly && (
        <StringListField path={[...path, "groups"]} label={<code>groups</code>} doc={doc("groups")} itemLabel="group" placeholder="wheel" mono />
      )}
      {has("shell") && !caps.coreUserOnly && <TextField path={[...path, "shell"]} label={<code>shell</code>} doc={doc("shell")} mono placeholder="/bin/bash" />}
      {has("home_dir") && !caps.coreUserOnly && <TextField path={[...path, "home_dir"]} label={<code>home_dir</code>} doc={doc("home_dir")} mono />}
      <StringListField
        path={[...path, "ssh_authorized_keys"]}
        label={<code>ssh_authorized_keys</code>}
        doc={doc("ssh_authorized_keys")}
        itemLabel="SSH key"
        placeholder="ssh-ed25519 AAAA… you@laptop"
        check={sshCheck}
        mono
      />
      {has("password_hash") && <PasswordHash path={[...path, "password_hash"]} />}
      {!caps.coreUserOnly && (
        <details className="ff-group">
          <summary>More user fields</summary>
          <SpecFields path={path} omit={HAND_MADE} />
        </details>
      )}
    </>
  );
}

/** A name box and an Add button that appends `{ name }` to the list at `path`. */
function AddByName({ path, what, placeholder, primary }: { path: EditPath; what: string; placeholder: string; primary?: boolean }) {
  const { set } = useForms();
  const current = useValue(path);
  const [name, setName] = useState("");
  const id = useId();
  const add = () => {
    const n = name.trim();
    if (n === "") return;
    set(path, [...(Array.isArray(current) ? current : []), { name: n }]);
    setName("");
  };
  return (
    <div className="ff-add">
      <label htmlFor={id} className="ff-label">
        New {what}
      </label>
      <input
        id={id}
        className="ff-input is-mono"
        value={name}
        placeholder={placeholder}
        onChange={(e) => setName(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === "Enter") add();
        }}
      />
      <button type="button" className={`k-btn k-btn-small${primary ? " k-btn-primary" : ""}`} onClick={add}>
        Add {what}
      </button>
    </div>
  );
}

export function UsersSection() {
  const { caps } = useForms();
  return (
    <>
      {caps.coreUserOnly && (
        <p className="ff-note">
          OpenShift configs may only set the <code>core</code> user's SSH keys (and password hash from 4.13).
        </p>
      )}
      <AddByName path={["passwd", "users"]} what="user" placeholder={caps.coreUserOnly ? "core" : "name"} primary />
      <ItemList path={["passwd", "users"]} label="Users" itemName="user" addLabel="" render={(p) => <User path={p} />} />
      {caps.groups && (
        <>
          <AddByName path={["passwd", "groups"]} what="group" placeholder="name" />
          <ItemList path={["passwd", "groups"]} label="Groups" itemName="group" addLabel="" />
        </>
      )}
    </>
  );
}
