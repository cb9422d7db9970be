/** The Files panel's files, kept in IndexedDB (binary-safe, larger than localStorage allows). */
import { idbDatabase, idbRequest, idbWrite } from "../../lib/idb.ts";
import type { WireFile } from "../../worker/protocol.ts";

const STORE = "files";

const getDb = idbDatabase("kindling", (db) => db.createObjectStore(STORE, { keyPath: "path" }));
const db = () => getDb?.() ?? Promise.reject(new Error("IndexedDB is not available"));

/** Every stored file. */
export async function loadStoredFiles(): Promise<WireFile[]> {
  const rows = (await idbRequest((await db()).transaction(STORE, "readonly").objectStore(STORE).getAll())) as Partial<WireFile>[];
  return rows.flatMap((f) =>
    typeof f.path === "string" && f.data instanceof Uint8Array ? [{ path: f.path, data: f.data, mode: typeof f.mode === "number" ? f.mode : 0o644 }] : [],
  );
}

/** Replaces the stored files with `files` in one transaction. */
export async function storeFiles(files: readonly WireFile[]): Promise<void> {
  await idbWrite(db, STORE, (store) => {
    store.clear();
    for (const f of files) store.put({ path: f.path, data: f.data, mode: f.mode });
  });
}
