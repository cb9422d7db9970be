import { describe, expect, it } from "vitest";
import { pathClean, pathExt, pathJoin } from "./path.ts";

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
