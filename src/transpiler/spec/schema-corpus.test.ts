/**
 * The generated JSON Schemas against upstream's behaviour, over the conformance corpus
 * (../shared/conformance, when present) and upstream's field list (../shared/reference/fields.json):
 * (a) every config Butane accepts without a diagnostic validates against its variant/version schema;
 * (b) every case tagged `wrong-type` or `unknown-key` is flagged;
 * (c) every Ignition config Butane emitted validates against its Ignition version's schema;
 * and every field path upstream has is in our schema, with the same type, and vice versa.
 *
 * The configs are read with the `yaml` package as YAML 1.1 with merge keys, which is how an editor
 * would read them; Go's yaml.v3 reads some scalars differently (`yes` into a string field is the
 * string "yes", `123` into a string field is "123", `0o644` is 420, `1.5` into an int is 1). A case
 * whose generic reading has different types than what our yaml.v3-faithful decoder makes of it is
 * skipped and counted.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { isDeepStrictEqual } from "node:util";
import Ajv, { type ValidateFunction } from "ajv";
import { describe, expect, it } from "vitest";
import { parseAllDocuments } from "yaml";
import { decodeConfig } from "../decode.ts";
import { parseYaml } from "../yaml/parse.ts";
import { butaneSchema, ignitionSchema, SCHEMA_KEYWORDS } from "./json-schema.ts";
import { structOf, type SpecDesc, type TypeDesc } from "./kit.ts";
import { lookupSpec, registry, type IgnitionVersion, type VariantSpec } from "./variants.ts";

const casesDir = fileURLToPath(new URL("../../../../shared/conformance/cases", import.meta.url));
const fieldsJson = fileURLToPath(new URL("../../../../shared/reference/fields.json", import.meta.url));

interface Case {
  id: string;
  vs: VariantSpec | undefined;
  tags: string[];
  input: string;
  code: string;
  err: string;
  out: string;
}

function loadCases(): Case[] {
  return readdirSync(casesDir)
    .sort()
    .map((id) => {
      const read = (f: string): string => readFileSync(join(casesDir, id, f), "utf8");
      const meta = JSON.parse(read("meta.json")) as { variant: string; version: string; tags: string[] };
      return {
        id,
        vs: lookupSpec(meta.variant, meta.version),
        tags: meta.tags,
        input: read("input.bu"),
        code: read("expected.code").trim(),
        err: read("expected.err"),
        out: read("expected.out"),
      };
    });
}

const ajv = new Ajv({ strict: true, allErrors: true, allowUnionTypes: true, keywords: [...SCHEMA_KEYWORDS] });
const butaneValidators = new Map<VariantSpec, ValidateFunction>();
const ignitionValidators = new Map<IgnitionVersion, ValidateFunction>();
function butaneValidator(vs: VariantSpec): ValidateFunction {
  let v = butaneValidators.get(vs);
  if (!v) butaneValidators.set(vs, (v = ajv.compile(butaneSchema(vs))));
  return v;
}
function ignitionValidator(version: IgnitionVersion): ValidateFunction {
  let v = ignitionValidators.get(version);
  if (!v) ignitionValidators.set(version, (v = ajv.compile(ignitionSchema(version))));
  return v;
}
const errorsOf = (v: ValidateFunction): string[] => (v.errors ?? []).map((e) => `${e.instancePath || "/"} ${e.message ?? ""}`);

/**
 * The generic reading of a Butane config (YAML 1.1, merge keys; the first document, as Butane
 * reads only that one), or undefined if `yaml` reports an error.
 */
function readGeneric(input: string): unknown {
  const first = parseAllDocuments(input, { version: "1.1", merge: true })[0];
  if (!first) return null;
  if (first.errors.length > 0) return undefined;
  return first.toJS();
}

/** `value` as Butane's typed decode leaves it: nulls dropped (a null map value is ""). */
function normalize(value: unknown, t: TypeDesc, spec: SpecDesc): unknown {
  if (value === null || value === undefined) return undefined;
  if (t.kind === "list" && Array.isArray(value)) {
    return value.map((x) => normalize(x, t.item, spec)).filter((x) => x !== undefined);
  }
  if (t.kind === "map" && isObject(value)) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, normalize(v, t.value, spec) ?? ""]));
  }
  if (t.kind === "ref" && isObject(value)) {
    const fields = structOf(spec, t.name).fields;
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      const f = fields.find((x) => x.key === k);
      const n = f ? normalize(v, f.type, spec) : v;
      if (n !== undefined) out[k] = n;
    }
    return out;
  }
  return value;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v) && !(v instanceof Date);

