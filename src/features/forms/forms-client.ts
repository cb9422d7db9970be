/** The main-thread side of the forms worker, started on first use. */
import { randomSalt } from "../../lib/crypt/sha512-crypt.ts";
import { workerRpc } from "../../lib/worker-rpc.ts";
import type { FromFormsWorker, SchemaProblem, ToFormsWorker } from "./forms-protocol.ts";

const rpc = workerRpc<ToFormsWorker, FromFormsWorker>(
  () => new Worker(new URL("./forms.worker.ts", import.meta.url), { type: "module" }),
  (id) => ({ type: "failed", id, message: "the forms worker failed" }),
);
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
