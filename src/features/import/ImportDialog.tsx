/**
 * The import dialog: a dropped or opened Ignition config, MachineConfig or Container Linux Config
 * can become a new Butane draft (the current text stays under "Recent drafts"), or be opened /
 * attached as before. After the import it shows what was recovered and what could not be.
 */
import { useEffect, useMemo, useRef, useState } from "react";
import { CLC_PLATFORMS } from "../../import/clc/templating.ts";
import type { Finding, ImportOptions, ImportResult } from "../../import/types.ts";
import { listSpecs } from "../../transpiler/index.ts";
import { parseFsPaths } from "./fs-paths.ts";
import { kindLabel, type Sniffed } from "./sniff.ts";
import { attentionFindings, recoveredLines } from "./summary.ts";
import "./import.css";

export interface ImportDialogProps {
  name: string;
  text: string;
  sniffed: Sniffed;
  /** Runs the import (in the worker). */
  runImport: (options: ImportOptions) => Promise<ImportResult>;
  /** Opens the Butane as the document; false when it is too large for the editor. */
  openButane: (butane: string) => boolean;
  /** The way the file was handled before import existed: attach (Ignition) or open as it is (YAML). */
  fallback: { label: string; run: () => void };
  onDownload: (butane: string) => void;
  onClose: () => void;
}

type Step =
  | { kind: "choose" }
  | { kind: "running" }
  | { kind: "done"; result: Extract<ImportResult, { ok: true }>; opened: boolean }
  | { kind: "failed"; error: string; findings: Finding[] };

const specs = listSpecs();

/** Variants that can express the input (those with a version emitting its Ignition version). */
function variantChoices(s: Sniffed): string[] {
  if (s.kind === "machineconfig") return ["openshift"];
  const all = [...new Set(specs.map((x) => x.variant))];
  if (s.kind !== "ignition-3") return all;
  return all.filter((v) => specs.some((x) => x.variant === v && x.ignition === s.version));
}

export function ImportDialog(props: ImportDialogProps) {
  const { name, sniffed } = props;
  const ref = useRef<HTMLDialogElement>(null);
  const choices = useMemo(() => variantChoices(sniffed), [sniffed]);
  const [variant, setVariant] = useState(sniffed.kind === "clc" ? "flatcar" : (choices[0] ?? "fcos"));
  const [platform, setPlatform] = useState("");
  const [fsPaths, setFsPaths] = useState("");
  const [step, setStep] = useState<Step>({ kind: "choose" });

  // closed (Escape, Cancel) while the worker runs: its result must not replace the document
  const closed = useRef(false);
  useEffect(() => {
    closed.current = false;
    const d = ref.current;
    if (d && !d.open) d.showModal();
    return () => {
      closed.current = true;
    };
  }, []);

  const start = async () => {
    setStep({ kind: "running" });
    const options: ImportOptions = {};
    if (sniffed.kind !== "machineconfig") options.variant = variant;
    if (platform) options.platform = platform;
    const paths = parseFsPaths(fsPaths);
    if (Object.keys(paths).length > 0) options.filesystemPaths = paths;
    const r = await props.runImport(options);
    if (closed.current) return;
    if (!r.ok) {
      setStep({ kind: "failed", error: r.error, findings: r.findings });
      return;
    }
    setStep({ kind: "done", result: r, opened: props.openButane(r.butane) });
  };

  const close = () => ref.current?.close();

  return (
    <dialog
      ref={ref}
      className="k-dialog k-import-dialog"
      aria-labelledby="import-title"
      onClose={() => {
        closed.current = true;
        props.onClose();
      }}
      data-testid="import-dialog"
    >
      <h2 id="import-title">Import {name} as Butane</h2>
      {step.kind === "choose" && (
        <>
          <p className="k-dialog-note">
            {name} is {kindLabel(sniffed)}. Kindling can turn it into a readable Butane config that transpiles back to the same
            {sniffed.kind === "clc" ? " machine (as ct would have set it up)" : " config"}. Your current text stays under “Recent drafts”.
          </p>
          <div className="k-import-options">
            {choices.length > 1 && (
              <label className="k-field">
                <span className="k-field-label">Variant</span>
                <select value={variant} onChange={(e) => setVariant(e.target.value)} aria-label="Butane variant">
                  {choices.map((v) => (
                    <option key={v} value={v}>
                      {v}
                    </option>
                  ))}
                </select>
              </label>
            )}
            {sniffed.kind === "clc" && (
              <label className="k-field">
                <span className="k-field-label">Platform</span>
                <select
                  value={platform}
                  onChange={(e) => setPlatform(e.target.value)}
                  aria-label="ct platform"
                  title="ct's --platform, needed for dynamic data such as {PRIVATE_IPV4}"
                >
                  <option value="">none</option>
                  {CLC_PLATFORMS.map((p) => (
                    <option key={p} value={p}>
                      {p}
                    </option>
                  ))}
                </select>
              </label>
            )}
            {(sniffed.kind === "clc" || sniffed.kind === "ignition-2") && (
              <label className="k-field k-import-fs-paths">
                <span className="k-field-label">Mount paths</span>
                <input
                  value={fsPaths}
                  onChange={(e) => setFsPaths(e.target.value)}
                  placeholder="data=/var/data"
                  aria-label="Filesystem mount paths"
                  title="Spec 2 writes files to named filesystems; spec 3 needs where each is mounted: NAME=PATH, comma-separated"
                />
              </label>
            )}
          </div>
          <div className="k-dialog-buttons">
            <button type="button" className="k-btn k-btn-primary" onClick={() => void start()}>
              Import as Butane
            </button>
            <button
              type="button"
              className="k-btn"
              onClick={() => {
                props.fallback.run();
                close();
              }}
            >
              {props.fallback.label}
            </button>
            <button type="button" className="k-btn k-btn-quiet" onClick={close}>
              Cancel
            </button>
          </div>
        </>
      )}
      {step.kind === "running" && (
        <p className="k-import-running" aria-busy="true" role="status">
          Importing and checking the result by transpiling it back…
        </p>
      )}
      {step.kind === "done" && <Result step={step} onDownload={props.onDownload} onClose={close} />}
      {step.kind === "failed" && (
        <>
          <div className="k-banner k-banner-error" role="alert" data-testid="import-error">
            <span>
              <strong>{name} cannot be imported:</strong> {step.error}
            </span>
          </div>
          <FindingList findings={attentionFindings(step.findings)} />
          <div className="k-dialog-buttons">
            <button type="button" className="k-btn" onClick={() => setStep({ kind: "choose" })}>
              Back
            </button>
            <button type="button" className="k-btn k-btn-primary" onClick={close}>
              Close
            </button>
          </div>
        </>
      )}
    </dialog>
  );
}