/** Whether the generic reading is what Butane reads (per our yaml.v3-faithful decoder). */
function readsIdentically(input: string, generic: unknown, vs: VariantSpec): boolean {
  const parsed = parseYaml(input);
  if (!parsed.ok) return false;
  const decoded = decodeConfig(parsed.root, vs.spec);
  if (decoded.errors.length > 0) return false;
  const normalized = normalize(generic, { kind: "ref", name: vs.spec.root }, vs.spec);
  return isDeepStrictEqual(shape(normalized), shape(decoded.value));
}

/** A value's structure with each scalar replaced by its JSON Schema type: what validation sees. */
function shape(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(shape);
  if (isObject(v)) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, shape(x)]));
  if (typeof v === "number") return Number.isInteger(v) ? "integer" : "number";
  return v instanceof Date ? "date" : typeof v;
}

describe.skipIf(!existsSync(casesDir))("schemas over the conformance corpus", () => {
  const cases = existsSync(casesDir) ? loadCases() : [];
  const valid = cases.filter((c) => c.code === "0" && c.err === "" && c.vs);

  it("(a) accept every config Butane accepts without diagnostics", () => {
    const failures: string[] = [];
    const skipped: string[] = [];
    let validated = 0;
    for (const c of valid) {
      const vs = c.vs as VariantSpec;
      const doc = readGeneric(c.input);
      if (doc === undefined || !readsIdentically(c.input, doc, vs)) {
        skipped.push(c.id);
        continue;
      }
      const v = butaneValidator(vs);
      if (v(doc)) validated++;
      else failures.push(`${c.id}: ${errorsOf(v).join("; ")}`);
    }
    console.log(
      `(a) ${validated} of ${valid.length} valid configs validated; ${skipped.length} skipped (generic YAML reads them differently): ${skipped.join(", ")}`,
    );
    expect(failures).toEqual([]);
    expect(skipped.length).toBeLessThan(valid.length / 50);
    expect(validated).toBeGreaterThan(1000);
  });

  it("(b) flag every config tagged wrong-type or unknown-key", () => {
    const tagged = cases.filter((c) => c.tags.includes("wrong-type") || c.tags.includes("unknown-key"));
    const missed: string[] = [];
    const counts = { "wrong-type": 0, "unknown-key": 0 };
    for (const c of tagged) {
      expect(c.vs, c.id).toBeDefined();
      const doc = readGeneric(c.input);
      expect(doc, `${c.id} reads`).toBeDefined();
      const v = butaneValidator(c.vs as VariantSpec);
      if (v(doc)) missed.push(c.id);
      else for (const t of ["wrong-type", "unknown-key"] as const) if (c.tags.includes(t)) counts[t]++;
    }
    console.log(`(b) flagged ${tagged.length - missed.length} of ${tagged.length}: wrong-type ${counts["wrong-type"]}, unknown-key ${counts["unknown-key"]}`);
    expect(missed).toEqual([]);
    expect(tagged.length).toBeGreaterThan(0);
  });

  it("flag configs Butane rejects for too many content sources", () => {
    const tagged = cases.filter((c) => c.tags.includes("too-many-sources") && c.code !== "0" && c.vs);
    const missed = tagged.filter((c) => butaneValidator(c.vs as VariantSpec)(readGeneric(c.input))).map((c) => c.id);
    console.log(`too-many-sources: flagged ${tagged.length - missed.length} of ${tagged.length}`);
    expect(missed).toEqual([]);
  });

  it("(c) accept every Ignition config Butane emitted", () => {
    const failures: string[] = [];
    let validated = 0;
    for (const c of valid) {
      if (!c.out.startsWith("{")) continue; // an openshift MachineConfig
      const vs = c.vs as VariantSpec;
      const config = JSON.parse(c.out) as { ignition?: { version?: string } };
      expect(config.ignition?.version, c.id).toBe(vs.ignition);
      const v = ignitionValidator(vs.ignition);
      if (v(config)) validated++;
      else failures.push(`${c.id}: ${errorsOf(v).join("; ")}`);
    }
    console.log(`(c) ${validated} Ignition configs validated`);
    expect(failures).toEqual([]);
    expect(validated).toBeGreaterThan(900);
  });
});

// ---------------------------------------------------------------------------------------------

interface UpstreamField {
  path: string;
  type: string;
  itemType?: string;
  required: boolean;
  enum?: string[];
  additionalProperties?: string;
}

