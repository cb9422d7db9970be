/**
 * IndexedDB in a few promises: a database opened on first use (and again after a failed open),
 * a request's result, a write transaction's commit. The studio keeps one database per purpose
 * (files, draft backup, project), so none waits on another's version upgrade.
 */

/** A getter for database `name`, created by `upgrade` (version 1); null when the browser has no IndexedDB. */
export function idbDatabase(name: string, upgrade: (db: IDBDatabase) => void): (() => Promise<IDBDatabase>) | null {
  if (typeof indexedDB === "undefined") return null;
  let db: Promise<IDBDatabase> | null = null;
  const open = () =>
    new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open(name, 1);
      req.onupgradeneeded = () => upgrade(req.result);
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error ?? new Error("IndexedDB is not available"));
      req.onblocked = () => reject(new Error("IndexedDB is blocked by another tab"));
    });
  return () =>
    (db ??= open().catch((e: unknown) => {
      db = null;
      throw e;
    }));
}

/** The result of `req`. */
export function idbRequest<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error("IndexedDB request failed"));
  });
}

/** Resolves when a write transaction has committed (a put is only safe once it has). */
export function idbCommitted(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error ?? new Error("IndexedDB write failed"));
    tx.onabort = () => reject(tx.error ?? new Error("IndexedDB write was aborted"));
  });
}

/** Runs `fn` on object store `store` in a read-write transaction and waits for its commit. */
export async function idbWrite(
  getDb: () => Promise<IDBDatabase>,
  store: string,
  fn: (s: IDBObjectStore) => void,
  durability?: IDBTransactionDurability,
): Promise<void> {
  const tx = (await getDb()).transaction(store, "readwrite", durability ? { durability } : undefined);
  fn(tx.objectStore(store));
  await idbCommitted(tx);
}
