import { describe, expect, it } from "vitest";
import { isTimestamp, longTag, resolve, resolvePlainTag, shortTag } from "./resolve.ts";

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
    ["!!float", "18446744073709551615", { ok: false, message: "yaml: cannot decode !!int `18446744073709551615` as a !!float" }],
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
