#!/usr/bin/env node
/**
 * Generates the directive tables of Kindling's systemd and Quadlet lint from upstream sources:
 *
 *   node scripts/gen-lint-directives.mjs \
 *     --systemd /path/to/systemd --systemd-ref "v257 (70bae7648f2c18010187c9cf20093155eaa26029, 2024-12-10)" \
 *     --podman /path/to/podman --podman-ref "v5.8.2 (5b263b5f5b48004a87caac44e67349a8266d9ef4, 2026-04-13)"
 *
 * Reads (nothing else, and never executes upstream code):
 *   systemd: meson.version, src/core/load-fragment-gperf.gperf.in (every [Section] key the unit
 *            loader knows, with the exec/kill/cgroup macros expanded per unit type),
 *            src/shared/install.c ([Install] keys of `systemctl enable`),
 *            src/core/*.c (`.sections =` of each unit type's vtable: which sections it reads)
 *   podman:  pkg/systemd/quadlet/quadlet.go (the keys each Quadlet group supports, the
 *            [Quadlet] group's keys, the [Service] keys Quadlet warns about, the "no X key
 *            specified" checks of each Convert function), cmd/quadlet/main.go (which file
 *            extension goes to which Convert function)
 *
 * Writes src/transpiler/lint/systemd-directives.gen.ts and src/transpiler/lint/quadlet-keys.gen.ts.
 * The checkouts can be bare trees (`git archive <tag> … | tar -x`); the refs are only recorded.
 */
import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");

function args() {
  const out = {};
  const a = process.argv.slice(2);
  for (let i = 0; i < a.length; i += 2) {
    const k = a[i]?.replace(/^--/, "");
    if (!k || a[i + 1] === undefined) throw new Error(`usage: see the header of ${fileURLToPath(import.meta.url)}`);
    out[k] = a[i + 1];
  }
  for (const need of ["systemd", "systemd-ref", "podman", "podman-ref"]) if (!out[need]) throw new Error(`missing --${need}`);
  return out;
}

const read = (...p) => readFileSync(join(...p), "utf8");
const sortUniq = (xs) => [...new Set(xs)].sort();

// ---------------------------------------------------------------------------------------------
// systemd

/** Parses the gperf template: macro bodies and the table after `%%`, jinja expanded by hand. */
function parseGperf(text) {
  const macros = new Map(); // name → [{ key, obsolete }]
  const table = []; // { section, key, obsolete }
  let macro = null;
  let inTable = false;
  const entry = (line) => {
    // `Section.Key, parser, ltype, offset` ({{type}} stands for the macro's section)
    const m = /^(\{\{type\}\}|[A-Za-z-]+)\.([A-Za-z0-9]+),\s*([A-Za-z0-9_]+),\s*([A-Za-z0-9_]+)/.exec(line);
    if (!m) return null;
    const obsolete = m[4] === "DISABLED_LEGACY" || m[3] === "config_parse_obsolete_unit_deps";
    return { section: m[1], key: m[2], obsolete };
  };
  for (const raw of text.split("\n")) {
    const line = raw.trim();
    const open = /^\{%-?\s*macro\s+([A-Z_]+)\(type\)\s*-?%\}/.exec(line);
    if (open) {
      macro = open[1];
      macros.set(macro, []);
      continue;
    }
    if (/^\{%-?\s*endmacro\s*-?%\}/.test(line)) {
      macro = null;
      continue;
    }
    if (line === "%%") {
      inTable = true;
      continue;
    }
    // Jinja conditionals ({% if HAVE_SECCOMP %} … {% else %} …) list the same keys in both
    // branches: a build without the feature still knows the key and warns that it is unsupported.
    if (line.startsWith("{%") || line.startsWith("{#")) continue;
    if (macro) {
      const e = entry(line);
      if (e) macros.get(macro).push(e);
      continue;
    }
    if (!inTable) continue;
    const call = /^\{\{\s*([A-Z_]+)\('([A-Za-z]+)'\)\s*\}\}$/.exec(line);
    if (call) {
      const body = macros.get(call[1]);
      if (!body) throw new Error(`unknown macro ${call[1]}`);
      for (const e of body) table.push({ ...e, section: call[2] });
      continue;
    }
    const e = entry(line);
    if (e) table.push(e);
  }
  if (table.length < 300) throw new Error(`only ${table.length} entries read from the gperf file: did its format change?`);
  return table;
}

