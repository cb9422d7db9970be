import { existsSync, readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import type { YAlias, YMap, YNode, YScalar, YSeq } from "./node.ts";
import { DEFAULT_MAX_DEPTH, duplicateKeyErrors, parseYaml, yamlErrorLine } from "./parse.ts";

/** Parse and expect success. */
function root(source: string): YNode {
  const r = parseYaml(source);
  if (!r.ok) throw new Error(`unexpected failure: ${r.message}`);
  if (r.root === null) throw new Error("empty document");
  return r.root;
}

/** Follow a path of map keys / sequence indices; `"#key:x"` selects the key node of entry `x`. */
function at(node: YNode, ...path: (string | number)[]): YNode {
  let n = node;
  for (const p of path) {
    if (typeof p === "number") {
      n = (n as YSeq).items[p] as YNode;
    } else if (p.startsWith("#key:")) {
      const e = (n as YMap).entries.find((x) => (x.key as YScalar).value === p.slice(5));
      n = e!.key;
    } else {
      const e = (n as YMap).entries.find((x) => (x.key as YScalar).value === p);
      if (!e) throw new Error(`no key ${p}`);
      n = e.value;
    }
  }
  return n;
}

function failure(source: string): string {
  const r = parseYaml(source);
  if (r.ok) throw new Error("expected a failure");
  return r.message;
}

describe("positions (yaml.v3 Node.Line/Column)", () => {
  const cases: [string, string, (string | number)[], number, number][] = [
    ["root block mapping: first key", "a: 1\n", [], 1, 1],
    ["key scalar", "a: 1\n", ["#key:a"], 1, 1],
    ["value scalar", "a: 1\n", ["a"], 1, 4],
    ["nested block mapping: its first key", "a:\n  b: 1\n", ["a"], 2, 3],
    ["block sequence: its first '-'", "key:\n  - a\n  - b\n", ["key"], 2, 3],
    ["sequence items", "key:\n  - a\n  - b\n", ["key", 1], 3, 5],
    ["indentless sequence: its first '-'", "key:\n- a\n", ["key"], 2, 1],
    ["mapping in a sequence item", "- x: 1\n  y: 2\n", [0], 1, 3],
    ["flow sequence: '['", "a: [1, 2]\n", ["a"], 1, 4],
    ["flow mapping: '{'", "a: {b: 1}\n", ["a"], 1, 4],
    ["implicit mapping in a flow sequence: its key", "a: [b: c]\n", ["a", 0], 1, 5],
    ["double-quoted scalar: opening quote", 'a: "q"\n', ["a"], 1, 4],
    ["single-quoted scalar: opening quote", "a: 'q'\n", ["a"], 1, 4],
    ["block scalar: indicator", "a: |\n  x\n", ["a"], 1, 4],
    ["tagged scalar: the tag", "a: !!str 0644\n", ["a"], 1, 4],
    ["anchored mapping: the anchor", "a: &x\n  b: 1\n", ["a"], 1, 4],
    ["anchored key: the anchor", "&k a: 1\n", [], 1, 1],
    ["empty value: just after the ':'", "a:\nb: 1\n", ["a"], 1, 3],
    ["empty sequence item: just after the '-'", "- \n- b\n", [0], 1, 2],
    ["alias: the '*'", "x: &a 1\ny: *a\n", ["y"], 2, 4],
    ["columns count code points", "é: ü\nx: 😀y\n", ["x"], 2, 4],
    ["a tab counts as one column", "a:\tb\n", ["a"], 1, 4],
    ["CRLF line breaks", "a: 1\r\nb: 2\r\n", ["b"], 2, 4],
    ["explicit key mapping: the '?'", "? a\n: b\n", [], 1, 1],
    ["after a document marker", "---\na: 1\n", [], 2, 1],
    ["after a BOM", "\ufeffa: 1\n", ["a"], 1, 4],
    ["multi-line plain scalar: its start", "a: b\n  c\n", ["a"], 1, 4],
  ];
  it.each(cases)("%s", (_name, source, path, line, column) => {
    const n = at(root(source), ...path);
    expect([n.line, n.column]).toEqual([line, column]);
  });

  it("records anchors and links aliases to the anchored node (not expanded)", () => {
    const r = root("x: &base\n  a: 1\ny: *base\n");
    const y = at(r, "y") as YAlias;
    expect(y.kind).toBe("alias");
    expect(y.name).toBe("base");
    expect(y.target).toBe(at(r, "x"));
    expect(at(r, "x").anchor).toBe("base");
  });
});

describe("plain scalar resolution (yaml.v3 resolve.go)", () => {
  const tags: [string, string][] = [
    ["~", "!!null"],
    ["null", "!!null"],
    ["Null", "!!null"],
    ["NULL", "!!null"],
    ["nULL", "!!str"],
    ["true", "!!bool"],
    ["True", "!!bool"],
    ["TRUE", "!!bool"],
    ["false", "!!bool"],
    ["False", "!!bool"],
    ["FALSE", "!!bool"],
    ["tRue", "!!str"],
    // YAML 1.1 booleans are strings for yaml.v3's resolver (the decoder handles them for bool fields).
    ["yes", "!!str"],
    ["no", "!!str"],
    ["on", "!!str"],
    ["off", "!!str"],
    ["y", "!!str"],
    ["Y", "!!str"],
    ["n", "!!str"],
    ["Yes", "!!str"],
    ["OFF", "!!str"],
    ["0", "!!int"],
    ["420", "!!int"],
    ["+420", "!!int"],
    ["-1", "!!int"],
    ["0644", "!!int"],
    ["-0644", "!!int"],
    ["0o644", "!!int"],
    ["0O644", "!!int"],
    ["0x1A4", "!!int"],
    ["0X1a4", "!!int"],
    ["0b1010", "!!int"],
    ["+0x10", "!!int"],
    ["4_20", "!!int"],
    ["1__000", "!!int"],
    ["0x_1f", "!!int"],
    ["0b-1", "!!int"],
    ["0o-7", "!!int"],
    ["-0b11", "!!int"],
    ["9223372036854775807", "!!int"],
    ["-9223372036854775808", "!!int"],
    ["18446744073709551615", "!!int"],
    ["18446744073709551616", "!!float"],
    ["0xFFFFFFFFFFFFFFFFF", "!!str"],
    ["0x", "!!str"],
    ["0b2", "!!str"],
    ["_1", "!!str"],
    ["08", "!!float"],
    ["0800", "!!float"],
    ["0644.5", "!!float"],
    ["1.5", "!!float"],
    ["1.", "!!float"],
    ["-1.5e3", "!!float"],
    ["1e3", "!!float"],
    ["1E+3", "!!float"],
    [".5", "!!float"],
    ["+.5", "!!float"],
    [".inf", "!!float"],
    [".Inf", "!!float"],
    ["+.INF", "!!float"],
    ["-.inf", "!!float"],
    [".nan", "!!float"],
    [".NaN", "!!float"],
    [".nAn", "!!str"],
    ["1e999", "!!str"],
    [".", "!!str"],
    ["1.2.3", "!!str"],
    ["1.5.0", "!!str"],
    ["2001-12-14", "!!timestamp"],
    ["2001-1-2", "!!timestamp"],
    ["2001-12-14T21:59:43.10-05:00", "!!timestamp"],
    ["2001-12-14t21:59:43Z", "!!timestamp"],
    ["2001-12-14 21:59:43.10", "!!timestamp"],
    ["2000-02-29", "!!timestamp"],
    ["1900-02-29", "!!str"],
    ["2001-13-14", "!!str"],
    ["2001-12-14 21:59:43.10 -5", "!!str"],
    ["20011-12-14", "!!str"],
    ["abc", "!!str"],
    ["/etc/hosts", "!!str"],
    ["0644abc", "!!str"],
    ["é", "!!str"],
  ];
  it.each(tags)("%s → %s", (value, tag) => {
    const n = at(root(`v: ${value}\n`), "v") as YScalar;
    expect(n.kind).toBe("scalar");
    expect(n.value).toBe(value);
    expect(n.tag).toBe(tag);
    expect(n.style).toBe("plain");
  });

  it("an empty value is !!null with value ''", () => {
    expect(at(root("v:\n"), "v")).toMatchObject({ kind: "scalar", value: "", tag: "!!null", style: "plain" });
  });

  it("a plain << is !!merge; a quoted one is !!str", () => {
    const r = root('base: &b {x: 1}\nm:\n  <<: *b\nq:\n  "<<": 1\n');
    expect(at(r, "m", "#key:<<")).toMatchObject({ value: "<<", tag: "!!merge" });
    expect(at(r, "q", "#key:<<")).toMatchObject({ value: "<<", tag: "!!str", style: "double" });
  });

  it("merge keys stay ordinary pairs (with aliases or lists of aliases)", () => {
    const r = root("a: &a {x: 1}\nb: &b {y: 2}\nc:\n  <<: [*a, *b]\n  z: 3\n");
    const c = at(r, "c") as YMap;
    expect(c.entries.map((e) => (e.key as YScalar).value)).toEqual(["<<", "z"]);
    expect((at(c, "<<") as YSeq).items.map((i) => i.kind)).toEqual(["alias", "alias"]);
  });

  const quoted: [string, string, string][] = [
    ['"0644"', "0644", "double"],
    ["'true'", "true", "single"],
    ['""', "", "double"],
    ["|\n  123\n", "123\n", "literal"],
    [">\n  null\n", "null\n", "folded"],
  ];
  it.each(quoted)("non-plain scalars are !!str: %s", (src, value, style) => {
    expect(at(root(`v: ${src}`), "v")).toMatchObject({ value, style, tag: "!!str" });
  });
});

describe("explicit tags", () => {
  const cases: [string, string, string][] = [
    ["!!str 0644", "!!str", "0644"],
    ['!!int "3"', "!!int", "3"],
    ["!<tag:yaml.org,2002:str> 1", "!!str", "1"],
    ["!!binary aGk=", "!!binary", "aGk="],
    ["!foo bar", "!foo", "bar"],
    ["! 12", "!!int", "12"],
    ["!!str", "!!str", ""],
  ];
  it.each(cases)("%s", (src, tag, value) => {
    expect(at(root(`v: ${src}\n`), "v")).toMatchObject({ kind: "scalar", tag, value });
  });

  it("tags on collections are kept; untagged collections have none", () => {
    const r = root("a: !!map {x: 1}\nb: !!seq [1]\nc: {x: 1}\n");
    expect((at(r, "a") as YMap).tag).toBe("!!map");
    expect((at(r, "b") as YSeq).tag).toBe("!!seq");
    expect((at(r, "c") as YMap).tag).toBeUndefined();
  });

  it("resolves %TAG handles", () => {
    expect(at(root("%TAG !e! tag:example.com,2000:\n---\nv: !e!x y\n"), "v")).toMatchObject({
      tag: "tag:example.com,2000:x",
    });
  });
});

describe("scalar values (yaml.v3 Node.Value)", () => {
  const cases: [string, string, string][] = [
    ["double-quoted escapes", String.raw`v: "a\tb\x41\u00e9\U0001F600\n\\\"\e\N\_\ x"`, 'a\tbAé😀\n\\"\x1b\u0085\u00a0 x'],
    ["single-quoted", "v: 'it''s \\n'", "it's \\n"],
    ["double-quoted folding", 'v: "a\n  b\n\n  c"', "a b\nc"],
    ["escaped line break", 'v: "a\\\n  b"', "ab"],
    ["plain folding", "v: a\n  b\n\n  c\n", "a b\nc"],
    ["plain with inner spaces", "v: a  b\tc   # comment\n", "a  b\tc"],
    ["plain with # inside", "v: a#b\n", "a#b"],
    ["literal clip", "v: |\n  x\n  y\n\n", "x\ny\n"],
    ["literal strip", "v: |-\n  x\n\n", "x"],
    ["literal keep", "v: |+\n  x\n\n", "x\n\n"],
    ["literal with more-indented lines", "v: |\n  x\n    y\n  z\n", "x\n  y\nz\n"],
    ["literal with indentation indicator", "v: |2\n   x\n", " x\n"],
    ["literal at end of input without newline", "v: |\n  x", "x"],
    ["folded", "v: >\n  a\n  b\n\n  c\n", "a b\nc\n"],
    ["folded keeps more-indented lines", "v: >\n  a\n   b\n  c\n", "a\n b\nc\n"],
    ["CRLF in block scalars", "v: |\r\n  a\r\n  b\r\n", "a\nb\n"],
  ];
  it.each(cases)("%s", (_name, src, value) => {
    expect((at(root(src), "v") as YScalar).value).toBe(value);
  });
});

describe("duplicate keys", () => {
  it("reports yaml.v3's message for the root mapping", () => {
    expect(failure("variant: fcos\nversion: 1.7.0\nversion: 1.6.0\n")).toBe(
      'yaml: unmarshal errors:\n  line 3: mapping key "version" already defined at line 2',
    );
  });

  it("reports nested mappings, in document order", () => {
    expect(failure("a:\n  - path: /a\n    path: /b\nb:\n  x: 1\n  x: 2\n")).toBe(
      'yaml: unmarshal errors:\n  line 3: mapping key "path" already defined at line 2\n  line 6: mapping key "x" already defined at line 5',
    );
  });

  it("lists every pair like yaml.v3 (each key against every later equal key)", () => {
    expect(failure("a: 1\na: 2\na: 3\n")).toBe(
      "yaml: unmarshal errors:\n" +
        '  line 2: mapping key "a" already defined at line 1\n' +
        '  line 3: mapping key "a" already defined at line 1\n' +
        '  line 3: mapping key "a" already defined at line 2',
    );
  });

  it("compares by value (quoting does not matter) and Go-quotes the key", () => {
    expect(failure("\"a\\tb\": 1\n'a\tb': 2\n")).toBe('yaml: unmarshal errors:\n  line 2: mapping key "a\\tb" already defined at line 1');
    expect(failure('"é\\"": 1\n"é\\"": 2\n')).toContain('mapping key "é\\"" already defined');
  });

  it("does not descend into a mapping that has duplicates", () => {
    expect(failure("a: {b: 1, b: 2}\na: 2\n")).toBe('yaml: unmarshal errors:\n  line 2: mapping key "a" already defined at line 1');
  });

  it("treats different scalars with equal text as equal, different texts as different", () => {
    expect(parseYaml("1: a\n01: b\n~: c\nnull: d\n").ok).toBe(true);
    expect(failure('1: a\n"1": b\n')).toContain('line 2: mapping key "1" already defined at line 1');
  });

  it("options: 'root' checks only the top-level mapping, 'none' nothing", () => {
    const nested = "a:\n  b: 1\n  b: 2\n";
    expect(parseYaml(nested, { duplicateKeys: "root" }).ok).toBe(true);
    expect(parseYaml("a: 1\na: 2\n", { duplicateKeys: "root" }).ok).toBe(false);
    expect(parseYaml("a: 1\na: 2\n", { duplicateKeys: "none" }).ok).toBe(true);
  });

  it("duplicateKeyErrors gives one mapping's lines for the decoder", () => {
    const r = parseYaml("x:\n  b: 1\n  b: 2\n", { duplicateKeys: "none" });
    const m = at((r.ok && r.root) as YNode, "x") as YMap;
    expect(duplicateKeyErrors(m)).toEqual(['line 3: mapping key "b" already defined at line 2']);
  });

  it("puts the first duplicate's line on the result for editors", () => {
    expect(parseYaml("a: 1\nb: 2\na: 3\n")).toMatchObject({ ok: false, line: 3 });
  });
});

describe("documents", () => {
  it.each(["", "\n", "   \n\n", "# only a comment\n", "# c1\n\n# c2"])("no document: %j", (src) => {
    expect(parseYaml(src)).toEqual({ ok: true, root: null });
  });

  it("an explicit empty document is a null scalar (as yaml.v3 gives)", () => {
    expect(root("---\n")).toMatchObject({ kind: "scalar", tag: "!!null", value: "" });
  });

  it("ignores later documents, even broken ones", () => {
    const r = root("a: 1\n---\nb: [\n");
    expect((r as YMap).entries).toHaveLength(1);
    expect(parseYaml('a: 1\n...\nfoo: "x\n').ok).toBe(true);
    expect(parseYaml("a: 1\n---\na: 1\na: 2\n").ok).toBe(true);
  });

  it("but yaml.v3's scanner looks a few tokens past the first document", () => {
    expect(failure('a: b\n--- "x\n')).toBe("yaml: line 2: found unexpected end of stream");
  });
});

describe("syntax errors (yaml.v3 texts and line numbers)", () => {
  // Scanner errors print 1-based lines; parser errors print libyaml's 0-based line of the context
  // mark (or of the problem when the context is on the first line); no line when both are line 0.
  const cases: [string, string, string][] = [
    ["unclosed flow sequence at EOF", "variant: fcos\nversion: 1.7.0\nstorage: [\n", "yaml: line 3: did not find expected node content"],
    ["tab indentation", "storage:\n\tfiles:\n", "yaml: line 2: found character that cannot start any token"],
    [
      "tab indentation (corpus)",
      "variant: fcos\nversion: 1.7.0\nstorage:\n\tfiles:\n\t\t- path: /etc/a\n",
      "yaml: line 4: found character that cannot start any token",
    ],
    ["mapping value after a value", "a:\n  b: x: y\n", "yaml: line 2: mapping values are not allowed in this context"],
    [
      "colon-space inside a plain value",
      'units:\n  - name: a\n    contents: sh -c "echo a: b"\n    bad: : x\n',
      "yaml: line 3: mapping values are not allowed in this context",
    ],
    ["on the first line: no line number", "a: b: c\n", "yaml: mapping values are not allowed in this context"],
    ["over-indented key", "foo: x\n  bar: 1\n", "yaml: line 2: mapping values are not allowed in this context"],
    ["multi-line plain scalar as a key", "a b\nc d # comment\n\ne f\nkey: value\n", "yaml: line 5: mapping values are not allowed in this context"],
    ["unterminated double quote", 'a:\n  b: "x\n', "yaml: line 2: found unexpected end of stream"],
    ["unterminated single quote", "a:\n  - path: '/etc/a\n", "yaml: line 2: found unexpected end of stream"],
    ["bad indentation in a sequence item", "storage:\n  files:\n    - path: /etc/a\n     mode: 0644\n", "yaml: line 2: did not find expected '-' indicator"],
    ["sequence then key at the same level", "a:\n  - b\n  c: d\n", "yaml: line 1: did not find expected '-' indicator"],
    ["sequence at root after a mapping", "a: 1\n- b\n", "yaml: line 1: did not find expected key"],
    ["sequence after mapping entries", "a:\n- b: 1\n  c: 2\n  - d: 3\n", "yaml: line 1: did not find expected key"],
    ["key without ':' (required simple key)", "a: 1\nb\n", "yaml: line 2: could not find expected ':'"],
    ["block scalar content under-indented", "a:\n  b: |\nc\n  d: 1\n", "yaml: line 3: could not find expected ':'"],
    ["unclosed flow sequence", "a: [b, c\n", "yaml: line 1: did not find expected ',' or ']'"],
    ["unclosed flow mapping", "a: {b: c\n", "yaml: line 1: did not find expected ',' or '}'"],
    ["unclosed flow sequence after other lines", "x: 1\ny: 2\nfoo: [a, b", "yaml: line 2: did not find expected ',' or ']'"],
    ["reserved indicator @", "a: @x\n", "yaml: found character that cannot start any token"],
    ["reserved indicator `", "x: 1\na: `x\n", "yaml: line 2: found character that cannot start any token"],
    ["'-' followed by a tab", "-\tx\n", "yaml: found character that cannot start any token"],
    ["unknown escape", 'a: "\\q"\n', "yaml: found unknown escape character"],
    ["no \\/ escape in yaml.v3", 'a: "\\/"\n', "yaml: found unknown escape character"],
    ["bad hex escape", 'x: 1\na: "\\xZZ"\n', "yaml: line 2: did not find expected hexdecimal number"],
    ["tab as block scalar indentation", "x: 1\na: |\n\tb\n", "yaml: line 2: found a tab character where an indentation space is expected"],
    ["document marker in a quoted scalar", "a: 'x\n---\n'\n", "yaml: line 2: found unexpected document indicator"],
    ["unsupported %YAML version", "%YAML 1.2\n---\na: 1\n", "yaml: found incompatible YAML document"],
    ["unknown directive", "%FOO\n---\na: 1\n", "yaml: found unknown directive name"],
    ["undefined tag handle", "a: !e!x y\n", "yaml: found undefined tag handle"],
    ["unterminated verbatim tag", "a: !<x\n", "yaml: did not find the expected '>'"],
    ["empty anchor name", "a: &\n", "yaml: did not find expected alphabetic or numeric character"],
    ["document end marker alone", "...\n", "yaml: did not find expected node content"],
    ["indentation indicator 0", "a: |0\n  x\n", "yaml: found an indentation indicator equal to 0"],
    ["unknown anchor", "variant: fcos\nfoo: *nope\n", "yaml: unknown anchor 'nope' referenced"],
    ["control character", "a: \u0001\n", "yaml: control characters are not allowed"],
    ["DEL character", "a: b\u007f\n", "yaml: control characters are not allowed"],
  ];
  it.each(cases)("%s", (_name, source, message) => {
    expect(failure(source)).toBe(message);
  });

  it("reports the problem position for editors", () => {
    expect(parseYaml("a: 1\n- b\n")).toMatchObject({ ok: false, line: 2, column: 1 });
    expect(parseYaml("x: *nope\n")).toMatchObject({ ok: false, line: 1, column: 4 });
  });

  it("an unknown anchor before a later syntax error wins", () => {
    expect(failure("a: *b\nb: [\n")).toBe("yaml: unknown anchor 'b' referenced");
  });

  it("control characters are found when their 512-byte chunk is read, even past the first document", () => {
    expect(failure("a: 1\n---\n\u0001\n")).toBe("yaml: control characters are not allowed");
    // A long comment is read through, so its chunk is decoded:
    expect(failure(`a: 1\n---\n${"#".repeat(600)}\n\u0001\n`)).toBe("yaml: control characters are not allowed");
    // but the scanner stops a few tokens into the next document:
    expect(parseYaml(`a: 1\n---\nb: c\n${"#".repeat(1200)}\n\u0001\n`).ok).toBe(true);
  });
});

describe("nesting limits and robustness", () => {
  // yaml.v3's own limits (its limit_test.go inputs, shortened where the result is the same).
  it.each([
    ["deeply nested flow sequences", "[".repeat(20000)],
    ["deeply nested flow mappings", "x: " + "{".repeat(20000)],
    ["deeply nested block sequences", "- ".repeat(20000)],
  ])("%s: exceeded max depth of 10000", (_name, source) => {
    expect(failure(source)).toBe("yaml: exceeded max depth of 10000");
  });

  it(`rejects nesting deeper than ${DEFAULT_MAX_DEPTH} (which yaml.v3 would accept) with its own message`, () => {
    const deep = "[".repeat(DEFAULT_MAX_DEPTH + 1) + "]".repeat(DEFAULT_MAX_DEPTH + 1);
    expect(failure(deep)).toBe(`yaml: exceeded max depth of ${DEFAULT_MAX_DEPTH}`);
    const ok = "[".repeat(DEFAULT_MAX_DEPTH) + "]".repeat(DEFAULT_MAX_DEPTH);
    expect(parseYaml(ok).ok).toBe(true);
    expect(parseYaml(deep, { maxDepth: 5000 }).ok).toBe(true);
  });

  it("still reports a yaml.v3 error found beyond the depth limit", () => {
    expect(failure("[".repeat(3000) + "]".repeat(2999) + "}")).toBe("yaml: did not find expected ',' or ']'");
  });

  it("accepts 1000 block levels per line (yaml.v3's limit test)", () => {
    expect(parseYaml(("- ".repeat(1000) + "\n").repeat(64)).ok).toBe(true);
  });

  it("does not expand alias bombs, and refuses them as yaml.v3's decoder does", () => {
    let src = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n";
    for (let i = 1; i < 30; i++)
      src += `a${i}: &a${i} [${Array(10)
        .fill(`*a${i - 1}`)
        .join(", ")}]\n`;
    const start = Date.now();
    expect(failure(src)).toBe("yaml: document contains excessive aliasing");
    expect(Date.now() - start).toBeLessThan(1000);
  });

  it("an alias may point at its own ancestor", () => {
    const r = root("a: &x [1, *x]\n");
    const seq = at(r, "a") as YSeq;
    expect((seq.items[1] as YAlias).target).toBe(seq);
  });

  it("handles multi-megabyte input", () => {
    const src = '- key: value\n  list: [1, 2, 3]\n  text: "hello world"\n'.repeat(20000);
    const r = parseYaml(src);
    expect(r.ok && r.root?.kind === "seq" && r.root.items.length).toBe(20000);
    const scalar = "x: " + "word ".repeat(500000) + "\n";
    const s = parseYaml(scalar);
    expect(s.ok && (at(s.root as YNode, "x") as YScalar).value.length).toBe(2499999);
  });

  it("never throws on arbitrary strings", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 200 }), (s) => {
        const r = parseYaml(s);
        return r.ok || r.message.startsWith("yaml: ");
      }),
      { numRuns: 1000 },
    );
  });

  it("never throws on YAML-like noise", () => {
    const pieces = [
      "a",
      ":",
      " ",
      "\n",
      "\t",
      "- ",
      "? ",
      "[",
      "]",
      "{",
      "}",
      ",",
      "#",
      "&x",
      "*x",
      "!!str",
      "|",
      ">",
      "'",
      '"',
      "\\",
      "---",
      "...",
      "%YAML 1.1",
      "0644",
      "é",
      "\r\n",
      "\u2028",
    ];
    const known =
      /^yaml: (line \d+: )?(did not find |found |could not find |mapping values are not allowed|mapping keys are not allowed|block sequence entries are not allowed|control characters|invalid Unicode|unknown anchor|exceeded max depth|unmarshal errors)/;
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 40 }), (parts) => {
        const r = parseYaml(parts.join(""));
        return r.ok || known.test(r.message);
      }),
      { numRuns: 3000 },
    );
  });
});

