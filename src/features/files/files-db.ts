/** The Files panel's files, kept in IndexedDB (binary-safe, larger than localStorage allows). */
import type { WireFile } from "../../worker/protocol.ts";

const DB_NAME = "kindling";
const STORE = "files";

function openDb(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(DB_NAME, 1);
    req.onupgradeneeded = () => req.result.createObjectStore(STORE, { keyPath: "path" });
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

/** Every stored file. */
export async function loadStoredFiles(): Promise<WireFile[]> {
  const d = await getDb();
  return new Promise((resolve, reject) => {
    const req = d.transaction(STORE, "readonly").objectStore(STORE).getAll();
    req.onsuccess = () =>
      resolve(
        (req.result as Partial<WireFile>[]).flatMap((f) =>
          typeof f.path === "string" && f.data instanceof Uint8Array ? [{ path: f.path, data: f.data, mode: typeof f.mode === "number" ? f.mode : 0o644 }] : [],
        ),
      );
    req.onerror = () => reject(req.error ?? new Error("reading files failed"));
  });
}

/** Replaces the stored files with `files` in one transaction. */
export async function storeFiles(files: readonly WireFile[]): Promise<void> {
  const d = await getDb();
  return new Promise((resolve, reject) => {
    const tx = d.transaction(STORE, "readwrite");
    const store = tx.objectStore(STORE);
    store.clear();
    for (const f of files) store.put({ path: f.path, data: f.data, mode: f.mode });
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error ?? new Error("saving files failed"));
    tx.onabort = () => reject(tx.error ?? new Error("saving files was aborted"));
  });
}
