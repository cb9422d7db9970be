import { describe, expect, it } from "vitest";
import { pathClean, pathExt, pathJoin } from "./go-path.ts";
import { utf8Decode, utf8Encode, utf8Length } from "./go-text.ts";
import { parseSemver } from "./semver.ts";

describe("Go path helpers", () => {
  it.each([
    ["", "."],
    ["/", "/"],
    ["//a//b/", "/a/b"],
    ["/a/./b/../c", "/a/c"],
    ["/../a", "/a"],
    ["a/../../b", "../b"],
    ["./", "."],
    ["a/b/..", "a"],
  ])("Clean(%j) = %j", (p, want) => {
    expect(pathClean(p)).toBe(want);
  });

  it.each([
    [["/a", "b"], "/a/b"],
    [["/a", "../b"], "/b"],
    [["/l", ""], "/l"],
    [["", ""], ""],
    [["/x/", "/y"], "/x/y"],
  ] as Array<[string[], string]>)("Join(%j) = %j", (elems, want) => {
    expect(pathJoin(...elems)).toBe(want);
  });

  it.each([
    ["a.service", ".service"],
    ["a.b.conf", ".conf"],
    ["noext", ""],
    ["dir.d/file", ""],
    [".hidden", ".hidden"],
    ["a.", "."],
  ])("Ext(%j) = %j", (p, want) => {
    expect(pathExt(p)).toBe(want);
  });
});

describe("go-semver parsing", () => {
  it.each([
    ["3.4.0", { major: 3n, minor: 4n, patch: 0n, preRelease: "", metadata: "" }],
    ["3.7.0-experimental", { major: 3n, minor: 7n, patch: 0n, preRelease: "experimental", metadata: "" }],
    ["1.2.3-a.b+c.d", { major: 1n, minor: 2n, patch: 3n, preRelease: "a.b", metadata: "c.d" }],
    ["03.04.00", { major: 3n, minor: 4n, patch: 0n, preRelease: "", metadata: "" }],
    // an empty pre-release or metadata part is accepted and equals its absence
    ["3.4.0-", { major: 3n, minor: 4n, patch: 0n, preRelease: "", metadata: "" }],
    ["3.4.0+", { major: 3n, minor: 4n, patch: 0n, preRelease: "", metadata: "" }],
  ])("%j", (v, want) => {
    expect(parseSemver(v)).toEqual(want);
  });
  it.each(["", "3.4", "3.4.0.1", "3.4.x", "3.4.0-a..b", "3.4.0+a_b", "v3.4.0", "3.4.99999999999999999999"])("rejects %j", (v) => {
    expect(parseSemver(v)).toBeNull();
  });
});

describe("UTF-8 helpers", () => {
  it("round-trips and measures like Go", () => {
    const s = "aé€😀";
    expect(utf8Length(s)).toBe(1 + 2 + 3 + 4);
    expect(utf8Encode(s).length).toBe(10);
    expect(utf8Decode(utf8Encode(s))).toBe(s);
    expect(utf8Decode(Uint8Array.of(0x61, 0xff, 0x62))).toBe("a\ufffdb");
  });
});
