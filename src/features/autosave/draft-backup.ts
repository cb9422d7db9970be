/**
 * The drafts' second store: IndexedDB, used when localStorage is full. Its own database, so the
 * Files panel's database (files-db.ts) and this one never wait on each other's version upgrades;
 * the browser gives IndexedDB far more room than localStorage's few megabytes.
 */
import { idbDatabase, idbRequest, idbWrite } from "../../lib/idb.ts";
import type { Draft } from "./drafts.ts";

/** Where drafts go when localStorage cannot take them. */
export interface DraftBackup {
  put(draft: Draft): Promise<void>;
  remove(id: string): Promise<void>;
  /** Every backed-up draft (any order). */
  all(): Promise<Draft[]>;
}

const STORE = "drafts";

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
  const getDb = idbDatabase("kindling-drafts", (db) => db.createObjectStore(STORE, { keyPath: "id" }));
  if (!getDb) return null;
  const write = (fn: (store: IDBObjectStore) => void) => idbWrite(getDb, STORE, fn, "strict");
  return {
    put: (draft) => write((s) => s.put({ v: 1, id: draft.id, source: draft.source, fileName: draft.fileName, savedAt: draft.savedAt } satisfies Draft)),
    remove: (id) => write((s) => s.delete(id)),
    async all() {
      const rows = await idbRequest((await getDb()).transaction(STORE, "readonly").objectStore(STORE).getAll());
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