type Schema = Record<string, unknown>;

/** The field paths of a generated schema, described as fields.json does. */
function schemaFields(root: Schema): Map<string, UpstreamField> {
  const defs = (root.definitions ?? {}) as Record<string, Schema>;
  const out = new Map<string, UpstreamField>();
  /** Follows wrappers (`anyOf` with null, `allOf`, `$ref`) to the value's own schema. */
  const resolve = (s: Schema): Schema => {
    if (typeof s.$ref === "string") {
      const d = defs[s.$ref.replace("#/definitions/", "")];
      if (!d) throw new Error(`dangling ${s.$ref}`);
      return resolve(d);
    }
    const alts = (s.anyOf ?? s.allOf) as Schema[] | undefined;
    if (alts) {
      const nonNull = alts.filter((a) => a.type !== "null");
      if (nonNull.length !== 1) throw new Error(`unexpected alternatives ${JSON.stringify(s)}`);
      return resolve(nonNull[0] as Schema);
    }
    return s;
  };
  const typeName = (s: Schema): string => {
    if (s.const !== undefined) return "string";
    const t = Array.isArray(s.type) ? (s.type as string[]).filter((x) => x !== "null") : [s.type];
    if (t.length !== 1 || typeof t[0] !== "string") throw new Error(`unexpected type ${JSON.stringify(s)}`);
    return t[0];
  };
  const walk = (obj: Schema, prefix: string): void => {
    const required = (obj.required ?? []) as string[];
    for (const [key, prop] of Object.entries((obj.properties ?? {}) as Record<string, Schema>)) {
      const path = prefix ? `${prefix}.${key}` : key;
      const s = resolve(prop);
      const f: UpstreamField = { path, type: typeName(s), required: required.includes(key) };
      if (Array.isArray(s.enum)) f.enum = (s.enum as unknown[]).filter((e) => e !== null) as string[];
      out.set(path, f);
      if (f.type === "array") {
        const item = resolve(s.items as Schema);
        f.itemType = typeName(item);
        if (f.itemType === "object") walk(item, `${path}[]`);
      } else if (f.type === "object" && s.additionalProperties && typeof s.additionalProperties === "object") {
        f.additionalProperties = typeName(resolve(s.additionalProperties as Schema));
      } else if (f.type === "object") walk(s, path);
    }
  };
  walk(root, "");
  return out;
}

/**
 * Fields upstream lists as required only because the Go field is not a pointer; Butane accepts
 * configs without them (the gen-*-systemd-quadlets cases omit `rootful`, which defaults to false).
 */
const OPTIONAL_DESPITE_UPSTREAM = new Set(["systemd.quadlets[].rootful"]);

describe.skipIf(!existsSync(fieldsJson))("schemas against upstream's field list", () => {
  const upstream = existsSync(fieldsJson)
    ? (JSON.parse(readFileSync(fieldsJson, "utf8")) as Record<string, { ignitionVersion: string; fields: UpstreamField[] }>)
    : {};

  it("has the same variant/versions and Ignition versions", () => {
    expect(Object.keys(upstream).sort()).toEqual([...registry.values()].map((s) => `${s.variant}/${s.version}`).sort());
    for (const vs of registry.values()) expect(upstream[`${vs.variant}/${vs.version}`]?.ignitionVersion).toBe(vs.ignition);
  });

  for (const vs of registry.values()) {
    const key = `${vs.variant}/${vs.version}`;
    it(`${key}: every path, type, requirement and enum agrees, in Go's field order`, () => {
      const ours = schemaFields(butaneSchema(vs) as Schema);
      const theirs = new Map(
        (upstream[key]?.fields ?? []).map((f) => [f.path, OPTIONAL_DESPITE_UPSTREAM.has(f.path) && f.required ? { ...f, required: false } : f]),
      );
      const differences: string[] = [];
      for (const [path, f] of theirs) {
        const o = ours.get(path);
        if (!o) {
          differences.push(`missing: ${path}`);
          continue;
        }
        const pick = (x: UpstreamField) => JSON.stringify([x.type, x.itemType ?? null, x.required, x.enum ?? null, x.additionalProperties ?? null]);
        if (pick(o) !== pick(f)) differences.push(`${path}: ours ${pick(o)}, upstream ${pick(f)}`);
      }
      for (const path of ours.keys()) if (!theirs.has(path)) differences.push(`extra: ${path}`);
      expect(differences).toEqual([]);
      expect([...ours.keys()]).toEqual([...theirs.keys()]);
    });
  }
});
