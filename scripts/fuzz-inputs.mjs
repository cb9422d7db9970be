// Fuzz inputs for the transpiler: structure-aware mutations of real Butane configs (blocks moved,
// duplicated, spliced between configs, re-typed, re-tagged, aliased, re-indented, versions
// swapped), random YAML built from Butane's own keys, and random text and bytes.
// Pure and deterministic: input `index` of seed `seed` is always the same string, so a failure is
// reproduced from its (seed, index) alone. Used by scripts/fuzz.mjs and src/transpiler/fuzz.test.ts.

/** mulberry32: a small, fast, seedable PRNG. */
export function rng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n) => Math.floor(next() * n);
  return { next, int, pick: (arr) => arr[int(arr.length)], chance: (p) => next() < p };
}

/** Headers that name no spec: an unknown variant or version, none, a version Butane cannot parse. */
const BAD_VERSIONS = ["rhcos 0.1.0", "fcos 9.9.9", "fcos banana", "", "fcos 1.6"];

/** `variant version` of every spec (from the transpiler's `listSpecs()`), then some that name none. */
export function versionsOf(specs) {
  return { valid: specs.map((s) => `${s.variant} ${s.version}`), all: [...specs.map((s) => `${s.variant} ${s.version}`), ...BAD_VERSIONS] };
}

/** Values that have tripped YAML decoders and Butane's checks: types, octal, tags, anchors, URLs. */
const SCALARS = [
  "",
  "~",
  "null",
  "true",
  "yes",
  "no",
  "on",
  "0",
  "-1",
  "0644",
  "0o644",
  "644",
  "0x1F",
  "1e3",
  ".inf",
  "-.nan",
  "99999999999999999999999",
  "-9223372036854775809",
  "2001-12-14t21:59:43.10-05:00",
  "'quoted'",
  '"dq \\u263A \\x41"',
  '"\\ud800"',
  "[]",
  "{}",
  "[a, b]",
  "{a: 1}",
  "- a",
  "|",
  ">-",
  "|+\n  x",
  "!!int x",
  "!!str 12",
  "!!binary aGk=",
  "!!map {}",
  "!!seq []",
  "!custom v",
  "!<tag:yaml.org,2002:str> v",
  "&anc v",
  "*anc",
  "*nowhere",
  "<<",
  "? k",
  "/dev/sda",
  "relative/path",
  "/etc/../etc/x",
  "data:,hello",
  "data:;base64,aGVsbG8=",
  "data:;base64,@@@",
  "data:text/plain;charset=utf-8;base64,SGk=",
  "https://example.com/x",
  "http://[::1",
  "s3://b/k",
  "tftp://x/y",
  "gs://b/o",
  "arn:aws:s3:::b/k",
  "sha512-00",
  "sha256-zz",
  "gzip",
  "\u202Eevil",
  "\u0000",
  "\t",
  "x".repeat(300),
  "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI",
  "$6$rounds=1$x$y",
  "core",
  "root",
  "0755",
  "4294967296",
  "2147483648",
];

const BYTES = [
  "\u0000",
  "\u0001",
  "\u0007",
  "\u001b",
  "\u007f",
  "\u0085",
  "\u2028",
  "\u2029",
  "\ufeff",
  "\ufffe",
  "\ud800",
  "\udfff",
  "\r",
  "\r\n",
  "\t",
  "\\",
  '"',
  "'",
  "#",
  "&",
  "*",
  "!",
  "%",
  "@",
  "`",
  "|",
  ">",
  "{",
  "}",
  "[",
  "]",
  ",",
  "?",
  ":",
  "-",
  "---",
  "...",
  "\u202e",
  "\u{1F600}",
];

const FALLBACK_KEYS = [
  "variant",
  "version",
  "ignition",
  "config",
  "merge",
  "replace",
  "source",
  "inline",
  "local",
  "compression",
  "verification",
  "hash",
  "http_headers",
  "name",
  "value",
  "storage",
  "disks",
  "device",
  "wipe_table",
  "partitions",
  "label",
  "number",
  "size_mib",
  "start_mib",
  "type_guid",
  "raid",
  "level",
  "devices",
  "filesystems",
  "format",
  "path",
  "with_mount_unit",
  "files",
  "mode",
  "overwrite",
  "contents",
  "append",
  "directories",
  "links",
  "target",
  "hard",
  "trees",
  "luks",
  "clevis",
  "tang",
  "tpm2",
  "systemd",
  "units",
  "enabled",
  "dropins",
  "mask",
  "passwd",
  "users",
  "groups",
  "ssh_authorized_keys",
  "ssh_authorized_keys_local",
  "password_hash",
  "kernel_arguments",
  "should_exist",
  "should_not_exist",
  "boot_device",
  "layout",
  "mirror",
  "grub",
  "metadata",
  "labels",
  "openshift",
  "extensions",
  "fips",
  "kernel_type",
  "<<",
];

