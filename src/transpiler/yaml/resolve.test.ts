import { describe, expect, it } from "vitest";
import { goQuote } from "./goquote.ts";
import { goParseFloat, goParseInt, goParseUint, longTag, resolve, resolvePlainTag, shortTag } from "./resolve.ts";
import { isTimestamp } from "./timestamp.ts";

describe("resolve(tag, value) like yaml.v3", () => {
  const implicit: [string, string, unknown][] = [
    ["", "!!null", null],
    ["~", "!!null", null],
    ["true", "!!bool", true],
    ["FALSE", "!!bool", false],
    ["yes", "!!str", "yes"],
    ["0644", "!!int", 420n],
    ["0o644", "!!int", 420n],
    ["0x1A4", "!!int", 420n],
    ["0b110100100", "!!int", 420n],
    ["4_20", "!!int", 420n],
    ["-0644", "!!int", -420n],
    ["0b-101", "!!int", -5n],
    ["-0o17", "!!int", -15n],
    ["18446744073709551615", "!!int", 18446744073709551615n],
    ["420.0", "!!float", 420],
    ["1e3", "!!float", 1000],
    ["08", "!!float", 8],
    ["-.inf", "!!float", -Infinity],
    ["2001-12-14", "!!timestamp", "2001-12-14"],
    ["<<", "!!str", "<<"],
  ];
  it.each(implicit)("untagged %j → %s", (value, tag, resolved) => {
    expect(resolve("", value)).toEqual({ ok: true, tag, value: resolved });
    expect(resolvePlainTag(value)).toBe(tag);
  });

  it("NaN", () => {
    const r = resolve("", ".nan");
    expect(r.ok && r.tag === "!!float" && Number.isNaN(r.value)).toBe(true);
  });

  const tagged: [string, string, unknown][] = [
    ["!!str", "0644", { ok: true, tag: "!!str", value: "0644" }],
    ["tag:yaml.org,2002:str", "true", { ok: true, tag: "!!str", value: "true" }],
    ["!!int", "3", { ok: true, tag: "!!int", value: 3n }],
    ["!!float", "3", { ok: true, tag: "!!float", value: 3 }],
    [
      "!!float",
      "18446744073709551615",
      { ok: false, message: "yaml: cannot decode !!int `18446744073709551615` as a !!float" },
    ],
    ["!!int", "abc", { ok: false, message: "yaml: cannot decode !!str `abc` as a !!int" }],
    ["!!bool", "yes", { ok: false, message: "yaml: cannot decode !!str `yes` as a !!bool" }],
    ["!!null", "", { ok: true, tag: "!!null", value: null }],
    ["!!timestamp", "2001-12-14", { ok: true, tag: "!!timestamp", value: "2001-12-14" }],
    ["!!binary", "aGk=", { ok: true, tag: "!!binary", value: "aGk=" }],
    ["!foo", "1", { ok: true, tag: "!foo", value: "1" }],
  ];
  it.each(tagged)("%s %j", (tag, value, result) => {
    expect(resolve(tag, value)).toEqual(result);
  });

  it("short and long tags", () => {
    expect(shortTag("tag:yaml.org,2002:int")).toBe("!!int");
    expect(shortTag("!foo")).toBe("!foo");
    expect(longTag("!!str")).toBe("tag:yaml.org,2002:str");
  });
});

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

describe("timestamps (time.Parse with yaml.v3's layouts)", () => {
  it.each([
    ["2001-12-14", true],
    ["2001-1-2", true],
    ["2001-12-14T21:59:43Z", true],
    ["2001-12-14T21:59:43.123456789+01:00", true],
    ["2001-12-14T21:59:43,5Z", true],
    ["2001-12-14t1:2:3Z", true],
    ["2001-12-14T21:59:43", false],
    ["2001-12-14T21:59:43+0100", false],
    ["2001-12-14 21:59:43", true],
    ["2001-12-14   21:59:43.5", true],
    ["2001-12-14 21:59:43Z", false],
    ["2001-12-14T24:00:00Z", false],
    ["2001-12-14T23:60:00Z", false],
    ["2001-00-14", false],
    ["2001-02-29", false],
    ["2004-02-29", true],
    ["2001-04-31", false],
    ["2001-12-141", false],
    ["201-12-14", false],
    ["2001/12/14", false],
  ])("%s → %s", (s, ok) => {
    expect(isTimestamp(s)).toBe(ok);
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
