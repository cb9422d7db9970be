import { describe, expect, it } from "vitest";
import { byteLength, byteSlice, decodeReplacing, decodeRune, fullRune, goBytes, goString } from "./utf8.ts";

describe("Go strings held as JS strings", () => {
  it("valid text round-trips and measures like Go's len", () => {
    const s = "aé€😀";
    expect(byteLength(s)).toBe(1 + 2 + 3 + 4);
    expect([...goBytes(s)]).toEqual([0x61, 0xc3, 0xa9, 0xe2, 0x82, 0xac, 0xf0, 0x9f, 0x98, 0x80]);
    expect(goString(goBytes(s))).toBe(s);
  });

  it("each byte of invalid UTF-8 is kept (as U+DC80–U+DCFF) and comes back exactly", () => {
    const raw = Uint8Array.of(0x61, 0xff, 0xc3, 0x41, 0xe2, 0x82, 0xed, 0xa0, 0x80);
    const s = goString(raw);
    expect(s).toBe("a\udcff\udcc3A\udce2\udc82\udced\udca0\udc80");
    expect([...goBytes(s)]).toEqual([...raw]);
    expect(byteLength(s)).toBe(raw.length);
    expect(decodeReplacing(raw)).toBe("a\ufffd\ufffdA\ufffd\ufffd\ufffd\ufffd\ufffd");
  });

  it("any other lone surrogate is written as U+FFFD, as TextEncoder does", () => {
    expect([...goBytes("\ud800x\udc00")]).toEqual([0xef, 0xbf, 0xbd, 0x78, 0xef, 0xbf, 0xbd]);
  });

  it("s[:n] can cut a rune, leaving its leading bytes", () => {
    expect(byteSlice("ééé", 3)).toBe("é\udcc3");
    expect(byteSlice("abc", 7)).toBe("abc");
    expect(byteSlice("😀", 2)).toBe("\udcf0\udc9f");
  });
});

describe("DecodeRune and FullRune", () => {
  it.each([
    [[0x41], 0x41, 1],
    [[0xc3, 0xa9], 0xe9, 2],
    [[0xe0, 0x80, 0x80], 0xfffd, 1], // overlong
    [[0xed, 0xa0, 0x80], 0xfffd, 1], // surrogate
    [[0xf4, 0x90, 0x80, 0x80], 0xfffd, 1], // beyond U+10FFFF
    [[0xf0, 0x9f, 0x98, 0x80], 0x1f600, 4],
    [[0xe2, 0x82], 0xfffd, 1], // short
  ])("%j", (b, rune, size) => {
    expect(decodeRune(Uint8Array.from(b), 0)).toEqual({ rune, size });
  });

  it("FullRune", () => {
    expect(fullRune(Uint8Array.of(0xe2, 0x82), 0, 2)).toBe(false);
    expect(fullRune(Uint8Array.of(0xe2, 0x41), 0, 2)).toBe(true);
    expect(fullRune(Uint8Array.of(0xff), 0, 1)).toBe(true);
  });
});
