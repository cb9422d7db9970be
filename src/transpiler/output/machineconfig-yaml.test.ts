import { describe, expect, it } from "vitest";
import { analyzeEachCharacter, analyzeScalar, marshalMachineConfigYaml } from "./machineconfig-yaml.ts";
import { sortYamlKeys } from "./yaml-keys.ts";

const y = (v: unknown): string => marshalMachineConfigYaml(v);

describe("marshalMachineConfigYaml", () => {
  it("lays out mappings and sequences like yaml.v3 with indent 2", () => {
    expect(y({ b: 1, a: [1, 2], c: { d: [{ e: "f", g: ["h"] }, [1, [2]]] } })).toBe(
      "a:\n  - 1\n  - 2\nb: 1\nc:\n  d:\n    - e: f\n      g:\n        - h\n    - - 1\n      - - 2",
    );
    expect(y({ a: [], b: {}, c: [[], {}] })).toBe("a: []\nb: {}\nc:\n  - []\n  - {}");
    expect(y({})).toBe("{}");
    expect(y([])).toBe("[]");
    expect(y("x")).toBe("x");
    expect(y({ a: null, b: true, c: false })).toBe("a: null\nb: true\nc: false");
  });

  it("sorts keys with yaml.v3's natural ordering", () => {
    expect(y({ kind: 1, spec: 1, metadata: 1, apiVersion: 1 })).toBe("apiVersion: 1\nkind: 1\nmetadata: 1\nspec: 1");
    expect(y({ a10: 1, a2: 1, a1: 1, b: 1, A: 1, "a-1": 1 })).toBe("A: 1\na-1: 1\na1: 1\na2: 1\na10: 1\nb: 1");
  });

  it("formats numbers as float64 with %g", () => {
    expect(y([420, 1000000, 1234567, 123456789, 999999, 0.5, 0.0001, 0.00001, -3, 1e21, 0])).toBe(
      "- 420\n- 1e+06\n- 1.234567e+06\n- 1.23456789e+08\n- 999999\n- 0.5\n- 0.0001\n- 1e-05\n- -3\n- 1e+21\n- 0",
    );
  });

  it("quotes strings that would not read back as strings", () => {
    const words = [
      "",
      "true",
      "yes",
      "y",
      "N",
      "off",
      "null",
      "~",
      "1",
      "0644",
      "0x1F",
      "1e3",
      ".5",
      "1:20",
      "-1.5",
      "2024-01-02",
      "2024-1-2T10:00:00Z",
      "0b101",
      "0o17",
      "+.inf",
      ".NaN",
      "99999999999999999999999",
      "0b-1",
      "1_000",
      "+0x1F",
      "2001-12-14 21:59:43.10",
      "2001-12-14t21:59:43.10-05:00",
      "2001-12-14  21:59:43",
      ".5_0",
      "1e+06",
    ];
    for (const w of words) expect(y(w)).toBe(JSON.stringify(w));
    for (const w of [
      "3.2.0",
      "2024-13-01",
      "1:70",
      "<<",
      "yess",
      "0xZZ",
      "0xFFFFFFFFFFFFFFFFFFFF",
      "1e400",
      "2024-02-30",
      ".",
      "_1",
      "2001-12-14 21:59:43.10 -5",
      "2023-02-29",
      "1:2:3.x",
      "._5",
      ".e5",
    ]) {
      expect(y(w)).toBe(w);
    }
  });

  it("single-quotes strings with indicators", () => {
    expect(y(["- a", ": a", "a: b", "a #b", "#a", "'q'", " lead", "trail ", "{x}", "*x", "a:", "---x"])).toBe(
      "- '- a'\n- ': a'\n- 'a: b'\n- 'a #b'\n- '#a'\n- '''q'''\n- ' lead'\n- 'trail '\n- '{x}'\n- '*x'\n- 'a:'\n- '---x'",
    );
    expect(y(["a:b", "a#b", "a,b", "-a", "http://x/y?z=1&b[]=2"])).toBe("- a:b\n- a#b\n- a,b\n- -a\n- http://x/y?z=1&b[]=2");
  });

  it("double-quotes strings with special characters", () => {
    expect(y(["a\tb", "bell\u0007", "del\u007f", "nel\u0085", "😀", "\ufeffbom", "cr\r"])).toBe(
      '- "a\\tb"\n- "bell\\a"\n- "del\\x7F"\n- "nel\\N"\n- "\\U0001F600"\n- "\\uFEFF\\x62\\x6F\\x6D"\n- "cr\\r"',
    );
    expect(y("é ü")).toBe("é ü");
  });

  it("uses literal blocks for multi-line strings", () => {
    expect(y({ a: "x\ny\n" })).toBe("a: |\n  x\n  y");
    expect(y({ a: "x\ny", b: 1 })).toBe("a: |-\n  x\n  y\nb: 1");
    expect(y({ a: "x\n\n", b: 1 })).toBe("a: |+\n  x\n\nb: 1");
    expect(y({ a: " x\ny\n" })).toBe("a: |2\n   x\n  y");
    expect(y({ a: "x\n\ny\n" })).toBe("a: |\n  x\n\n  y");
    expect(y([{ a: "x\n" }])).toBe("- a: |\n    x");
    expect(y(["x\n"])).toBe("- |\n  x");
    // Forbidden block style falls back to double quotes.
    expect(y({ a: "x \ny\n" })).toBe('a: "x \\ny\\n"');
    expect(y({ a: "x\ny " })).toBe('a: "x\\ny "');
    expect(y({ a: "x\n\ty\n" })).toBe("a: |\n  x\n  \ty");
  });

  it("follows libyaml for unusual line breaks", () => {
    // LS is a printable line break: plain is refused, single quotes keep it and re-indent.
    expect(y({ a: "x\u2028y" })).toBe("a: 'x\u2028  y'");
    // A leading newline gets an indentation indicator; libyaml drops that first empty line.
    expect(y({ a: "\nfoo" })).toBe("a: |2-\n  foo");
  });

  it("handles awkward keys", () => {
    expect(y({ "": 1, "a b": 2, yes: 3 })).toBe('"": 1\na b: 2\n"yes": 3');
    expect(y({ "x\ny": 1 })).toBe("? |-\n  x\n  y\n: 1");
    const long = "k".repeat(129);
    expect(y({ [long]: { a: 1 } })).toBe(`? ${long}\n: a: 1`);
  });
});

