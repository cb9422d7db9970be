import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { markerRange, runeToUtf16Column, utf16ToRuneColumn } from "./markers.ts";

describe("marker columns", () => {
  it("maps rune columns to UTF-16 columns", () => {
    expect(runeToUtf16Column("abc", 2)).toBe(2);
    expect(runeToUtf16Column("🚀x: y", 2)).toBe(3);
    expect(runeToUtf16Column("ä🚀b", 3)).toBe(4);
    expect(runeToUtf16Column("ab", 9)).toBe(3);
    expect(utf16ToRuneColumn("🚀x: y", 3)).toBe(2);
  });

  it("skips the code units of the code points before a rune column, lone surrogates as one each", () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.oneof(fc.constantFrom("🚀", "\ud800", "\udc00", "é"), fc.string({ minLength: 1, maxLength: 1 })), maxLength: 40 }),
        fc.nat(),
        (line, col) => {
          const runes = [...line];
          const c = (col % (runes.length + 3)) + 1;
          expect(runeToUtf16Column(line, c)).toBe(runes.slice(0, c - 1).join("").length + 1);
        },
      ),
    );
  });

  it("counts code points before a UTF-16 column, lone surrogates as one each", () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.oneof(fc.constantFrom("🚀", "\ud800", "\udc00", "é"), fc.string({ minLength: 1, maxLength: 1 })), maxLength: 40 }),
        fc.nat(),
        (line, col) => {
          const c = (col % (line.length + 2)) + 1;
          expect(utf16ToRuneColumn(line, c)).toBe([...line.slice(0, c - 1)].length + 1);
        },
      ),
    );
  });

  it("underlines the token like upstream's carets", () => {
    expect(markerRange("    - path: relative/x", 13)).toEqual({ startColumn: 13, endColumn: 23 });
    expect(markerRange("foo: bar baz", 6)).toEqual({ startColumn: 6, endColumn: 9 });
    expect(markerRange("ignition:", 10)).toEqual({ startColumn: 10, endColumn: 11 });
  });

  it("underlines the whole line without a column", () => {
    expect(markerRange("  storage: [", undefined)).toEqual({ startColumn: 3, endColumn: 13 });
    expect(markerRange("", undefined)).toEqual({ startColumn: 1, endColumn: 2 });
  });
});
