import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { utf8 } from "./bytes.ts";

const encoder = new TextEncoder();

describe("utf8", () => {
  it("encodes ASCII, then anything from the first non-ASCII character on", () => {
    for (const s of ["", "a", "plain ascii\n", "é", "aé", "abc€", "x😀y", "tail ü", "ü head"]) {
      expect([...utf8(s)], s).toEqual([...encoder.encode(s)]);
    }
  });

  it("turns lone surrogates into U+FFFD as TextEncoder does", () => {
    for (const s of ["\ud800", "a\udc00b", "\ud83d", "x\ud83dy", "\udfff\ud800"]) {
      expect([...utf8(s)], JSON.stringify(s)).toEqual([...encoder.encode(s)]);
    }
  });

  it("agrees with TextEncoder on any string (property)", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 100 }), (s) => {
        expect(Buffer.from(utf8(s)).equals(Buffer.from(encoder.encode(s)))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