/** `{ "Install", "WantedBy", … }` rows of install.c's unit-file parser. */
function parseInstallKeys(text) {
  return [...text.matchAll(/\{\s*"Install",\s*"([A-Za-z]+)"/g)].map((m) => m[1]);
}

/** unit type (file suffix) → the sections its vtable reads, from `const UnitVTable x_vtable = { … .sections = "A\0" "B\0" … }`. */
function parseUnitSections(coreDir) {
  const out = {};
  for (const f of readdirSync(coreDir)
    .filter((n) => n.endsWith(".c"))
    .sort()) {
    const text = read(coreDir, f);
    for (const m of text.matchAll(/const UnitVTable ([a-z]+)_vtable = \{([\s\S]*?)\n\};/g)) {
      const s = /\.sections\s*=\s*((?:\s*"[^"]*")+)\s*,/.exec(m[2]);
      if (!s) continue;
      out[m[1]] = [...s[1].matchAll(/"([^"]*)"/g)].map((x) => x[1].replace(/\\0$/, ""));
    }
  }
  return out;
}

function genSystemd(dir, ref) {
  const version = read(dir, "meson.version").trim();
  const table = parseGperf(read(dir, "src/core/load-fragment-gperf.gperf.in"));
  const install = parseInstallKeys(read(dir, "src/shared/install.c"));
  const unitSections = parseUnitSections(join(dir, "src/core"));
  if (Object.keys(unitSections).length < 10) throw new Error("unit type sections not found");

  const sections = {};
  const obsolete = {};
  for (const e of table) {
    (sections[e.section] ??= []).push(e.key);
    if (e.obsolete) (obsolete[e.section] ??= []).push(e.key);
  }
  sections.Install = [...(sections.Install ?? []), ...install];
  // Sections a unit type reads but no key is defined for (e.g. [Target], [Device]).
  for (const list of Object.values(unitSections)) for (const s of list) sections[s] ??= [];

  const lines = [
    "// Generated by scripts/gen-lint-directives.mjs from systemd's own source; do not edit.",
    `// systemd ${version}, ${ref}: src/core/load-fragment-gperf.gperf.in, src/shared/install.c, src/core/*.c (.sections).`,
    "",
    `/** The systemd release these tables come from. */`,
    `export const SYSTEMD_VERSION = ${JSON.stringify(version)};`,
    `export const SYSTEMD_SOURCE = ${JSON.stringify(`systemd ${version} (${ref})`)};`,
    "",
    "/** Every key systemd's unit loader accepts, per section (case-sensitive, as systemd compares). */",
    "export const SYSTEMD_SECTION_KEYS: Readonly<Record<string, readonly string[]>> = {",
    ...Object.keys(sections)
      .sort()
      .map((s) => `  ${s}: ${JSON.stringify(sortUniq(sections[s]))},`),
    "};",
    "",
    "/** The sections each unit type (file suffix) reads; any other section is unknown to it. */",
    "export const SYSTEMD_UNIT_SECTIONS: Readonly<Record<string, readonly string[]>> = {",
    ...Object.keys(unitSections)
      .sort()
      .map((t) => `  ${t}: ${JSON.stringify(unitSections[t])},`),
    "};",
    "",
    "/** Keys systemd still recognizes only to say they were removed or are ignored. */",
    "export const SYSTEMD_OBSOLETE_KEYS: Readonly<Record<string, readonly string[]>> = {",
    ...Object.keys(obsolete)
      .sort()
      .map((s) => `  ${s}: ${JSON.stringify(sortUniq(obsolete[s]))},`),
    "};",
    "",
  ];
  writeFileSync(join(root, "src/transpiler/lint/systemd-directives.gen.ts"), lines.join("\n"));
  return { version, sections: Object.keys(sections).length, keys: table.length + install.length };
}

// ---------------------------------------------------------------------------------------------
// podman Quadlet

/** Go `Name = "value"` constants of a `const ( … )` block text. */
function goConstants(text) {
  const out = new Map();
  for (const m of text.matchAll(/^\s*([A-Za-z][A-Za-z0-9]*)\s*=\s*"([^"]*)"/gm)) out.set(m[1], m[2]);
  return out;
}

/** The body of a `{ … }` starting at `open` (index of the brace). */
function braceBody(text, open) {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === "{") depth++;
    else if (text[i] === "}" && --depth === 0) return text.slice(open + 1, i);
  }
  throw new Error("unbalanced braces");
}

