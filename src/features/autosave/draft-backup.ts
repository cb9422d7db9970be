/**
 * The drafts' second store: IndexedDB, used when localStorage is full. Its own database, so the
 * Files panel's database (files-db.ts) and this one never wait on each other's version upgrades;
 * the browser gives IndexedDB far more room than localStorage's few megabytes.
 */
import type { Draft } from "./drafts.ts";

/** Where drafts go when localStorage cannot take them. */
export interface DraftBackup {
  put(draft: Draft): Promise<void>;
  remove(id: string): Promise<void>;
  /** Every backed-up draft (any order). */
  all(): Promise<Draft[]>;
}

const DB_NAME = "kindling-drafts";
const STORE = "drafts";

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error("IndexedDB request failed"));
  });
}

function openDb(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(DB_NAME, 1);
    req.onupgradeneeded = () => req.result.createObjectStore(STORE, { keyPath: "id" });
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error("IndexedDB is not available"));
    req.onblocked = () => reject(new Error("IndexedDB is blocked by another tab"));
  });
}

/** Resolves when a write transaction has committed (a put is only safe once it has). */
function committed(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error ?? new Error("IndexedDB write failed"));
    tx.onabort = () => reject(tx.error ?? new Error("IndexedDB write was aborted"));
  });
}

function isDraft(v: unknown): v is Draft {
  const d = v as Partial<Draft> | null;
  return (
    typeof d === "object" &&
    d !== null &&
    d.v === 1 &&
    typeof d.id === "string" &&
    typeof d.source === "string" &&
    (d.fileName === null || typeof d.fileName === "string") &&
    typeof d.savedAt === "number"
  );
}

/** The IndexedDB backup, or null when this browser has no IndexedDB. */
export function createIndexedDbBackup(): DraftBackup | null {
  if (typeof indexedDB === "undefined") return null;
  let db: Promise<IDBDatabase> | null = null;
  const getDb = () =>
    (db ??= openDb().catch((e: unknown) => {
      db = null;
      throw e;
    }));
  const write = async (fn: (store: IDBObjectStore) => void) => {
    const tx = (await getDb()).transaction(STORE, "readwrite", { durability: "strict" });
    fn(tx.objectStore(STORE));
    await committed(tx);
  };
  return {
    put: (draft) => write((s) => s.put({ v: 1, id: draft.id, source: draft.source, fileName: draft.fileName, savedAt: draft.savedAt } satisfies Draft)),
    remove: (id) => write((s) => s.delete(id)),
    async all() {
      const rows = await request((await getDb()).transaction(STORE, "readonly").objectStore(STORE).getAll());
      return (rows as unknown[]).filter(isDraft);
    },
  };
}

/** A backup in memory (tests, and browsers that block storage). */
export function createMemoryBackup(): DraftBackup & { map: Map<string, Draft>; failing: boolean } {
  const map = new Map<string, Draft>();
  const backup = {
    map,
    failing: false,
    put(draft: Draft) {
      if (backup.failing) return Promise.reject(new DOMException("full", "QuotaExceededError"));
      map.set(draft.id, { ...draft });
      return Promise.resolve();
    },
    remove(id: string) {
      map.delete(id);
      return Promise.resolve();
    },
    all: () => Promise.resolve([...map.values()].map((d) => ({ ...d }))),
  };
  return backup;
}
