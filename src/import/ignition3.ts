/**
 * An Ignition 3.x config (camelCase JSON) in the plain Butane form of one spec version: the same
 * values under Butane's snake_case keys, nothing dropped but `ignition.version` (Butane writes it),
 * unset values (`null`) and keys the spec does not have (Ignition ignores them too; each is a finding).
 */
import type { Path } from "../transpiler/index.ts";
import { camelKey, fieldOf, snakeKey, type SpecDesc, type TypeDesc } from "./spec.ts";
import { ImportError, isObj, type Finding, type Json } from "./types.ts";

/** Butane's own fields (sugar and variant fields), which no Ignition config has. */
const BUTANE_ONLY = new Set([
  "variant",
  "boot_device",
  "grub",
  "metadata",
  "openshift",
  "inline",
  "local",
  "with_mount_unit",
  "trees",
  "ssh_authorized_keys_local",
  "contents_local",
  "quadlets",
]);

export interface PlainResult {
  butane: Json;
  findings: Finding[];
}

/** Converts a whole Ignition config (its `ignition.version` already checked) to Butane form. */
export function ignitionToButane(config: Json, spec: SpecDesc, ignitionVersion: string): PlainResult {
  const findings: Finding[] = [];
  const convert = (value: unknown, type: TypeDesc, at: Path): unknown => {
    switch (type.kind) {
      case "string":
        if (typeof value !== "string") throw wrongType(at, "a string", value);
        return value;
      case "int":
        if (typeof value !== "number" || !Number.isInteger(value)) throw wrongType(at, "an integer", value);
        return value;
      case "bool":
        if (typeof value !== "boolean") throw wrongType(at, "true or false", value);
        return value;
      case "list": {
        if (!Array.isArray(value)) throw wrongType(at, "a list", value);
        return value.map((item, i) => (item === null ? nullItem(at, i) : convert(item, type.item, [...at, i])));
      }
      case "map": {
        if (!isObj(value)) throw wrongType(at, "an object", value);
        const out: Json = {};
        for (const [k, v] of Object.entries(value)) if (v !== null) out[k] = convert(v, type.value, [...at, k]);
        return out;
      }
      case "ref":
        return struct(value, type.name, at);
    }
  };
  const struct = (value: unknown, typeName: string, at: Path): Json => {
    if (!isObj(value)) throw wrongType(at, "an object", value);
    const out: Json = {};
    for (const [key, v] of Object.entries(value)) {
      if (v === null) continue;
      if (at.length === 1 && at[0] === "ignition" && key === "version") continue;
      const bkey = snakeKey(key);
      const butaneOnly = BUTANE_ONLY.has(bkey) || (typeName === "Config" && bkey === "version");
      const field = camelKey(bkey) === key && !butaneOnly ? fieldOf(spec, typeName, bkey) : undefined;
      if (!field) {
        findings.push({
          code: "import-unknown-key",
          severity: "warning",
          path: [...at, key],
          message: `${formatIgnPath([...at, key])} is not a field of Ignition ${ignitionVersion}; Ignition ignores it, so it was left out`,
        });
        continue;
      }
      out[field.key] = convert(v, field.type, [...at, key]);
    }
    return out;
  };
  const butane = struct(config, "Config", []);
  return { butane, findings };
}

function nullItem(at: Path, i: number): never {
  throw new ImportError(`${formatIgnPath([...at, i])} is null; a list entry must be set`);
}

function wrongType(at: Path, want: string, got: unknown): ImportError {
  const kind = got === null ? "null" : Array.isArray(got) ? "a list" : typeof got === "object" ? "an object" : JSON.stringify(got);
  return new ImportError(`${formatIgnPath(at)} must be ${want}, not ${kind}`);
}

/** An Ignition JSON path as people read it: `storage.files[2].mode`. */
export function formatIgnPath(at: Path): string {
  let s = "";
  for (const p of at) s += typeof p === "number" ? `[${p}]` : s === "" ? p : `.${p}`;
  return s === "" ? "the config" : s;
}
