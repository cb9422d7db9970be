/**
 * Filling in a placeholder: a password (hashed in the browser, SHA-512 crypt as in Forms), a
 * pasted public key (checked), a private key or another value.
 */
import { useEffect, useId, useRef, useState, type FormEvent } from "react";
import { EXAMPLE_KEY_MESSAGE, isExampleKey } from "../../transpiler/lint/placeholders.ts";
import { hashPassword } from "../forms/forms-client.ts";
import { checkSshKey } from "../forms/model/ssh-key.ts";
import { closeFill, type FillFix } from "./fix-ui.ts";
import { completeFill } from "./run-fix.ts";
import "./quick-fixes.css";

const HEADINGS = {
  "password-hash": "Set a password",
  "ssh-key": "Paste a public key",
  "private-key": "Paste the private key",
  secret: "Fill in the value",
} as const;

/** Why a pasted key cannot be used, or null. */
function keyProblem(text: string): string | null {
  if (text.trim() === "") return null;
  if (isExampleKey(text)) return EXAMPLE_KEY_MESSAGE;
  return checkSshKey(text).error;
}

function Form({ fix }: { fix: FillFix }) {
  const ref = useRef<HTMLDialogElement>(null);
  const id = useId();
  const [value, setValue] = useState("");
  const [repeat, setRepeat] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
  }, []);

  const write = (text: string) => {
    if (!completeFill(fix, text)) setError("The config changed since this was offered: the placeholder is no longer there.");
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    if (fix.what === "password-hash") {
      if (value === "") return setError("Type a password.");
      if (value !== repeat) return setError("The two passwords differ.");
      setBusy(true);
      // The clear text lives only in these inputs until it is hashed.
      hashPassword(value).then(
        (hash) => {
          setValue("");
          setRepeat("");
          setBusy(false);
          write(hash);
        },
        (err: unknown) => {
          setBusy(false);
          setError(err instanceof Error ? err.message : "Hashing failed.");
        },
      );
      return;
    }
    if (value.trim() === "") return setError("Nothing to fill in yet.");
    const problem = fix.what === "ssh-key" ? keyProblem(value) : null;
    if (problem) return setError(problem);
    write(value);
  };

  const keyError = fix.what === "ssh-key" ? keyProblem(value) : null;
  return (
    <dialog ref={ref} className="k-dialog k-fill-dialog" aria-labelledby={`${id}-title`} onClose={closeFill} data-testid="fill-dialog">
      <form onSubmit={submit}>
        <h2 id={`${id}-title`}>{HEADINGS[fix.what]}</h2>
        {fix.what === "password-hash" ? (
          <>
            <p className="k-dialog-note">
              Hashed in your browser as SHA-512 crypt (<code>$6$</code>, as <code>mkpasswd -m sha-512</code> makes it); only the hash goes into the config. The
              password is not stored.
            </p>
            <label className="k-fill-field">
              <span>Password</span>
              <input type="password" autoComplete="new-password" value={value} onChange={(e) => setValue(e.target.value)} autoFocus />
            </label>
            <label className="k-fill-field">
              <span>Repeat the password</span>
              <input type="password" autoComplete="new-password" value={repeat} onChange={(e) => setRepeat(e.target.value)} />
            </label>
          </>
        ) : fix.what === "secret" ? (
          <label className="k-fill-field">
            <span>Value</span>
            <input value={value} spellCheck={false} onChange={(e) => setValue(e.target.value)} autoFocus />
          </label>
        ) : (
          <label className="k-fill-field">
            <span>{fix.what === "ssh-key" ? "Public key (the contents of e.g. ~/.ssh/id_ed25519.pub)" : "Private key (PEM)"}</span>
            <textarea
              rows={fix.what === "ssh-key" ? 3 : 8}
              value={value}
              spellCheck={false}
              aria-invalid={keyError !== null || undefined}
              onChange={(e) => setValue(e.target.value)}
              autoFocus
            />
          </label>
        )}
        {(error ?? keyError) && (
          <p className="k-fill-error" role="alert">
            {error ?? keyError}
          </p>
        )}
        <div className="k-dialog-buttons">
          <button type="submit" className="k-btn k-btn-primary" disabled={busy}>
            {busy ? "Hashing…" : fix.what === "password-hash" ? "Hash and fill in" : "Fill in"}
          </button>
          <button type="button" className="k-btn" onClick={() => ref.current?.close()}>
            Cancel
          </button>
        </div>
      </form>
    </dialog>
  );
}

/** The fill-in dialog for `fix` (loaded with the fixes, when one is run). */
export default function FillDialog({ fix }: { fix: FillFix }) {
  return <Form key={JSON.stringify(fix.target)} fix={fix} />;
}
