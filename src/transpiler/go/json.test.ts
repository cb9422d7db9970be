import { describe, expect, it } from "vitest";
import { marshal as marshalJson, quoteString as quoteJsonString, syntaxError } from "./json.ts";

describe("marshalJson", () => {
  it("compact output has no whitespace", () => {
    expect(marshalJson({ ignition: { version: "3.4.0" } }, false)).toBe('{"ignition":{"version":"3.4.0"}}');
    expect(marshalJson({ a: [1, true, null, "x"], b: {}, c: [] }, false)).toBe('{"a":[1,true,null,"x"],"b":{},"c":[]}');
  });

  it("pretty output matches MarshalIndent with two spaces", () => {
    expect(marshalJson({ a: [1, { b: "c" }], d: {}, e: [] }, true)).toBe('{\n  "a": [\n    1,\n    {\n      "b": "c"\n    }\n  ],\n  "d": {},\n  "e": []\n}');
    expect(marshalJson([], true)).toBe("[]");
    expect(marshalJson({}, true)).toBe("{}");
    expect(marshalJson("x", true)).toBe('"x"');
  });

  it("keeps insertion order and accepts Maps", () => {
    expect(marshalJson({ z: 1, a: 2 }, false)).toBe('{"z":1,"a":2}');
    expect(
      marshalJson(
        new Map<string, unknown>([
          ["10", 1],
          ["2", 2],
        ]),
        false,
      ),
    ).toBe('{"10":1,"2":2}');
  });

  it("prints numbers like Go", () => {
    expect(marshalJson([0, 420, 9007199254740991, -5, 1.5, 1e21, 1e-7, -0], false)).toBe("[0,420,9007199254740991,-5,1.5,1e+21,1e-7,-0]");
  });

  it("escapes strings like Go encoding/json", () => {
    expect(quoteJsonString('a"b\\c')).toBe('"a\\"b\\\\c"');
    expect(quoteJsonString("\n\r\t\b\f\u0000\u001f")).toBe('"\\n\\r\\t\\u0008\\u000c\\u0000\\u001f"');
    expect(quoteJsonString("<a href='x'>&</a>")).toBe("\"\\u003ca href='x'\\u003e\\u0026\\u003c/a\\u003e\"");
    expect(quoteJsonString("\u2028\u2029")).toBe('"\\u2028\\u2029"');
    expect(quoteJsonString("/\u007f é 😀")).toBe('"/\u007f é 😀"');
    expect(quoteJsonString("a\ud800b\udc00")).toBe('"a\\ufffdb\\ufffd"');
  });
});

describe("syntaxError (Go's scanner reads bytes)", () => {
  it.each([
    ['{"a":1}', null],
    ["", "unexpected end of JSON input"],
    ["nul", "unexpected end of JSON input"],
    ["nulx", "invalid character 'x' in literal null (expecting 'l')"],
    ["{'a':1}", "invalid character '\\'' looking for beginning of object key string"],
    ['{"a" 1}', "invalid character '1' after object key"],
    ["[1,]", "invalid character ']' looking for beginning of value"],
    ["1 2", "invalid character '2' after top-level value"],
    // a non-ASCII character is reported by its first byte, read as a Latin-1 rune
    ["é", "invalid character 'Ã' looking for beginning of value"],
    ["\u00a0", "invalid character 'Â' looking for beginning of value"],
    // control characters in strings are quoted as Go quotes them
    ['"a\u0001"', "invalid character '\\x01' in string literal"],
    ['"a\t"', "invalid character '\\t' in string literal"],
    ['"\\x"', "invalid character 'x' in string escape code"],
  ])("%j", (text, want) => {
    expect(syntaxError(text)).toBe(want);
  });
});
