/**
 * The open project's autosave: every change goes to localStorage at once (synchronously, before
 * the worker hears of it), a keystroke as a small journal entry of the file it changed
 * (project-journal.ts), folded into that file's snapshot when the user pauses. When localStorage
 * is full the project goes to IndexedDB instead (whole, the latest state only, one write at a
 * time). The folder it came from is kept as a FileSystemDirectoryHandle in IndexedDB, to write back
 * to after a reload (the browser asks for permission again).
 */
import { idbDatabase, idbRequest, idbWrite } from "../../lib/idb.ts";
import type { Project } from "../../store/project-model.ts";
import { SaveState, setSaved } from "../../store/store.ts";
import { createProjectStore, type ProjectStore } from "./project-journal.ts";

/** Journals are folded into snapshots after this long without a change. */
const COMPACT_AFTER_MS = 2000;

interface Stored {
  v: 1;
  project: Project;
  savedAt: number;
}

/** Where the project goes when localStorage is full (IndexedDB; a map in tests). */
export interface ProjectBackup {
  put(value: Stored | undefined): Promise<void>;
  get(): Promise<unknown>;
}

export interface ProjectPersistence {
  /** Stores `project` (null: the project was closed, forget it). */
  save(project: Project | null): void;
  /** The user paused: journals become snapshots. */
  compact(): void;
  /** The project in localStorage, if any. */
  load(): Project | null;
  /** The project in the backup, if any. */
  loadBackup(): Promise<Project | null>;
  /** Resolves once the backup writes asked for so far have finished (tests). */
  settled(): Promise<void>;
}

function parseStored(v: unknown): Stored | null {
  const s = v as Partial<Stored> | null;
  const p = s?.project;
  const isFile = (f: unknown) =>
    typeof f === "object" && f !== null && typeof (f as { name?: unknown }).name === "string" && typeof (f as { text?: unknown }).text === "string";
  const ok =
    typeof s === "object" &&
    s !== null &&
    s.v === 1 &&
    typeof s.savedAt === "number" &&
    typeof p === "object" &&
    isFile(p.main) &&
    Array.isArray(p.snippets) &&
    p.snippets.every(isFile) &&
    (p.hosts === null || isFile(p.hosts)) &&
    typeof p.active === "string";
  return ok ? (s as Stored) : null;
}

export function createProjectPersistence(deps: {
  store: ProjectStore;
  backup: ProjectBackup | null;
  onSaved?: (state: SaveState) => void;
  now?: () => number;
  compactAfterMs?: number;
}): ProjectPersistence {
  const { store, backup, onSaved = setSaved, now = Date.now, compactAfterMs = COMPACT_AFTER_MS } = deps;
  /** The project lives in the backup (localStorage was full): later changes go there too. */
  let backedUp = false;
  /** The backup may hold an older project (one was read from it or written to it). */
  let backupUsed = false;
  let timer: ReturnType<typeof setTimeout> | undefined;

  // Backup writes one at a time, the latest value only: a slow older write never lands after a
  // newer one, and typing while one runs does not queue a copy of the project per keystroke.
  let queued: { value: Stored | undefined } | null = null;
  let running: Promise<boolean> | null = null;
  const writeBackup = (value: Stored | undefined): Promise<boolean> => {
    queued = { value };
    running ??= (async () => {
      let ok = true;
      while (queued) {
        const next = queued.value;
        queued = null;
        ok = await backup!.put(next).then(
          () => true,
          () => false,
        );
      }
      running = null;
      return ok;
    })();
    return running;
  };

  const toBackup = (project: Project) => {
    backedUp = backupUsed = true;
    onSaved(SaveState.Saving);
    void writeBackup({ v: 1, project, savedAt: now() }).then((ok) => {
      if (backedUp) onSaved(ok ? SaveState.Backup : SaveState.Unsaved);
    });
  };

  const compact = () => {
    clearTimeout(timer);
    if (!backedUp) store.compact();
  };

  return {
    save(project) {
      clearTimeout(timer);
      if (project === null) {
        store.clear();
        if (backupUsed && backup) void writeBackup(undefined);
        backedUp = backupUsed = false;
        return;
      }
      if (backedUp) return toBackup(project);
      const r = store.save(project);
      if (r.ok) {
        onSaved(SaveState.Local);
        // The copy in the backup is older than this one.
        if (backupUsed && backup) {
          backupUsed = false;
          void writeBackup(undefined);
        }
        timer = setTimeout(compact, compactAfterMs);
        return;
      }
      if (!r.quota || !backup) return onSaved(SaveState.Unsaved);
      // localStorage is full: the copy there is stale, so it goes; the backup takes the project.
      store.clear();
      toBackup(project);
    },
    compact,
    load: () => store.load(),
    async loadBackup() {
      if (!backup) return null;
      try {
        const p = parseStored(await backup.get())?.project ?? null;
        if (p) backupUsed = true;
        return p;
      } catch {
        return null;
      }
    },
    async settled() {
      while (running) await running;
    },
  };
}

const STATE = "state";
const getDb = idbDatabase("kindling-project", (db) => db.createObjectStore(STATE));

async function idbGet(key: string): Promise<unknown> {
  if (!getDb) return undefined;
  return idbRequest((await getDb()).transaction(STATE, "readonly").objectStore(STATE).get(key));
}

async function idbPut(key: string, value: unknown): Promise<void> {
  if (!getDb) return;
  await idbWrite(getDb, STATE, (s) => (value === undefined ? s.delete(key) : s.put(value, key)));
}

let persistence: ProjectPersistence | null = null;
const get = () =>
  (persistence ??= createProjectPersistence({
    store: createProjectStore(localStorage),
    backup: getDb ? { put: (value) => idbPut("project", value), get: () => idbGet("project") } : null,
  }));

/** Stores `project` (null: the project was closed, forget it). */
export function saveProject(project: Project | null): void {
  try {
    get().save(project);
  } catch {
    // No localStorage at all (blocked by the browser's settings).
    if (project) setSaved(SaveState.Unsaved);
  }
}

/** The project kept in localStorage, if any (read synchronously at start). */
export function loadStoredProject(): Project | null {
  try {
    return get().load();
  } catch {
    return null;
  }
}

/** The project kept in IndexedDB (when localStorage was full), if any. */
export function loadBackedUpProject(): Promise<Project | null> {
  return get().loadBackup();
}

/** Keeps the folder the project is saved to (null: none). */
export async function storeFolderHandle(handle: FileSystemDirectoryHandle | null): Promise<void> {
  await idbPut("folder", handle ?? undefined).catch(() => {});
}

export async function loadFolderHandle(): Promise<FileSystemDirectoryHandle | null> {
  try {
    const h = await idbGet("folder");
    return h && typeof h === "object" && (h as FileSystemHandle).kind === "directory" ? (h as FileSystemDirectoryHandle) : null;
  } catch {
    return null;
  }
}
