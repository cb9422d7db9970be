import { describe, expect, it } from "vitest";
import { parseFloat as goParseFloat, parseInt as goParseInt, parseUint as goParseUint, quote as goQuote, unquotable } from "./strconv.ts";

describe("Go strconv emulation", () => {
  it.each([
    ["0", 0, 0n],
    ["0644", 0, 420n],
    ["0x", 0, undefined],
    ["0b", 0, undefined],
    ["0o", 0, undefined],
    ["0x10", 0, 16n],
    ["0XfF", 0, 255n],
    ["09", 0, undefined],
    ["+5", 0, 5n],
    ["-5", 0, -5n],
    ["+", 0, undefined],
    ["9223372036854775807", 0, 9223372036854775807n],
    ["9223372036854775808", 0, undefined],
    ["-9223372036854775808", 0, -9223372036854775808n],
    ["101", 2, 5n],
    ["-101", 2, -5n],
    ["12", 2, undefined],
  ] as const)("ParseInt(%j, %i)", (s, base, v) => {
    expect(goParseInt(s, base)).toBe(v);
  });

  it.each([
    ["18446744073709551615", 18446744073709551615n],
    ["18446744073709551616", undefined],
    ["+1", undefined],
  ] as const)("ParseUint(%j, 0)", (s, v) => {
    expect(goParseUint(s, 0)).toBe(v);
  });

  it.each([
    ["1.5", 1.5],
    [".5", 0.5],
    ["1_000.5", 1000.5],
    ["_1.5", undefined],
    ["1__0", undefined],
    ["1e400", undefined],
    ["1e-400", 0],
    [".", undefined],
  ] as const)("ParseFloat(%j)", (s, v) => {
    expect(goParseFloat(s)).toBe(v);
  });
});

describe("Go string quoting (%#v)", () => {
  it.each([
    ["version", '"version"'],
    ['a"b\\c', '"a\\"b\\\\c"'],
    ["tab\there\nnl", '"tab\\there\\nnl"'],
    ["\u0001\u007f", '"\\x01\\x7f"'],
    ["é😀", '"é😀"'],
    ["\u00a0\u0085\ufeff", '"\\u00a0\\u0085\\ufeff"'],
    ["\u{e0001}", '"\\U000e0001"'],
  ])("%j", (s, q) => {
    expect(goQuote(s)).toBe(q);
  });
});

describe("whether Go's Unquote accepts a double-quoted string", () => {
  it.each([
    ["plain", true],
    ['a\\tb\\\\c\\"', true],
    ["\\x41\\101\\u00e9\\U0001F600", true],
    ["\\'", false],
    ["\\q", false],
    ["\\x4", false],
    ["\\400", false],
    ["\\ud800", false],
    ["\\U00110000", false],
    ["a\nb", false],
    ['a"b', false],
    ["trailing\\", false],
  ])("%j → %s", (inner, ok) => {
    expect(unquotable(inner)).toBe(ok);
  });
});
