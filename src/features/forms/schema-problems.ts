/** ajv's errors for the Butane schema, as problems of form fields. */
import type { ErrorObject } from "ajv";
import type { SchemaProblem } from "./forms-protocol.ts";

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
      // Optional fields are nullable in the schema; "null" is not a value to offer.
      const values = (e.params as { allowedValues: unknown[] }).allowedValues.filter((v) => v !== null);
      out.push({ path, message: `must be one of: ${values.map(String).join(", ")}` });
    } else if (e.keyword === "type") {
      const t = (e.params as { type: string | string[] }).type;
      const types = (Array.isArray(t) ? t : t.split(",")).filter((x) => x !== "null");
      out.push({ path, message: `must be ${types.join(" or ")}` });
    } else {
      out.push({ path, message: e.message ?? e.keyword });
    }
  }
  return out;
}
