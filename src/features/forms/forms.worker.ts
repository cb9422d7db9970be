/**
 * The forms' worker: ajv compiles Butane's JSON Schema here (the page's CSP forbids ajv's code
 * generation on the main thread) and SHA-512 crypt runs here (5000 rounds would block a frame).
 */
import Ajv, { type ValidateFunction } from "ajv";
import { sha512Crypt } from "../../lib/crypt/sha512-crypt.ts";
import type { FromFormsWorker, ToFormsWorker } from "./forms-protocol.ts";
import { problemsOf } from "./schema-problems.ts";

const schemas = import.meta.glob<object>("/schemas/butane/*.json", { import: "default" });
const ajv = new Ajv({ allErrors: true, strict: false, allowUnionTypes: true });
const compiled = new Map<string, Promise<ValidateFunction | null>>();

function validatorFor(variant: string, version: string): Promise<ValidateFunction | null> {
  const key = `/schemas/butane/${variant}-${version}.json`;
  let v = compiled.get(key);
  if (!v) {
    const load = schemas[key];
    v = load ? load().then((s) => ajv.compile(s)) : Promise.resolve(null);
    compiled.set(key, v);
  }
  return v;
}

self.onmessage = async (ev: MessageEvent<ToFormsWorker>) => {
  const msg = ev.data;
  const post = (m: FromFormsWorker) => self.postMessage(m);
  try {
    if (msg.type === "hash") {
      post({ type: "hashed", id: msg.id, hash: sha512Crypt(msg.password, { salt: msg.salt }) });
      return;
    }
    const validate = await validatorFor(msg.variant, msg.version);
    if (!validate || validate(msg.config)) post({ type: "validated", id: msg.id, problems: [] });
    else post({ type: "validated", id: msg.id, problems: problemsOf(validate.errors ?? []) });
  } catch (e) {
    post({ type: "failed", id: msg.id, message: e instanceof Error ? e.message : String(e) });
  }
};
