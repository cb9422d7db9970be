import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { base64, utf8 } from "./bytes.ts";

const encoder = new TextEncoder();

describe("utf8", () => {
  it("encodes ASCII, then anything from the first non-ASCII character on", () => {
    for (const s of ["", "a", "plain ascii\n", "é", "aé", "abc€", "x😀y", "tail ü", "ü head"]) {
      expect([...utf8(s)], s).toEqual([...encoder.encode(s)]);
    }
  });

  it("turns lone surrogates into U+FFFD as TextEncoder does (except U+DC80–U+DCFF, which stand for raw bytes)", () => {
    for (const s of ["\ud800", "a\udc00b", "\ud83d", "x\ud83dy", "\udfff\ud800"]) {
      expect([...utf8(s)], JSON.stringify(s)).toEqual([...encoder.encode(s)]);
    }
  });

  it("agrees with TextEncoder on any string (property)", () => {
    fc.assert(
      fc.property(
        fc.string({ unit: "binary", maxLength: 100 }).map((s) => s.replace(/[\udc80-\udcff]/g, "?")),
        (s) => {
          expect(Buffer.from(utf8(s)).equals(Buffer.from(encoder.encode(s)))).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe("base64", () => {
  it("is standard padded base64, for every length around the chunk size", () => {
    const bytes = Uint8Array.from({ length: 3 * 16 * 1024 + 7 }, (_, i) => (i * 151 + 17) & 255);
    for (const n of [0, 1, 2, 3, 4, 5, 6, 100, 12287, 12288, 12289, 12290, 24576, 24577, bytes.length]) {
      const part = bytes.subarray(0, n);
      expect(base64(part), `${n} bytes`).toBe(Buffer.from(part).toString("base64"));
    }
  });
});
