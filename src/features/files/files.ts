/**
 * Actions of the Files panel: add, rename, remove files; read picked or dropped files and folders;
 * keep IndexedDB in step with the store.
 */
import { isQuotaError } from "../../lib/storage-errors.ts";
import { dismissNotice, notify, setFiles, useStudioStore } from "../../store/store.ts";
import { cleanRelPath } from "../../worker/files-provider.ts";
import type { WireFile } from "../../worker/protocol.ts";
import { loadStoredFiles, storeFiles } from "./files-db.ts";

export const DEFAULT_MODE = 0o644;
export const EXEC_MODE = 0o755;

/** Adds files, replacing ones with the same path. */
export function addFiles(added: readonly WireFile[]): void {
  const byPath = new Map(useStudioStore.getState().files.map((f) => [f.path, f]));
  for (const f of added) {
    const path = cleanRelPath(f.path);
    if (path && !path.split("/").includes("..")) byPath.set(path, { ...f, path });
  }
  setFiles([...byPath.values()]);
}

export function removeFile(path: string): void {
  setFiles(useStudioStore.getState().files.filter((f) => f.path !== path));
}

export function removeAllFiles(): void {
  setFiles([]);
}

/** Moves a file to a new relative path; false when the path is invalid or taken. */
export function renameFile(from: string, to: string): boolean {
  const path = cleanRelPath(to);
  const files = useStudioStore.getState().files;
  if (!path || path.split("/").includes("..") || files.some((f) => f.path === path && f.path !== from)) return false;
  setFiles(files.map((f) => (f.path === from ? { ...f, path } : f)));
  return true;
}

export function setExecutable(path: string, executable: boolean): void {
  setFiles(useStudioStore.getState().files.map((f) => (f.path === path ? { ...f, mode: executable ? EXEC_MODE : DEFAULT_MODE } : f)));
}

/** Drops the first folder level: a picked or dropped folder acts as the files directory itself. */
function underPickedFolder(relPath: string): string {
  const parts = cleanRelPath(relPath).split("/");
  return parts.length > 1 ? parts.slice(1).join("/") : parts.join("/");
}

async function toWire(file: File, path: string): Promise<WireFile> {
  return { path, data: new Uint8Array(await file.arrayBuffer()), mode: DEFAULT_MODE };
}

/** Reads files from an `<input type=file>` (with or without webkitdirectory). */
export function readPicked(list: FileList | readonly File[]): Promise<WireFile[]> {
  return Promise.all([...list].map((f) => toWire(f, f.webkitRelativePath ? underPickedFolder(f.webkitRelativePath) : f.name)));
}

function readEntry(entry: FileSystemEntry): Promise<{ file: File; path: string }[]> {
  if (entry.isFile) {
    return new Promise((resolve, reject) => (entry as FileSystemFileEntry).file((file) => resolve([{ file, path: entry.fullPath }]), reject));
  }
  if (!entry.isDirectory) return Promise.resolve([]);
  const reader = (entry as FileSystemDirectoryEntry).createReader();
  // readEntries returns batches until an empty one.
  const readAll = async (acc: FileSystemEntry[] = []): Promise<FileSystemEntry[]> => {
    const batch = await new Promise<FileSystemEntry[]>((resolve, reject) => reader.readEntries(resolve, reject));
    return batch.length === 0 ? acc : readAll([...acc, ...batch]);
  };
  return readAll().then(async (children) => (await Promise.all(children.map(readEntry))).flat());
}

/** Reads dropped files and folders (folders recursively; a dropped folder acts as the files directory). */
export async function readDropped(dt: DataTransfer): Promise<WireFile[]> {
  const entries = [...dt.items].flatMap((item) => {
    const e = item.kind === "file" ? item.webkitGetAsEntry() : null;
    return e ? [e] : [];
  });
  if (entries.length === 0) return readPicked(dt.files);
  const found = (await Promise.all(entries.map(readEntry))).flat();
  return Promise.all(found.map(({ file, path }) => toWire(file, entries.some((e) => e.isDirectory) ? underPickedFolder(path) : path)));
}

/** Loads the stored files into the store, then writes every later change back. */
export async function startFilesPersistence(): Promise<void> {
  try {
    const stored = await loadStoredFiles();
    if (stored.length > 0) setFiles(stored);
  } catch (e) {
    notify({ id: "files-db", kind: "warning", text: `Stored files could not be loaded: ${String(e)}` });
  }
  let writing = Promise.resolve();
  useStudioStore.subscribe((s, prev) => {
    if (s.files === prev.files) return;
    const files = s.files;
    writing = writing.then(() =>
      storeFiles(files).then(
        () => dismissNotice("files-db"),
        (e: unknown) => {
          const quota = isQuotaError(e);
          notify({
            id: "files-db",
            kind: "error",
            text: quota
              ? "Your browser's storage for this site is full: the Files panel works for now but will be empty after a reload. Remove large files to fix this."
              : `The files could not be saved in this browser: ${String(e)}`,
          });
        },
      ),
    );
  });
}

/**
 * Adds picked files where the config expects them: one file at `path`, or a folder's contents
 * under `path` (for `trees`).
 */
export function attachAt(path: string, picked: readonly WireFile[], folder: boolean): void {
  const first = picked[0];
  if (!first) return;
  addFiles(folder ? picked.map((f) => ({ ...f, path: `${path}/${f.path}` })) : [{ ...first, path }]);
}
