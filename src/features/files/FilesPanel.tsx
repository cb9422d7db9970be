/** The Files panel: the files directory that `local:`, `contents_local`, `ssh_authorized_keys_local` and `trees` read from. */
import { useEffect, useRef, useState, type DragEvent } from "react";
import { formatBytes } from "../../lib/format.ts";
import { notify, useStudioStore } from "../../store/store.ts";
import type { WireFile } from "../../worker/protocol.ts";
import { clearAttach, useFixUi } from "../quick-fixes/fix-ui.ts";
import { addFiles, attachAt, EXEC_MODE, readDropped, readPicked, removeAllFiles, removeFile, renameFile, setExecutable } from "./files.ts";

/** A quick fix's request: the config reads a file (or folder) the panel does not have yet. */
function AttachRequest() {
  const request = useFixUi((s) => s.attach);
  const input = useRef<HTMLInputElement>(null);
  const box = useRef<HTMLDivElement>(null);
  const present = useStudioStore((s) => (request ? s.files.some((f) => f.path === request.path || f.path.startsWith(request.path + "/")) : false));
  useEffect(() => {
    if (request) box.current?.focus();
  }, [request]);
  if (!request) return null;
  const pick = (list: FileList) =>
    void readPicked(list).then(
      (picked) => attachAt(request.path, picked, request.folder),
      (e: unknown) => notify({ id: "files-read", kind: "error", text: `Could not read the files: ${String(e)}` }),
    );
  return (
    <div ref={box} tabIndex={-1} className={`k-banner ${present ? "k-banner-info" : "k-banner-warning"} k-attach-request`} data-testid="attach-request">
      <span className="k-banner-text">
        {present ? (
          <>
            Added <code>{request.path}</code>.
          </>
        ) : (
          <>
            The config reads <code>{request.path}</code>
            {request.folder ? " (a folder)" : ""} from the files directory: choose the {request.folder ? "folder" : "file"} to add at that path.
          </>
        )}
      </span>
      <span className="k-banner-actions">
        {!present && (
          <button type="button" className="k-btn k-btn-small k-btn-primary" onClick={() => input.current?.click()}>
            Choose {request.folder ? "folder" : "file"}…
          </button>
        )}
        <button type="button" className="k-btn k-btn-small k-btn-quiet" aria-label="Dismiss" onClick={clearAttach}>
          ✕
        </button>
      </span>
      <input
        ref={input}
        type="file"
        hidden
        data-testid="attach-input"
        {...(request.folder ? { webkitdirectory: "", directory: "" } : {})}
        onChange={(e) => {
          if (e.target.files) pick(e.target.files);
          e.target.value = "";
        }}
      />
    </div>
  );
}

function FileRow({ file }: { file: WireFile }) {
  const [draft, setDraft] = useState(file.path);
  const [invalid, setInvalid] = useState(false);
  const commit = () => {
    if (draft === file.path) return;
    const ok = renameFile(file.path, draft);
    setInvalid(!ok);
    if (!ok) setDraft(file.path);
  };
  return (
    <li className="k-file-row">
      <input
        className="k-file-path"
        aria-label={`Path of ${file.path}`}
        aria-invalid={invalid || undefined}
        value={draft}
        spellCheck={false}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === "Enter") commit();
          if (e.key === "Escape") setDraft(file.path);
        }}
      />
      <span className="k-file-size">{formatBytes(file.data.byteLength)}</span>
      <label className="k-file-exec" title="Mode 0755 instead of 0644 (used by trees)">
        <input type="checkbox" checked={file.mode === EXEC_MODE} onChange={(e) => setExecutable(file.path, e.target.checked)} />
        executable
      </label>
      <button type="button" className="k-btn k-btn-quiet" aria-label={`Remove ${file.path}`} onClick={() => removeFile(file.path)}>
        Remove
      </button>
    </li>
  );
}

export function FilesPanel() {
  const files = useStudioStore((s) => s.files);
  const filesInput = useRef<HTMLInputElement>(null);
  const folderInput = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);

  const add = (p: Promise<WireFile[]>) =>
    void p.then(addFiles, (e: unknown) => notify({ id: "files-read", kind: "error", text: `Could not read the files: ${String(e)}` }));

  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    e.stopPropagation();
    setOver(false);
    add(readDropped(e.dataTransfer));
  };

  return (
    <div
      className={`k-files-panel${over ? " is-drop-target" : ""}`}
      data-testid="files-panel"
      onDragOver={(e) => {
        if (!e.dataTransfer.types.includes("Files")) return;
        e.preventDefault();
        e.stopPropagation();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={onDrop}
    >
      <AttachRequest />
      <div className="k-files-intro">
        <p>
          These files act as Butane's <code>--files-dir</code>: reference them by relative path with <code>local:</code>, <code>contents_local</code>,{" "}
          <code>ssh_authorized_keys_local</code> or <code>trees</code>. They stay in this browser and are not part of share links.
        </p>
        <div className="k-files-actions">
          <button type="button" className="k-btn" onClick={() => filesInput.current?.click()}>
            Add files…
          </button>
          <button type="button" className="k-btn" onClick={() => folderInput.current?.click()}>
            Add folder…
          </button>
          {files.length > 0 && (
            <button type="button" className="k-btn k-btn-quiet" onClick={removeAllFiles}>
              Remove all
            </button>
          )}
        </div>
        <input
          ref={filesInput}
          type="file"
          multiple
          hidden
          data-testid="files-input"
          onChange={(e) => {
            if (e.target.files) add(readPicked(e.target.files));
            e.target.value = "";
          }}
        />
        <input
          ref={folderInput}
          type="file"
          hidden
          data-testid="folder-input"
          {...{ webkitdirectory: "", directory: "" }}
          onChange={(e) => {
            if (e.target.files) add(readPicked(e.target.files));
            e.target.value = "";
          }}
        />
      </div>
      {files.length === 0 ? (
        <p className="k-files-empty">No files yet. Add some, or drop files or a folder here (a folder's contents become the files directory).</p>
      ) : (
        <ul className="k-file-list" aria-label="Files directory">
          {files.map((f) => (
            <FileRow key={f.path} file={f} />
          ))}
        </ul>
      )}
    </div>
  );
}
