/** The main-thread side of the import worker, started on first use. */
import type { ImportOptions, ImportResult } from "../../import/types.ts";
import { workerRpc } from "../../lib/worker-rpc.ts";
import type { FromImportWorker, ToImportWorker } from "./import-protocol.ts";

const rpc = workerRpc<ToImportWorker, FromImportWorker>(
  () => new Worker(new URL("./import.worker.ts", import.meta.url), { type: "module" }),
  (id) => ({ type: "failed", id, message: "the import worker stopped" }),
);
let nextId = 1;

/** Imports `text` as Butane in the worker. */
export async function importInWorker(text: string, options: ImportOptions): Promise<ImportResult> {
  const r = await rpc.send({ type: "import", id: nextId++, text, options });
  if (r.type === "failed") return { ok: false, error: `the import failed unexpectedly: ${r.message}`, findings: [] };
  return r.result;
}
