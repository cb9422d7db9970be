/** File modes as text: `ls -l`'s rendering, octal text and reading it back. */
import { describe, expect, it } from "vitest";
import { formatMode, NodeType, octalText, parseOctal } from "./file-mode.ts";

describe("formatMode", () => {
  it.each([
    { mode: 0o644, type: NodeType.File, want: "-rw-r--r--" },
    { mode: 0o755, type: NodeType.Directory, want: "drwxr-xr-x" },
    { mode: 0o777, type: NodeType.Symlink, want: "lrwxrwxrwx" },
    { mode: 0o600, type: NodeType.File, want: "-rw-------" },
    { mode: 0o4755, type: NodeType.File, want: "-rwsr-xr-x" },
    { mode: 0o4644, type: NodeType.File, want: "-rwSr--r--" },
    { mode: 0o2755, type: NodeType.Directory, want: "drwxr-sr-x" },
    { mode: 0o2745, type: NodeType.Directory, want: "drwxr-Sr-x" },
    { mode: 0o1777, type: NodeType.Directory, want: "drwxrwxrwt" },
    { mode: 0o1776, type: NodeType.Directory, want: "drwxrwxrwT" },
    { mode: 0o7000, type: NodeType.File, want: "---S--S--T" },
    { mode: 0, type: NodeType.File, want: "----------" },
  ])("$want", ({ mode, type, want }) => {
    expect(formatMode(mode, type)).toBe(want);
  });

  it("rejects out-of-range modes", () => {
    expect(formatMode(-1, NodeType.File)).toBeNull();
    expect(formatMode(0o10000, NodeType.File)).toBeNull();
    expect(formatMode(1.5, NodeType.File)).toBeNull();
  });
});

describe("octal text", () => {
  it("reads octal text the ways people write it", () => {
    expect(parseOctal("644")).toBe(0o644);
    expect(parseOctal("0755")).toBe(0o755);
    expect(parseOctal("0o600")).toBe(0o600);
    expect(parseOctal("0988")).toBeNull();
    expect(parseOctal("rw")).toBeNull();
  });
  it("writes octal with a leading zero", () => {
    expect(octalText(0o644)).toBe("0644");
    expect(octalText(0o4755)).toBe("04755");
    expect(octalText(0o44)).toBe("0044");
  });
});
