/**
 * The forms' worker: ajv compiles Butane's JSON Schema here (the page's CSP forbids ajv's code
 * generation on the main thread) and SHA-512 crypt runs here (5000 rounds would block a frame).
 */
import Ajv, { type ErrorObject, type ValidateFunction } from "ajv";
import { sha512Crypt } from "../../lib/crypt/sha512-crypt.ts";
import type { FromFormsWorker, SchemaProblem, ToFormsWorker } from "./forms-protocol.ts";

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

const toPath = (pointer: string) =>
  pointer
    .split("/")
    .slice(1)
    .map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));

/** ajv's errors as field problems: nullable `anyOf` noise dropped, missing and unknown keys named. */
export function problemsOf(errors: readonly ErrorObject[]): SchemaProblem[] {
  const out: SchemaProblem[] = [];
  for (const e of errors) {
    if (e.keyword === "anyOf" || e.keyword === "if") continue;
    if (e.keyword === "type" && (e.params as { type?: string }).type === "null") continue;
    const path = toPath(e.instancePath);
    if (e.keyword === "required") {
      const key = (e.params as { missingProperty: string }).missingProperty;
      out.push({ path: [...path, key], message: `${key} is required` });
    } else if (e.keyword === "additionalProperties") {
      const key = (e.params as { additionalProperty: string }).additionalProperty;
      out.push({ path: [...path, key], message: `unknown key "${key}" for this spec version` });
    } else if (e.keyword === "enum") {
      out.push({ path, message: `must be one of: ${((e.params as { allowedValues: unknown[] }).allowedValues).map(String).join(", ")}` });
    } else {
      out.push({ path, message: e.message ?? e.keyword });
    }
  }
  return out;
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