describe("yamlErrorLine", () => {
  it.each([
    ["yaml: line 3: did not find expected key", 3],
    ['yaml: unmarshal errors:\n  line 12: mapping key "a" already defined at line 2', 12],
    ["yaml: unknown anchor 'x' referenced", undefined],
    ["yaml: mapping values are not allowed in this context", undefined],
  ])("%j → %s", (message, line) => {
    expect(yamlErrorLine(message)).toBe(line);
  });
});

describe("conformance corpus", () => {
  const dir = "/work/shared/conformance/cases";
  const cases = existsSync(dir) ? readdirSync(dir).sort() : [];
  const PREFIX = "Error unmarshaling yaml: ";

  /** The yaml error Butane printed for a case, if its dispatch decode failed on the YAML itself. */
  function expectedYamlError(err: string): string | undefined {
    const i = err.indexOf(PREFIX);
    if (i < 0) return undefined;
    const lines = err.slice(i + PREFIX.length).split("\n");
    let msg = lines[0] as string;
    for (const l of lines.slice(1)) {
      if (!l.startsWith("  ")) break;
      msg += "\n" + l;
    }
    // Type errors of the dispatch decode come from the decoder, not from parsing.
    return msg.includes("cannot unmarshal") ? undefined : msg;
  }

  it.skipIf(cases.length === 0)("parses every input.bu like yaml.v3 (dispatch decode: root duplicates only)", () => {
    const mismatches: string[] = [];
    let yamlErrors = 0;
    for (const c of cases) {
      const input = readFileSync(`${dir}/${c}/input.bu`, "utf8");
      const errPath = `${dir}/${c}/expected.err`;
      const expected = existsSync(errPath) ? expectedYamlError(readFileSync(errPath, "utf8")) : undefined;
      if (expected !== undefined) yamlErrors++;
      const r = parseYaml(input, { duplicateKeys: "root" });
      const got = r.ok ? undefined : r.message;
      if (got !== expected) mismatches.push(`${c}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(got)}`);
    }
    expect(mismatches).toEqual([]);
    expect(yamlErrors).toBeGreaterThanOrEqual(7);
  });

  it.skipIf(cases.length === 0)("with the default options, nested duplicate keys fail too", () => {
    const dup = cases.filter((c) => c.startsWith("bad-yaml-duplicate-key"));
    for (const c of dup) {
      const r = parseYaml(readFileSync(`${dir}/${c}/input.bu`, "utf8"));
      const err = readFileSync(`${dir}/${c}/expected.err`, "utf8");
      expect(r.ok).toBe(false);
      if (!r.ok) expect(err).toContain(r.message);
    }
  });
});