function genQuadlet(dir, ref) {
  const src = read(dir, "pkg/systemd/quadlet/quadlet.go");
  const main = read(dir, "cmd/quadlet/main.go");
  const consts = goConstants(src);
  const name = (ident) => {
    const v = consts.get(ident);
    if (v === undefined) throw new Error(`unknown constant ${ident}`);
    return v;
  };

  // groupsInfo = map[string]GroupInfo{ XGroup: { … SupportedKeys: map[string]bool{ KeyA: true, … } }, … }
  const gi = src.indexOf("groupsInfo = map[string]GroupInfo{");
  if (gi < 0) throw new Error("groupsInfo not found");
  const groupsText = braceBody(src, src.indexOf("{", gi));
  const groups = {};
  for (const m of groupsText.matchAll(/\n\t\t([A-Za-z]+Group):\s*\{/g)) {
    const body = braceBody(groupsText, m.index + m[0].length - 1);
    const keysAt = body.indexOf("SupportedKeys: map[string]bool{");
    const keysBody = braceBody(body, body.indexOf("{", keysAt));
    groups[name(m[1])] = sortUniq([...keysBody.matchAll(/(Key[A-Za-z0-9]+):\s*true/g)].map((k) => name(k[1])));
  }
  const qk = src.indexOf("supportedQuadletKeys = map[string]bool{");
  const quadletKeys = sortUniq([...braceBody(src, src.indexOf("{", qk)).matchAll(/(Key[A-Za-z0-9]+):\s*true/g)].map((k) => name(k[1])));
  const unsupported = /UnsupportedServiceKeys = \[\.\.\.\]string\{([^}]*)\}/.exec(src);
  if (!unsupported) throw new Error("UnsupportedServiceKeys not found");
  const unsupportedService = [...unsupported[1].matchAll(/"([^"]+)"/g)].map((m) => m[1]);

  // Convert functions: their group and their unconditional "no X [or Y] key specified" checks.
  const converts = {};
  for (const m of src.matchAll(/\nfunc (Convert[A-Za-z]+)\([^)]*\)[^{]*\{/g)) {
    const body = braceBody(src, m.index + m[0].length - 1);
    const group = /initServiceUnitFile\([^,]+,[^,]+,[^,]+,\s*([A-Za-z]+Group)\)/.exec(body);
    const required = [...body.matchAll(/"no ([A-Za-z]+)(?: or ([A-Za-z]+))? key specified"/g)].map((r) => r.slice(1).filter(Boolean));
    converts[m[1]] = { group: group ? name(group[1]) : undefined, required };
  }
  // main.go: `case strings.HasSuffix(unit.Filename, ".container"): … quadlet.ConvertContainer(`
  const types = {};
  for (const m of main.matchAll(/case strings\.HasSuffix\(unit\.Filename, "(\.[a-z]+)"\):([\s\S]*?)(?=\n\t\tcase |\n\t\tdefault:)/g)) {
    const conv = /quadlet\.(Convert[A-Za-z]+)\(/.exec(m[2]);
    if (!conv) continue;
    const c = converts[conv[1]];
    if (!c?.group) throw new Error(`no group for ${conv[1]}`);
    types[m[1].slice(1)] = { group: c.group, keys: groups[c.group] ?? [], required: c.required };
  }
  if (Object.keys(types).length < 7) throw new Error(`only ${Object.keys(types).length} Quadlet types found`);
  const version = ref.split(/\s/)[0].replace(/^v/, "");

  const lines = [
    "// Generated by scripts/gen-lint-directives.mjs from podman's Quadlet source; do not edit.",
    `// podman ${ref}: pkg/systemd/quadlet/quadlet.go (groupsInfo, supportedQuadletKeys, Convert*), cmd/quadlet/main.go.`,
    "",
    `/** The podman release these tables come from. */`,
    `export const PODMAN_VERSION = ${JSON.stringify(version)};`,
    `export const PODMAN_SOURCE = ${JSON.stringify(`podman ${ref}`)};`,
    "",
    "export interface QuadletType {",
    "  /** The unit file's own section, e.g. `Container` for `.container`. */",
    "  group: string;",
    "  /** The keys Quadlet accepts in that section (any other key makes Quadlet refuse the file). */",
    "  keys: readonly string[];",
    "  /** Keys Quadlet requires; each entry lists alternatives (one of them must be set). */",
    "  required: readonly (readonly string[])[];",
    "}",
    "",
    "/** Quadlet unit types by file extension. */",
    "export const QUADLET_TYPES: Readonly<Record<string, QuadletType>> = {",
    ...Object.keys(types)
      .sort()
      .map(
        (t) => `  ${t}: { group: ${JSON.stringify(types[t].group)}, keys: ${JSON.stringify(types[t].keys)}, required: ${JSON.stringify(types[t].required)} },`,
      ),
    "};",
    "",
    "/** Keys of the `[Quadlet]` section shared by every Quadlet type. */",
    `export const QUADLET_GROUP_KEYS: readonly string[] = ${JSON.stringify(quadletKeys)};`,
    "",
    "/** `[Service]` keys Quadlet warns are not supported in its files. */",
    `export const QUADLET_UNSUPPORTED_SERVICE_KEYS: readonly string[] = ${JSON.stringify(unsupportedService)};`,
    "",
  ];
  writeFileSync(join(root, "src/transpiler/lint/quadlet-keys.gen.ts"), lines.join("\n"));
  return { version, types: Object.keys(types) };
}

const a = args();
const s = genSystemd(a.systemd, a["systemd-ref"]);
const q = genQuadlet(a.podman, a["podman-ref"]);
console.log(`systemd ${s.version}: ${s.sections} sections, ${s.keys} keys; podman ${q.version}: ${q.types.join(", ")}`);
