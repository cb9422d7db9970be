/**
 * The pointer-config remedy for an output too big for user data: the user says where the full
 * config will be hosted; the dialog makes the pointer config (ignition.config.replace + SHA-512)
 * and downloads both files. It also offers moving the largest embedded file to a remote source.
 */
import { useEffect, useMemo, useRef, useState } from "react";
import { gunzipSync } from "fflate";
import { embeddedFiles } from "../../transpiler/lint/size-meter.ts";
import { findPlatform } from "../../transpiler/lint/platforms.ts";
import { decodeDataUrl } from "../../transpiler/ignition/dataurl.ts";
import { downloadBytes, downloadText } from "../../lib/download-file.ts";
import { outputFileName } from "../output/download-name.ts";
import { useStudioStore } from "../../store/store.ts";
import { closePointerDialog } from "./dialog-state.ts";
import { pointerFiles, remoteFileContents } from "./pointer-files.ts";

const kib = (n: number) => `${(n / 1024).toFixed(1)} KiB`;

export default function PointerDialog() {
  const ref = useRef<HTMLDialogElement>(null);
  // The dialog works on the output as it was when opened.
  const [{ result, fileName, pretty, platform }] = useState(() => useStudioStore.getState());
  const output = result?.outputFormat === "json" ? (result.output ?? null) : null;
  const ignitionVersion = result?.ignitionVersion ?? "3.0.0";
  const fullName = outputFileName(fileName, "json");
  const [url, setUrl] = useState("");
  const [fileUrl, setFileUrl] = useState("");
  const row = platform ? findPlatform(platform) : undefined;

  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
  }, []);

  const built = useMemo(
    () => (output !== null && url.trim() !== "" ? pointerFiles(output, url, ignitionVersion, fullName, pretty) : null),
    [output, url, ignitionVersion, fullName, pretty],
  );
  const largest = useMemo(() => (result?.config ? embeddedFiles(result.config)[0] : undefined), [result]);
  // The file's own bytes (decompressed: Ignition's hash describes the decompressed contents).
  const largestBytes = useMemo(() => {
    if (!largest || !result?.config) return null;
    const contents = (result.config as { storage: { files: { contents: { source: string; compression?: string } }[] } }).storage.files[largest.index]?.contents;
    const bytes = contents ? decodeDataUrl(contents.source) : null;
    if (!bytes) return null;
    try {
      return contents?.compression === "gzip" ? gunzipSync(bytes) : bytes;
    } catch {
      return null;
    }
  }, [largest, result]);
  const remote = largestBytes && fileUrl.trim() !== "" ? remoteFileContents(largestBytes, fileUrl) : null;

  const downloadBoth = () => {
    if (!built?.ok) return;
    downloadText(built.files.full.name, built.files.full.text, "application/json");
    downloadText(built.files.pointer.name, built.files.pointer.text, "application/json");
  };

  return (
    <dialog ref={ref} className="k-dialog" aria-labelledby="pointer-title" onClose={closePointerDialog} data-testid="pointer-dialog">
      <h2 id="pointer-title">Too big for user data: use a pointer config</h2>
      {output === null ? (
        <p className="k-dialog-note">There is no Ignition output to host: fix the config's errors first.</p>
      ) : (
        <>
          <p className="k-dialog-note">
            Host the full config ({kib(new TextEncoder().encode(output).length)}) at a URL the machine can reach, and pass the small pointer config as user data
            {row ? ` on ${row.label}` : ""}. At boot Ignition fetches the full config and uses it only if its SHA-512 matches.
          </p>
          <label className="k-pointer-form">
            <span>URL where the full config will be hosted</span>
            <input type="url" value={url} placeholder="https://example.com/config.ign" onChange={(e) => setUrl(e.target.value)} data-testid="pointer-url" />
          </label>
          {built && !built.ok && (
            <p className="k-pointer-error" role="alert">
              {built.error}
            </p>
          )}
          {built?.ok && (
            <>
              <p className="k-dialog-note">
                Pointer config, {new TextEncoder().encode(built.files.pointer.text).length} bytes
                {row?.limit ? ` (the limit is ${kib(row.limit)})` : ""}; full config sha512-{built.files.sha512.slice(0, 16)}…
              </p>
              <pre className="k-pointer-preview" data-testid="pointer-preview">
                {built.files.pointer.text}
              </pre>
            </>
          )}
          {largest && (
            <div className="k-pointer-section">
              <p className="k-dialog-note">
                Or move the largest embedded file, <code>{largest.path}</code> ({kib(largest.bytes)} of the output), to a remote source: host its bytes and
                replace its <code>contents</code> with the snippet below.
              </p>
              <label className="k-pointer-form">
                <span>URL where {largest.path} will be hosted</span>
                <input type="url" value={fileUrl} placeholder="https://example.com/file" onChange={(e) => setFileUrl(e.target.value)} />
              </label>
              {remote && !remote.ok && <p className="k-pointer-error">{remote.error}</p>}
              {remote?.ok && <pre className="k-pointer-preview">{remote.yaml}</pre>}
              {largestBytes && (
                <button type="button" className="k-btn" onClick={() => downloadBytes(largest.path.split("/").pop() || "file", largestBytes)}>
                  Download {largest.path.split("/").pop()}
                </button>
              )}
            </div>
          )}
        </>
      )}
      <div className="k-dialog-buttons">
        <button type="button" className="k-btn k-btn-primary" disabled={!built?.ok} onClick={downloadBoth}>
          Download both files
        </button>
        <button type="button" className="k-btn" onClick={() => ref.current?.close()}>
          Close
        </button>
      </div>
    </dialog>
  );
}