/** One line of a block-style config, with the shape the mutations need. */
function analyse(text) {
  return text.split("\n").map((raw) => {
    const m = /^(\s*)(- )?([^:#\s][^:#]*?)?(:(?:\s|$))?(.*)$/.exec(raw) ?? [];
    return { raw, indent: (m[1] ?? "").length, item: m[2] !== undefined, key: m[4] ? (m[3] ?? "") : "", rest: m[4] ? (m[5] ?? "") : "" };
  });
}

/** Index range [start, end) of the block starting at line `i`: the line and deeper-indented ones after it. */
function blockAt(lines, i) {
  const indent = lines[i].indent + (lines[i].item ? 2 : 0);
  let end = i + 1;
  while (end < lines.length && (lines[end].raw.trim() === "" || lines[end].indent >= indent + (lines[i].item ? 0 : 1))) end++;
  return [i, end];
}

function reindent(raws, delta) {
  return raws.map((r) => (delta >= 0 ? " ".repeat(delta) + r : r.replace(new RegExp(`^ {0,${-delta}}`), "")));
}

/** Collects the keys used across `corpus` (the mutation dictionary). */
export function keysOf(corpus) {
  const keys = new Set(FALLBACK_KEYS);
  for (const text of corpus.slice(0, 400)) for (const l of analyse(text)) if (l.key && l.key.length < 40) keys.add(l.key);
  return [...keys];
}

function mutateOnce(r, text, corpus, keys, versions) {
  const lines = analyse(text);
  if (lines.length === 0) return text;
  const i = r.int(lines.length);
  const line = lines[i];
  const raws = lines.map((l) => l.raw);
  const join = (arr) => arr.join("\n");
  switch (r.int(17)) {
    case 0: {
      // Delete a block.
      const [s, e] = blockAt(lines, i);
      raws.splice(s, e - s);
      return join(raws);
    }
    case 1: {
      // Duplicate a block (duplicate keys, repeated list items).
      const [s, e] = blockAt(lines, i);
      raws.splice(e, 0, ...raws.slice(s, e));
      return join(raws);
    }
    case 2: {
      // Move a block elsewhere, re-indented to its new neighbour.
      const [s, e] = blockAt(lines, i);
      const block = raws.splice(s, e - s);
      const j = r.int(raws.length + 1);
      const target = analyse(raws[j] ?? "")[0];
      raws.splice(j, 0, ...reindent(block, (target?.indent ?? 0) - line.indent));
      return join(raws);
    }
    case 3: {
      // Splice a block from another config.
      const other = analyse(r.pick(corpus));
      const k = r.int(other.length);
      const [s, e] = blockAt(other, k);
      const block = other.slice(s, Math.min(e, s + 40)).map((l) => l.raw);
      raws.splice(i, 0, ...reindent(block, line.indent - other[k].indent));
      return join(raws);
    }
    case 4:
    case 5: {
      // Replace a value: type confusion, odd scalars, tags, anchors.
      const v = r.pick(SCALARS);
      if (line.key) raws[i] = `${" ".repeat(line.indent)}${line.item ? "- " : ""}${line.key}: ${v}`;
      else if (line.item) raws[i] = `${" ".repeat(line.indent)}- ${v}`;
      else raws[i] = line.raw + v;
      return join(raws);
    }
    case 6: {
      // Rename a key (to another Butane key, or a near miss).
      if (!line.key) return join(raws);
      const k = r.chance(0.7) ? r.pick(keys) : line.key.slice(0, -1) + line.key.slice(-1).toUpperCase();
      raws[i] = line.raw.replace(line.key + ":", k + ":");
      return join(raws);
    }
    case 7: {
      // Re-indent a line or a block by a little.
      const [s, e] = r.chance(0.5) ? blockAt(lines, i) : [i, i + 1];
      const delta = r.pick([-4, -2, -1, 1, 2, 3]);
      raws.splice(s, e - s, ...reindent(raws.slice(s, e), delta));
      if (r.chance(0.1)) raws[i] = "\t" + raws[i];
      return join(raws);
    }
    case 8: {
      // Wrap a value into a list or a mapping, or a block into a flow collection.
      if (line.key && line.rest.trim() !== "") {
        const v = line.rest.trim();
        const wrapped = r.pick([`[${v}]`, `{${r.pick(keys)}: ${v}}`, `[[${v}]]`, `{${v}}`, `[${v}`]);
        raws[i] = `${" ".repeat(line.indent)}${line.item ? "- " : ""}${line.key}: ${wrapped}`;
      } else {
        const [s, e] = blockAt(lines, i);
        raws.splice(s + 1, e - s - 1, ...reindent(raws.slice(s + 1, e), 2));
        raws.splice(s + 1, 0, `${" ".repeat(line.indent + 2)}- `);
      }
      return join(raws);
    }
    case 9: {
      // Anchors, aliases and merge keys between two lines.
      const j = r.int(lines.length);
      const a = lines[Math.min(i, j)];
      const b = lines[Math.max(i, j)];
      if (!a.key || !b.key) return join(raws);
      raws[Math.min(i, j)] = a.raw.replace(`${a.key}:`, `${a.key}: &x${i}`);
      raws[Math.max(i, j)] = r.chance(0.3)
        ? `${" ".repeat(b.indent)}${b.item ? "- " : ""}<<: *x${i}`
        : `${" ".repeat(b.indent)}${b.item ? "- " : ""}${b.key}: *x${i}`;
      return join(raws);
    }
    case 10: {
      // Change variant/version.
      const [variant, version] = r.pick(versions.all).split(" ");
      return join(raws.map((l) => l.replace(/^variant:.*$/, `variant: ${variant ?? ""}`).replace(/^version:.*$/, `version: ${version ?? ""}`)));
    }
    case 11: {
      // Bytes and special characters inside a line.
      const at = r.int(line.raw.length + 1);
      raws[i] = line.raw.slice(0, at) + r.pick(BYTES) + line.raw.slice(at);
      return join(raws);
    }
    case 12: {
      // Truncate anywhere (mid-token, mid-escape).
      return text.slice(0, r.int(text.length + 1));
    }
    case 13: {
      // Big things: a long scalar, many list items, deep nesting, many keys.
      const pad = " ".repeat(line.indent + 2);
      const big = r.pick([
        () => `${pad}${r.pick(keys)}: ${"y".repeat(1000 + r.int(100_000))}`,
        () => Array.from({ length: 100 + r.int(2000) }, (_, n) => `${pad}- item${n}`).join("\n"),
        () => `${pad}${r.pick(keys)}: ${"[".repeat(50 + r.int(3000))}`,
        () => `${pad}${r.pick(keys)}: ${"{a: ".repeat(50 + r.int(3000))}1${"}".repeat(r.int(3000))}`,
        () => `${pad}deep:\n` + Array.from({ length: 100 + r.int(500) }, (_, n) => `${" ".repeat(line.indent + 4 + n)}k${n}:`).join("\n"),
        () => Array.from({ length: 200 + r.int(3000) }, (_, n) => `${pad}key${n}: v`).join("\n"),
        () => {
          // An alias bomb ("billion laughs") under some key.
          const w = 2 + r.int(9);
          let bomb = `${pad}${r.pick(keys)}: &l0 [${Array(w).fill("lol").join(", ")}]`;
          for (let n = 1; n < 3 + r.int(8); n++)
            bomb += `\n${pad}l${n}: &l${n} [${Array(w)
              .fill(`*l${n - 1}`)
              .join(", ")}]`;
          return bomb;
        },
      ])();
      raws.splice(i + 1, 0, big);
      return join(raws);
    }
    case 14: {
      // Line endings and document markers.
      return r.pick([
        () => text.replace(/\n/g, "\r\n"),
        () => text.replace(/\n/g, "\r"),
        () => text.replace(/\n/g, "\u0085"),
        () => "\ufeff" + text,
        () => `%YAML 1.1\n---\n${text}`,
        () => `${text}\n---\n${r.pick(corpus)}`,
        () => `--- !!map\n${text}`,
        () => `%TAG !e! tag:example.com,2000:\n---\n${text}`,
      ])();
    }
    case 15: {
      // Content that the translation decodes: data URLs, compression, hashes, local files.
      const pad = " ".repeat(line.indent);
      const payload = r.pick([
        `${pad}source: data:;base64,${r.pick(["H4sIAAAAAAAA/w==", "not base64!", "H4sI", "aGVsbG8="])}\n${pad}compression: ${r.pick(["gzip", "", "xz", "null"])}`,
        `${pad}local: ${r.pick(["../../etc/passwd", "/abs", "missing.txt", "", "a/../../b"])}`,
        `${pad}verification:\n${pad}  hash: ${r.pick(["sha512-" + "0".repeat(128), "sha256-x", "md5-1", "sha512"])}`,
        `${pad}inline: ${r.pick(["|", '"\\u0000\\uFFFF"', "'multi\n" + pad + "  line'"])}`,
        `${pad}http_headers:\n${pad}  - name: ${r.pick(["X", "", "Content-Length"])}\n${pad}    value: ${r.pick(["v", "", "\u0000"])}`,
      ]);
      raws.splice(i + 1, 0, payload);
      return join(raws);
    }
    default: {
      // Drop a structural character.
      const at = line.raw.search(r.pick([/:/, /- /, /[[\]{}]/, / /]));
      if (at >= 0) raws[i] = line.raw.slice(0, at) + line.raw.slice(at + 1);
      return join(raws);
    }
  }
}

/** A random YAML document built from Butane keys (block or flow style, mixed quoting). */
function randomYaml(r, keys, versions) {
  const scalar = () => {
    const v = r.pick(SCALARS);
    return r.chance(0.2) ? JSON.stringify(v) : r.chance(0.1) ? `'${v.replace(/'/g, "''")}'` : v.includes("\n") ? "x" : v;
  };
  const flow = (depth) => {
    if (depth > 4 || r.chance(0.3)) return scalar();
    if (r.chance(0.5)) return `[${Array.from({ length: r.int(4) }, () => flow(depth + 1)).join(", ")}]`;
    return `{${Array.from({ length: r.int(4) }, () => `${r.pick(keys)}: ${flow(depth + 1)}`).join(", ")}}`;
  };
  const block = (depth, indent) => {
    const pad = " ".repeat(indent);
    const out = [];
    const n = 1 + r.int(5);
    for (let k = 0; k < n; k++) {
      const key = r.pick(keys);
      const child = depth > 5 || r.chance(0.4) ? null : r.int(3);
      if (child === null) out.push(`${pad}${key}: ${r.chance(0.3) ? flow(depth) : scalar()}`);
      else if (child === 0) out.push(`${pad}${key}:\n${block(depth + 1, indent + 2)}`);
      else {
        out.push(`${pad}${key}:`);
        for (let m = 0; m < 1 + r.int(3); m++) {
          const inner = block(depth + 1, indent + 4).replace(/^\s+/, "");
          out.push(`${pad}  - ${r.chance(0.2) ? scalar() : inner}`);
        }
      }
    }
    return out.join("\n");
  };
  const [variant, version] = r.pick(versions.valid).split(" ");
  const head = r.chance(0.9) ? `variant: ${variant}\nversion: ${version}\n` : "";
  return head + (r.chance(0.8) ? block(0, 0) : flow(0));
}

/** Random text: printable noise, YAML punctuation, or arbitrary UTF-16 (lone surrogates included). */
function randomText(r) {
  const n = r.int(400);
  let s = "";
  const mode = r.int(3);
  for (let k = 0; k < n; k++) {
    if (mode === 0) s += String.fromCharCode(32 + r.int(95));
    else if (mode === 1) s += r.pick([...BYTES, " ", "\n", "a", "1", ": ", "- ", "  "]);
    else s += String.fromCharCode(r.int(0x10000));
  }
  return r.chance(0.5) ? `variant: fcos\nversion: 1.6.0\n${s}` : s;
}

/** Which family input `index` belongs to: 70% mutated corpus, 20% random YAML, 10% random text. */
export function familyOf(seed, index) {
  const r = rng((seed * 1_000_003 + index * 7919) ^ 0x5bd1e995);
  const p = r.next();
  return p < 0.7 ? "mutated" : p < 0.9 ? "random-yaml" : "random-text";
}

/** Fuzz input number `index` for `seed` (deterministic). `keys` from `keysOf(corpus)`, `versions` from `versionsOf(listSpecs())`. */
export function fuzzInput(seed, index, corpus, keys, versions) {
  const family = familyOf(seed, index);
  const r = rng((seed * 1_000_003 + index * 7919) ^ 0x1b873593);
  if (family === "random-yaml") return randomYaml(r, keys, versions);
  if (family === "random-text") return randomText(r);
  let text = r.pick(corpus);
  const n = 1 + r.int(5);
  for (let k = 0; k < n; k++) text = mutateOnce(r, text, corpus, keys, versions);
  return text;
}

/**
 * Checks one transpile result the way users rely on it: output or an error, parseable output,
 * no exception. Returns a problem description, or null when the result is fine.
 */
export function checkResult(result) {
  if (result === null || typeof result !== "object") return "no result object";
  const hasError = result.failure !== undefined || result.diagnostics.some((d) => d.severity === "error");
  if (result.output === null && !hasError) return "neither output nor an error";
  if (result.output !== null) {
    if (result.failure !== undefined) return "output and a failure";
    if (result.outputFormat === "json") {
      try {
        JSON.parse(result.output);
      } catch {
        return "output is not JSON";
      }
    } else if (!result.output.startsWith("# Generated by Butane; do not edit\n")) return "MachineConfig without its header";
  }
  for (const d of result.diagnostics) {
    if (typeof d.message !== "string" || d.message === "") return "a diagnostic without a message";
  }
  return null;
}
