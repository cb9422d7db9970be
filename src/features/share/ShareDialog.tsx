/** The Share dialog: a link that carries the config, with a secrets warning and a redacted variant. */
import { useEffect, useMemo, useRef, useState } from "react";
import { buildShareUrl, MAX_SHARE_URL_LENGTH, type ShareOptions } from "./codec.ts";
import { findSecrets, redactSecrets, summarizeSecrets } from "./secrets.ts";

export interface ShareDialogProps {
  source: string;
  /** The output options the link carries (the recipient's studio switches to them). */
  options: ShareOptions;
  /** Whether the config reads from the Files panel (those files are not in the link). */
  usesLocalFiles: boolean;
  onDownloadSource: () => void;
  onClose: () => void;
}

const kindName = { "password-hash": "password hash", "ssh-key": "SSH key", "private-key": "private key", token: "token or password" };

async function copy(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

const onOff = (v: boolean) => (v ? "on" : "off");

export function ShareDialog({ source, options, usesLocalFiles, onDownloadSource, onClose }: ShareDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const findings = useMemo(() => findSecrets(source), [source]);
  const [links, setLinks] = useState<{ full: string; redacted: string | null } | null>(null);
  const [choice, setChoice] = useState<"redacted" | "full">("redacted");
  const [copied, setCopied] = useState<"ok" | "failed" | null>(null);

  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
  }, []);

  useEffect(() => {
    let live = true;
    const base = window.location.href;
    void Promise.all([
      buildShareUrl(base, source, options),
      findings.length > 0 ? buildShareUrl(base, redactSecrets(source, findings), options) : Promise.resolve(null),
    ]).then(([full, redacted]) => {
      if (live) setLinks({ full, redacted });
    });
    return () => {
      live = false;
    };
  }, [source, findings, options]);

  const link = links ? (links.redacted !== null && choice === "redacted" ? links.redacted : links.full) : null;
  const tooLong = link !== null && link.length > MAX_SHARE_URL_LENGTH;

  const doCopy = async () => {
    if (!link) return;
    setCopied((await copy(link)) ? "ok" : "failed");
  };

  return (
    <dialog ref={ref} className="k-dialog" aria-labelledby="share-title" onClose={onClose} data-testid="share-dialog">
      <h2 id="share-title">Share this config</h2>
      <p className="k-dialog-note">
        The config travels inside the link, after the <code>#</code>: browsers do not send that part to any server.
        {usesLocalFiles && " Files from the Files panel are not included."}
      </p>
      <p className="k-dialog-note" data-testid="share-options">
        The link also sets the output options: Strict {onOff(options.strict)}, Pretty {onOff(options.pretty)}, Raw {onOff(options.raw)}.
      </p>

      {findings.length > 0 && (
        <div className="k-banner k-banner-warning" role="alert" data-testid="secrets-warning">
          <div>
            <strong>This config contains {summarizeSecrets(findings)}.</strong> Anyone who gets the link can read them.
            <ul className="k-secret-lines">
              {findings.slice(0, 6).map((f) => (
                <li key={f.start}>
                  line {f.line}: {kindName[f.kind]}
                </li>
              ))}
              {findings.length > 6 && <li>and {findings.length - 6} more</li>}
            </ul>
          </div>
        </div>
      )}

      {findings.length > 0 && (
        <fieldset className="k-share-choice">
          <legend>Link contents</legend>
          <label>
            <input type="radio" name="share-kind" checked={choice === "redacted"} onChange={() => (setChoice("redacted"), setCopied(null))} />
            Redacted: secrets replaced by <code>REDACTED</code>
          </label>
          <label>
            <input type="radio" name="share-kind" checked={choice === "full"} onChange={() => (setChoice("full"), setCopied(null))} />
            Everything, secrets included
          </label>
        </fieldset>
      )}

      {link === null ? (
        <p>Preparing the link…</p>
      ) : tooLong ? (
        <div className="k-banner k-banner-warning" role="alert" data-testid="share-too-long">
          <span>
            This config is too large for a link ({Math.ceil(link.length / 1024)} KB; links are limited to {MAX_SHARE_URL_LENGTH / 1024} KB). Download the file
            instead and send it.
          </span>
        </div>
      ) : (
        <label className="k-share-link">
          <span>Link ({link.length.toLocaleString()} characters)</span>
          <input readOnly value={link} onFocus={(e) => e.target.select()} data-testid="share-link" />
        </label>
      )}

      {copied === "failed" && <p role="alert">Copying was not allowed here: select the link and copy it by hand.</p>}

      <div className="k-dialog-buttons">
        {tooLong ? (
          <button type="button" className="k-btn k-btn-primary" onClick={onDownloadSource}>
            Download the file instead
          </button>
        ) : (
          <button type="button" className="k-btn k-btn-primary" disabled={link === null} onClick={() => void doCopy()}>
            {copied === "ok" ? "Copied" : findings.length > 0 ? (choice === "redacted" ? "Copy redacted link" : "Copy link with secrets") : "Copy link"}
          </button>
        )}
        <button type="button" className="k-btn" onClick={() => ref.current?.close()}>
          Close
        </button>
      </div>
    </dialog>
  );
}
