import { describe, expect, it } from "vitest";
import { bit, parseOctal, rwx, toOctal } from "./mode.ts";

describe("modes", () => {
  it("reads octal text the ways people write it", () => {
    expect(parseOctal("644")).toBe(0o644);
    expect(parseOctal("0755")).toBe(0o755);
    expect(parseOctal("0o600")).toBe(0o600);
    expect(parseOctal("0988")).toBeNull();
    expect(parseOctal("rw")).toBeNull();
  });
  it("writes octal and rwx", () => {
    expect(toOctal(0o644)).toBe("0644");
    expect(toOctal(0o4755)).toBe("04755");
    expect(rwx(0o750)).toBe("rwxr-x---");
    expect(bit(0, 0) | bit(1, 0) | bit(2, 0)).toBe(0o444);
  });
});
