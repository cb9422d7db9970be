/** The JSON Schemas bound every Butane/Ignition int like Go's 64-bit `int`, in the text and for validators. */
import Ajv, { type ValidateFunction } from "ajv";
import { describe, expect, it } from "vitest";
import { formatJson, generatedFiles } from "./generate.ts";
import { butaneSchema, ignitionSchema, SCHEMA_KEYWORDS } from "./json-schema.ts";
import { lookupSpec } from "./variants.ts";
import { IGNITION_VERSIONS } from "./ignition.ts";
import { listSpecs } from "../versions.ts";

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

/** Every integer schema in a schema document. */
function integerSchemas(node: Json, out: { [k: string]: Json }[] = []): { [k: string]: Json }[] {
  if (Array.isArray(node)) node.forEach((n) => integerSchemas(n, out));
  else if (node !== null && typeof node === "object") {
    const t = node.type;
    if (t === "integer" || (Array.isArray(t) && t.includes("integer"))) out.push(node);
    Object.values(node).forEach((n) => integerSchemas(n, out));
  }
  return out;
}

/** The oldest and the newest version of each variant. */
const SPECS: [string, string][] = [...new Set(listSpecs().map((s) => s.variant))].flatMap((variant) => {
  const versions = listSpecs()
    .filter((s) => s.variant === variant)
    .map((s) => s.version);
  return [...new Set([versions[0]!, versions[versions.length - 1]!])].map((version): [string, string] => [variant, version]);
});

describe("Go's int range in the schemas", () => {
  it("every int that is not a mode is -2^63 ≤ n < 2^63, written with all its digits", () => {
    for (const [variant, version] of SPECS) {
      const text = formatJson(butaneSchema(lookupSpec(variant, version)!));
      const ints = integerSchemas(JSON.parse(text) as Json);
      expect(ints.length, `${variant} ${version}`).toBeGreaterThan(5);
      for (const s of ints) {
        if (s.maximum === 0o7777) continue; // modes: 0 … 07777
        expect(s).toMatchObject({ minimum: -(2 ** 63), exclusiveMaximum: 2 ** 63 });
      }
      expect(text).toContain('"minimum": -9223372036854775808,');
      expect(text).toContain('"exclusiveMaximum": 9223372036854775808');
      expect(text).not.toContain("9223372036854776000");
    }
    for (const file of generatedFiles().values()) expect(file).not.toContain("9223372036854776000");
  });

  const ajv = new Ajv({ strict: true, allowUnionTypes: true, keywords: [...SCHEMA_KEYWORDS], allErrors: true });
  const compiled = new Map<string, ValidateFunction>();
  const validator = (key: string, schema: () => object) => {
    let v = compiled.get(key);
    if (v === undefined) compiled.set(key, (v = ajv.compile(schema())));
    return v;
  };
  const check = (variant: string, version: string, doc: unknown) => validator(variant + version, () => butaneSchema(lookupSpec(variant, version)!))(doc);
  const withSize = (variant: string, version: string, n: number) =>
    check(variant, version, { variant, version, storage: { disks: [{ device: "/dev/vda", partitions: [{ size_mib: n }] }] } });

  it.each(SPECS.filter(([v]) => v !== "openshift"))("%s %s: a validator flags what overflows Go's int", (variant, version) => {
    expect(withSize(variant, version, 2 ** 53)).toBe(true);
    expect(withSize(variant, version, -(2 ** 63))).toBe(true);
    // 9223372036854775808 (2^63) and above, and below -2^63
    expect(withSize(variant, version, Number("9223372036854775808"))).toBe(false);
    expect(withSize(variant, version, 1e19)).toBe(false);
    expect(withSize(variant, version, -(2 ** 63) - 4096)).toBe(false);
  });

  it.each(IGNITION_VERSIONS)("Ignition %s: the same bounds", (v) => {
    const schema = ignitionSchema(v);
    const ints = integerSchemas(JSON.parse(JSON.stringify(schema)) as Json).filter((s) => s.maximum !== 0o7777);
    expect(ints.length).toBeGreaterThan(5);
    for (const s of ints) expect(s).toMatchObject({ minimum: -(2 ** 63), exclusiveMaximum: 2 ** 63 });
    const validate = validator(v, () => schema);
    const doc = { ignition: { version: v }, passwd: { users: [{ name: "a", uid: 2 ** 64 }] } };
    expect(validate(doc)).toBe(false);
    expect(validate({ ...doc, passwd: { users: [{ name: "a", uid: 1000 }] } })).toBe(true);
  });
});