describe("scalar analysis shortcut", () => {
  it("agrees with the character-by-character analysis", () => {
    const alphabet = [
      "a",
      "Z",
      "0",
      "9",
      ":",
      "#",
      "-",
      "?",
      " ",
      "\t",
      "\n",
      '"',
      "'",
      "[",
      "{",
      "|",
      ">",
      "%",
      "@",
      "`",
      ",",
      ";",
      "/",
      "=",
      "+",
      ".",
      "é",
      "\u2028",
      "\u0085",
      "\u0007",
      "\ud83d\ude00",
      "\ufeff",
    ];
    let seed = 7;
    const rand = (n: number) => (seed = (seed * 1103515245 + 12345) >>> 0) % n;
    const samples = ["data:;base64,H4sIAAAAAAAA/0o=", "data:,hello%20world", "/etc/hostname", "a:", "a:b", "a#b", "a b", "---x", "x", "9", ":"];
    for (let i = 0; i < 20000; i++) {
      const len = 1 + rand(8);
      samples.push(Array.from({ length: len }, () => alphabet[rand(alphabet.length)]).join(""));
    }
    for (const s of samples) expect(analyzeScalar(s), JSON.stringify(s)).toEqual(analyzeEachCharacter(s));
  });
});

describe("key order", () => {
  it("is the same when a key set is seen again, and not shared between different sets", () => {
    expect(sortYamlKeys(["source", "compression", "a10", "a9"])).toEqual(["a9", "a10", "compression", "source"]);
    expect(sortYamlKeys(["source", "compression", "a10", "a9"])).toEqual(["a9", "a10", "compression", "source"]);
    expect(sortYamlKeys(["a\u0000b"])).toEqual(["a\u0000b"]);
    expect(sortYamlKeys(["b", "a"])).toEqual(["a", "b"]);
    expect(sortYamlKeys(["b\u0000a", "c"])).toEqual(["b\u0000a", "c"]);
  });
});
