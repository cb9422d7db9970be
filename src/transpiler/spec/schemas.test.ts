/**
 * The generated files (schemas/, docs/spec/) are current, the schemas are valid draft-07 that
 * ajv compiles in strict mode, and they behave as documented: null as absent, required fields,
 * mutually exclusive keys, pinned variant/version, "since" notes, Ignition's key names.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import Ajv, { type ValidateFunction } from "ajv";
import { describe, expect, it } from "vitest";
import { CONFIG_TYPES_PATH, generatedFiles } from "./generate.ts";
import { butaneSchema, ignitionKey, ignitionSchema, ignitionSpec, ignitionVersions, SCHEMA_KEYWORDS } from "./json-schema.ts";
import { lookupSpec, registry, type VariantSpec } from "./variants.ts";

const repo = fileURLToPath(new URL("../../../", import.meta.url));
const reportFormat = fileURLToPath(new URL("../../../../shared/reference/report-format.md", import.meta.url));

function newAjv(warnings: string[] = []): Ajv {
  const log = (...args: unknown[]): void => void warnings.push(args.map(String).join(" "));
  return new Ajv({
    strict: true,
    allErrors: true,
    allowUnionTypes: true,
    keywords: [...SCHEMA_KEYWORDS],
    logger: { log, warn: log, error: log },
  });
}

function spec(variant: string, version: string): VariantSpec {
  const vs = lookupSpec(variant, version);
  if (!vs) throw new Error(`no ${variant} ${version}`);
  return vs;
}

describe("generated files", () => {
  const files = generatedFiles();

  it("covers every variant/version and Ignition version", () => {
    expect([...files.keys()].filter((p) => p.startsWith("schemas/butane/")).length).toBe(registry.size);
    expect([...files.keys()].filter((p) => p.startsWith("schemas/ignition/")).length).toBe(new Set([...registry.values()].map((s) => s.ignition)).size);
    expect([...files.keys()].filter((p) => p.startsWith("docs/spec/")).length).toBe(registry.size + 1);
    // The served HTML reference: a page per variant/version, an index and a style sheet.
    expect([...files.keys()].filter((p) => p.startsWith("public/docs/spec/")).length).toBe(registry.size + 2);
    // The library's config types: one root interface per variant/version, variant and version pinned.
    const types = files.get(CONFIG_TYPES_PATH) ?? "";
    for (const vs of registry.values())
      expect(types).toContain(`  version: "${vs.version}";\n  /** Which operating system the config is for. */\n  variant: "${vs.variant}";\n`);
  });

  it("are committed and current (run `npm run gen` after changing src/transpiler/spec)", () => {
    const stale: string[] = [];
    for (const [rel, text] of files) {
      const abs = join(repo, rel);
      if (!existsSync(abs) || readFileSync(abs, "utf8") !== text) stale.push(rel);
    }
    expect(stale).toEqual([]);
  });

  it("leave nothing else in the generated directories", () => {
    const extra: string[] = [];
    for (const dir of new Set([...files.keys()].map((p) => p.slice(0, p.lastIndexOf("/"))))) {
      const abs = join(repo, dir);
      if (!existsSync(abs)) continue;
      for (const name of readdirSync(abs)) if (!files.has(`${dir}/${name}`)) extra.push(`${dir}/${name}`);
    }
    expect(extra).toEqual([]);
  });

  it("is deterministic", () => {
    expect([...generatedFiles()]).toEqual([...files]);
  });
});

describe("Butane schemas", () => {
  it("compile in ajv's strict mode without warnings", () => {
    const warnings: string[] = [];
    const ajv = newAjv(warnings);
    for (const vs of registry.values()) ajv.compile(butaneSchema(vs));
    for (const v of ignitionVersions) ajv.compile(ignitionSchema(v));
    expect(warnings).toEqual([]);
  });

  const ajv = newAjv();
  const validators = new Map<string, ValidateFunction>();
  const validate = (variant: string, version: string, doc: unknown): string[] => {
    const key = `${variant}-${version}`;
    let v = validators.get(key);
    if (!v) {
      v = ajv.compile(butaneSchema(spec(variant, version)));
      validators.set(key, v);
    }
    return v(doc) ? [] : (v.errors ?? []).map((e) => `${e.instancePath} ${e.message ?? ""}`);
  };
  const fcos = (rest: object) => ({ variant: "fcos", version: "1.6.0", ...rest });

  it("pins variant and version", () => {
    expect(validate("fcos", "1.6.0", fcos({}))).toEqual([]);
    expect(validate("fcos", "1.6.0", { variant: "fcos", version: "1.5.0" })).not.toEqual([]);
    expect(validate("fcos", "1.6.0", { variant: "flatcar", version: "1.6.0" })).not.toEqual([]);
    expect(validate("fcos", "1.6.0", { variant: "fcos" })).not.toEqual([]);
  });

  it("treats null as absent, except for required fields", () => {
    expect(validate("fcos", "1.6.0", fcos({ storage: null, passwd: { users: null } }))).toEqual([]);
    expect(validate("fcos", "1.6.0", fcos({ storage: { files: [null, { path: "/a", mode: null, contents: null }] } }))).toEqual([]);
    expect(validate("fcos", "1.6.0", fcos({ storage: { files: [{ path: null }] } }))).not.toEqual([]);
    expect(validate("fcos", "1.6.0", fcos({ storage: { files: [{ mode: 420 }] } }))).not.toEqual([]);
  });

  it("flags unknown keys and wrong types", () => {
    expect(validate("fcos", "1.6.0", fcos({ storage: { files: [{ path: "/a", cotnents: {} }] } }))).not.toEqual([]);
    expect(validate("fcos", "1.6.0", fcos({ foo: 1 }))).not.toEqual([]);
    expect(validate("fcos", "1.6.0", fcos({ storage: { files: [{ path: "/a", mode: "0644" }] } }))).not.toEqual([]);
    expect(validate("fcos", "1.6.0", fcos({ storage: { files: [{ path: "/a", mode: 0o10000 }] } }))).not.toEqual([]);
    expect(validate("fcos", "1.6.0", fcos({ storage: { filesystems: [{ device: "/dev/x", format: "ntfs" }] } }))).not.toEqual([]);
  });

  it("knows which fields each version has", () => {
    const luks = { storage: { luks: [{ name: "x", device: "/dev/x", discard: true }] } };
    expect(validate("fcos", "1.5.0", { variant: "fcos", version: "1.5.0", ...luks })).toEqual([]);
    expect(validate("fcos", "1.4.0", { variant: "fcos", version: "1.4.0", ...luks })).not.toEqual([]);
    const ms = { metadata: { name: "x", labels: { "machineconfiguration.openshift.io/role": "worker" } } };
    expect(validate("openshift", "4.8.0", { variant: "openshift", version: "4.8.0", ...ms })).toEqual([]);
    expect(validate("openshift", "4.8.0", { variant: "openshift", version: "4.8.0" })).not.toEqual([]);
  });

  it("flags keys that may not be set together, with null as unset", () => {
    const file = (contents: object) => fcos({ storage: { files: [{ path: "/a", contents }] } });
    expect(validate("fcos", "1.6.0", file({ inline: "x" }))).toEqual([]);
    expect(validate("fcos", "1.6.0", file({ inline: "x", source: null, local: null }))).toEqual([]);
    expect(validate("fcos", "1.6.0", file({ inline: "x", source: "https://x" }))).not.toEqual([]);
    expect(validate("fcos", "1.6.0", file({ inline: "", local: "a" }))).not.toEqual([]);
    const unit = (u: object) => fcos({ systemd: { units: [{ name: "a.service", ...u }] } });
    expect(validate("fcos", "1.6.0", unit({ contents: "x", contents_local: null }))).toEqual([]);
    expect(validate("fcos", "1.6.0", unit({ contents: "x", contents_local: "a" }))).not.toEqual([]);
    expect(
      validate("fcos", "1.0.0", { variant: "fcos", version: "1.0.0", storage: { files: [{ path: "/a", contents: { inline: "x", source: "data:," } }] } }),
    ).not.toEqual([]);
  });

  it("keeps every key offered for completion: exclusivity lives in `not`, not in the properties", () => {
    const s = butaneSchema(spec("fcos", "1.6.0")) as { definitions: Record<string, { properties: object; not?: { description: string } }> };
    expect(Object.keys(s.definitions.Resource?.properties ?? {})).toEqual(["compression", "http_headers", "source", "inline", "local", "verification"]);
    expect(s.definitions.Resource?.not?.description).toBe("At most one of `source`, `inline`, `local` may be set.");
  });

  it("notes the version a field first appeared in, relative to the variant's first version", () => {
    const s = JSON.stringify(butaneSchema(spec("fcos", "1.6.0")));
    expect(s).toContain("Allow discards (TRIM) through the volume. Since fcos 1.5.0.");
    expect(s).toContain("Kernel arguments to add or remove. Since fcos 1.4.0.");
    expect(s).toContain('"Contents of the file."'); // since fcos 1.0.0: no note
    expect(JSON.stringify(butaneSchema(spec("fcos", "1.0.0")))).not.toContain("Since ");
    expect(JSON.stringify(butaneSchema(spec("flatcar", "1.0.0")))).not.toContain("Since ");
    expect(JSON.stringify(butaneSchema(spec("flatcar", "1.1.0")))).toContain("Since flatcar 1.1.0.");
    const os = JSON.stringify(butaneSchema(spec("openshift", "4.14.0")));
    expect(os).toContain("GRUB bootloader settings. Since openshift 4.14.0.");
  });

  it("describes every property with the same plain and markdown text", () => {
    for (const vs of registry.values()) {
      const walk = (node: unknown): void => {
        if (Array.isArray(node)) return node.forEach(walk);
        if (!node || typeof node !== "object") return;
        const o = node as Record<string, unknown>;
        if (o.properties && typeof o.properties === "object") {
          for (const p of Object.values(o.properties as Record<string, Record<string, unknown>>)) {
            if (p.description === undefined) continue;
            expect(typeof p.description).toBe("string");
            expect(p.markdownDescription).toBe(p.description);
          }
        }
        Object.values(o).forEach(walk);
      };
      const s = butaneSchema(vs) as { properties: Record<string, { description?: string }> };
      walk(s);
      for (const p of Object.values(s.properties)) expect(p.description).toBeTruthy();
    }
  });
});

describe("Ignition schemas", () => {
  it("rename Butane's keys", () => {
    const cases: [string, string][] = [
      ["wipe_table", "wipeTable"],
      ["size_mib", "sizeMiB"],
      ["start_mib", "startMiB"],
      ["type_guid", "typeGuid"],
      ["ssh_authorized_keys", "sshAuthorizedKeys"],
      ["http_headers", "httpHeaders"],
      ["certificate_authorities", "certificateAuthorities"],
      ["key_file", "keyFile"],
      ["open_options", "openOptions"],
      ["mount_options", "mountOptions"],
      ["needs_network", "needsNetwork"],
      ["http_response_headers", "httpResponseHeaders"],
      ["no_proxy", "noProxy"],
      ["name", "name"],
      ["tpm2", "tpm2"],
    ];
    for (const [from, to] of cases) expect(ignitionKey(from)).toBe(to);
  });

  it("pin and require ignition.version, and drop Butane's sugar", () => {
    const ajv = newAjv();
    const v = ajv.compile(ignitionSchema("3.4.0"));
    expect(v({ ignition: { version: "3.4.0" } })).toBe(true);
    expect(v({ ignition: { version: "3.3.0" } })).toBe(false);
    expect(v({ ignition: {} })).toBe(false);
    expect(v({})).toBe(false);
    expect(v({ ignition: { version: "3.4.0" }, storage: { files: [{ path: "/a", contents: { inline: "x" } }] } })).toBe(false);
    expect(v({ ignition: { version: "3.4.0" }, storage: { disks: [{ device: "/d", wipeTable: true, partitions: [{ sizeMiB: 1 }] }] } })).toBe(true);
    expect(v({ ignition: { version: "3.4.0" }, storage: { disks: [{ device: "/d", wipe_table: true }] } })).toBe(false);
    const all = JSON.stringify(ignitionSchema("3.7.0-experimental"));
    for (const k of ["inline", "local", "with_mount_unit", "withMountUnit", "trees", "contentsLocal", "sshAuthorizedKeysLocal", "quadlets", "variant"]) {
      expect(all).not.toContain(`"${k}"`);
    }
  });

  it.skipIf(!existsSync(reportFormat))("have Ignition's object keys (report-format.md §7.1; older specs are subsets)", () => {
    const text = readFileSync(reportFormat, "utf8");
    const section = text.slice(text.indexOf("Ignition object key orders"), text.indexOf("### 7.2"));
    const table = new Map<string, string[]>();
    for (const m of section.matchAll(/^\| ([A-Za-z /]+?) \| ([a-zA-Z0-9, ]+) \|$/gm)) {
      const keys = (m[2] as string).split(", ");
      for (const name of (m[1] as string).split(" / ")) table.set(name, keys);
    }
    expect(table.size).toBeGreaterThan(25);
    // Not in the table: Ignition's Security and TLS.
    table.set("Security", ["tls"]);
    table.set("TLS", ["certificateAuthorities"]);
    // Ignition's Go type names where Butane's differ.
    const ignitionName: Record<string, string> = { Custom: "ClevisCustom" };
    for (const v of ignitionVersions) {
      const spec = ignitionSpec(v);
      for (const [name, t] of Object.entries(spec.types)) {
        const keys = t.fields.map((f) => f.key);
        if (v === "3.0.0" && ["ConfigReference", "CaReference", "FileContents"].includes(name)) {
          expect(keys).toEqual(name === "FileContents" ? ["compression", "source", "verification"] : ["source", "verification"]);
          continue;
        }
        const expected = table.get(ignitionName[name] ?? name) ?? table.get(name);
        expect(expected, `${v} ${name}`).toBeDefined();
        if (v === "3.7.0-experimental") expect([...keys].sort(), `${v} ${name}`).toEqual([...(expected ?? [])].sort());
        else for (const k of keys) expect(expected, `${v} ${name}.${k}`).toContain(k);
      }
    }
  });

  it("note the Ignition version that added a field", () => {
    const s = JSON.stringify(ignitionSchema("3.5.0"));
    expect(s).toContain("Since Ignition 3.5.0.");
    expect(s).toContain("Since Ignition 3.4.0.");
    expect(JSON.stringify(ignitionSchema("3.0.0"))).not.toContain("Since ");
  });
});
