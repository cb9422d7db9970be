/**
 * The open project's autosave: every change goes to localStorage at once (synchronously, before
 * the worker hears of it); when localStorage is full, to IndexedDB. The folder it came from is
 * kept as a FileSystemDirectoryHandle in IndexedDB, to write back to after a reload (the browser
 * asks for permission again).
 */
import { isQuotaError } from "../../lib/storage-errors.ts";
import type { Project } from "../../store/project-model.ts";
import { SaveState, setSaved } from "../../store/store.ts";

export const PROJECT_KEY = "kindling.project.v1";
const DB_NAME = "kindling-project";
const STATE = "state";

interface Stored {
  v: 1;
  project: Project;
  savedAt: number;
}

function isProject(v: unknown): v is Project {
  const p = v as Partial<Project> | null;
  const isFile = (f: unknown) =>
    typeof f === "object" && f !== null && typeof (f as { name?: unknown }).name === "string" && typeof (f as { text?: unknown }).text === "string";
  return (
    typeof p === "object" &&
    p !== null &&
    isFile(p.main) &&
    Array.isArray(p.snippets) &&
    p.snippets.every(isFile) &&
    (p.hosts === null || isFile(p.hosts)) &&
    typeof p.active === "string"
  );
}

function parseStored(v: unknown): Stored | null {
  const s = v as Partial<Stored> | null;
  return typeof s === "object" && s !== null && s.v === 1 && isProject(s.project) && typeof s.savedAt === "number" ? (s as Stored) : null;
}

function openDb(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(DB_NAME, 1);
    req.onupgradeneeded = () => req.result.createObjectStore(STATE);
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error("IndexedDB is not available"));
    req.onblocked = () => reject(new Error("IndexedDB is blocked by another tab"));
  });
}

let db: Promise<IDBDatabase> | null = null;
const getDb = () =>
  (db ??= openDb().catch((e: unknown) => {
    db = null;
    throw e;
  }));

async function idbPut(key: string, value: unknown): Promise<void> {
  const d = await getDb();
  await new Promise<void>((resolve, reject) => {
    const tx = d.transaction(STATE, "readwrite");
    if (value === undefined) tx.objectStore(STATE).delete(key);
    else tx.objectStore(STATE).put(value, key);
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error ?? new Error("IndexedDB write failed"));
    tx.onabort = () => reject(tx.error ?? new Error("IndexedDB write was aborted"));
  });
}

async function idbGet(key: string): Promise<unknown> {
  const d = await getDb();
  return new Promise((resolve, reject) => {
    const req = d.transaction(STATE, "readonly").objectStore(STATE).get(key);
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error("IndexedDB read failed"));
  });
}

// Backup writes in order: a slow older write never lands after a newer one.
let backupChain: Promise<void> = Promise.resolve();
const backup = (value: Stored | undefined) => {
  backupChain = backupChain.then(() => idbPut("project", value)).catch(() => {});
  return backupChain;
};

let backedUp = false;

/** Stores `project` (null: the project was closed, forget it). */
export function saveProject(project: Project | null): void {
  if (project === null) {
    localStorage.removeItem(PROJECT_KEY);
    if (backedUp && typeof indexedDB !== "undefined") void backup(undefined);
    backedUp = false;
    return;
  }
  const stored: Stored = { v: 1, project, savedAt: Date.now() };
  try {
    localStorage.setItem(PROJECT_KEY, JSON.stringify(stored));
    setSaved(SaveState.Local);
  } catch (e) {
    if (!isQuotaError(e) || typeof indexedDB === "undefined") {
      setSaved(SaveState.Unsaved);
      return;
    }
    // localStorage is full: the copy there is stale, so it goes; the backup takes the project.
    localStorage.removeItem(PROJECT_KEY);
    backedUp = true;
    setSaved(SaveState.Saving);
    void idbPut("project", stored).then(
      () => setSaved(SaveState.Backup),
      () => setSaved(SaveState.Unsaved),
    );
  }
}

/** The project kept in localStorage, if any (read synchronously at start). */
export function loadStoredProject(): Project | null {
  try {
    const raw = localStorage.getItem(PROJECT_KEY);
    return raw ? (parseStored(JSON.parse(raw))?.project ?? null) : null;
  } catch {
    return null;
  }
}

/** The project kept in IndexedDB (when localStorage was full), if any. */
export async function loadBackedUpProject(): Promise<Project | null> {
  if (typeof indexedDB === "undefined") return null;
  try {
    const p = parseStored(await idbGet("project"))?.project ?? null;
    if (p) backedUp = true;
    return p;
  } catch {
    return null;
  }
}

/** Keeps the folder the project is saved to (null: none). */
export async function storeFolderHandle(handle: FileSystemDirectoryHandle | null): Promise<void> {
  if (typeof indexedDB === "undefined") return;
  await idbPut("folder", handle ?? undefined).catch(() => {});
}

export async function loadFolderHandle(): Promise<FileSystemDirectoryHandle | null> {
  if (typeof indexedDB === "undefined") return null;
  try {
    const h = await idbGet("folder");
    return h && typeof h === "object" && (h as FileSystemHandle).kind === "directory" ? (h as FileSystemDirectoryHandle) : null;
  } catch {
    return null;
  }
}
