/** Markers for Kindling's findings: exactly the span they name, in UTF-16 columns. */
import { describe, expect, it } from "vitest";
import { spanRange } from "./markers.ts";

describe("spanRange", () => {
  it("covers exactly the finding's span", () => {
    expect(spanRange("        ExecStrat=/bin/true", 9, 18)).toEqual({ startColumn: 9, endColumn: 18 });
  });
  it("counts code points as upstream does, UTF-16 units as Monaco does", () => {
    // "é😀 Key=" : the key starts at rune column 4 (after é, 😀 and a space), UTF-16 column 5.
    expect(spanRange("é😀 Key=1", 4, 7)).toEqual({ startColumn: 5, endColumn: 8 });
  });
  it("without an end, falls back to the token", () => {
    expect(spanRange("  foo: bar", 3, undefined)).toEqual({ startColumn: 3, endColumn: 7 });
  });
});