function Result({ step, onDownload, onClose }: { step: Extract<Step, { kind: "done" }>; onDownload: (b: string) => void; onClose: () => void }) {
  const r = step.result;
  const recovered = recoveredLines(r.stats);
  const attention = attentionFindings(r.findings);
  return (
    <>
      <p className={`k-import-verdict ${r.verified ? "is-verified" : "is-unverified"}`} data-testid="import-verdict">
        {r.verified
          ? `Imported as ${r.variant} ${r.version}: it transpiles back to the same config.`
          : `Imported as ${r.variant} ${r.version}, but it does not transpile back to exactly the same config (see below).`}
      </p>
      {!step.opened && (
        <div className="k-banner k-banner-warning" role="alert">
          <span>The Butane config is {Math.ceil(r.butane.length / 1024)} KB, more than the editor takes: download it and use the command line.</span>
        </div>
      )}
      {recovered.length > 0 && (
        <section aria-labelledby="import-recovered">
          <h3 id="import-recovered">Recovered</h3>
          <ul className="k-import-list" data-testid="import-recovered">
            {recovered.map((l) => (
              <li key={l}>{l}</li>
            ))}
          </ul>
        </section>
      )}
      {attention.length > 0 && (
        <section aria-labelledby="import-attention">
          <h3 id="import-attention">Worth a look</h3>
          <FindingList findings={attention} />
        </section>
      )}
      <div className="k-dialog-buttons">
        {!step.opened && (
          <button type="button" className="k-btn k-btn-primary" onClick={() => onDownload(r.butane)}>
            Download the Butane config
          </button>
        )}
        <button type="button" className={step.opened ? "k-btn k-btn-primary" : "k-btn"} onClick={onClose}>
          {step.opened ? "Done" : "Close"}
        </button>
      </div>
    </>
  );
}

const MAX_SHOWN = 8;

function FindingList({ findings }: { findings: readonly Finding[] }) {
  if (findings.length === 0) return null;
  return (
    <ul className="k-import-list k-import-findings" data-testid="import-findings">
      {findings.slice(0, MAX_SHOWN).map((f, i) => (
        <li key={i} className={`k-finding-${f.severity}`}>
          <span className="k-import-severity">{f.severity}</span>
          <span>{f.message}</span>
          {f.path.length > 0 && <code className="k-import-path">{f.path.join(".")}</code>}
        </li>
      ))}
      {findings.length > MAX_SHOWN && <li className="k-import-more">and {findings.length - MAX_SHOWN} more</li>}
    </ul>
  );
}
