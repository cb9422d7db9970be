/** The main-thread side of the import worker, started on first use. */
import type { ImportOptions, ImportResult } from "../../import/types.ts";
import type { Port } from "../../lib/worker-link.ts";
import { workerRpc } from "../../lib/worker-rpc.ts";
import type { FromImportWorker, ToImportWorker } from "./import-protocol.ts";

const rpc = workerRpc<ToImportWorker, FromImportWorker>({
  spawn: () => new Worker(new URL("./import.worker.ts", import.meta.url), { type: "module" }) as unknown as Port<ToImportWorker, FromImportWorker>,
  onCrash: (id) => ({ type: "failed", id, message: "the import worker stopped" }),
  texts: { crashed: "The import worker failed to start or crashed.", unreadable: "A message from the import worker could not be read." },
});
let nextId = 1;

/** Imports `text` as Butane in the worker. */
export async function importInWorker(text: string, options: ImportOptions): Promise<ImportResult> {
  const r = await rpc.send({ type: "import", id: nextId++, text, options });
  if (r.type === "failed") return { ok: false, error: `the import failed unexpectedly: ${r.message}`, findings: [] };
  return r.result;
}
