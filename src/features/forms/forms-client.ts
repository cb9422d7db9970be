/** The main-thread side of the forms worker, started on first use (with a watchdog: lib/worker-rpc.ts). */
import { randomSalt } from "../../lib/crypt/sha512-crypt.ts";
import type { Port } from "../../lib/worker-link.ts";
import { workerRpc } from "../../lib/worker-rpc.ts";
import type { FromFormsWorker, SchemaProblem, ToFormsWorker } from "./forms-protocol.ts";

/** Longest wait for an answer (compiling a spec's schema the first time is the slow one). */
const FORMS_WATCHDOG_MS = 20_000;

const rpc = workerRpc<ToFormsWorker, FromFormsWorker>({
  spawn: () => new Worker(new URL("./forms.worker.ts", import.meta.url), { type: "module" }) as unknown as Port<ToFormsWorker, FromFormsWorker>,
  onCrash: (id) => ({ type: "failed", id, message: "the forms worker failed" }),
  texts: { crashed: "The forms worker failed to start or crashed.", unreadable: "A message from the forms worker could not be read." },
  timeoutMs: FORMS_WATCHDOG_MS,
});
const send = (msg: ToFormsWorker) => rpc.send(msg);
let nextId = 1;

/** Schema problems of `config` for `variant`/`version` (none when there is no schema). */
export async function validateConfig(variant: string, version: string, config: unknown): Promise<SchemaProblem[]> {
  const r = await send({ type: "validate", id: nextId++, variant, version, config });
  return r.type === "validated" ? r.problems : [];
}

/**
 * The SHA-512 crypt hash of `password` with a random salt, computed in the worker (as
 * `mkpasswd -m sha-512` does). The clear text is posted to the worker only; nothing keeps it.
 */
export async function hashPassword(password: string): Promise<string> {
  const r = await send({ type: "hash", id: nextId++, password, salt: randomSalt() });
  if (r.type !== "hashed") throw new Error(r.type === "failed" ? r.message : "unexpected answer");
  return r.hash;
}
