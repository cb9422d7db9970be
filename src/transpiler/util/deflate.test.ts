import zlib from "node:zlib";
import fc from "fast-check";
import { gunzipSync, gzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { makeConfig } from "../../../scripts/bench-configs.mjs";
import { crc32, gzip, setPositionLimitForTests } from "./deflate.ts";

/** Deterministic pseudo-random bytes. */
function randomBytes(n: number, seed = 1): Uint8Array {
  const out = new Uint8Array(n);
  let s = seed >>> 0;
  for (let i = 0; i < n; i++) {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    out[i] = s >>> 24;
  }
  return out;
}

const WORDS = "the of and to in is that for it as was with be by on not he this are or his from at which but have an they you were her she there would their we him been has when who will more no if out so said what up its about into than them can only other new some could time these two may then do first any my now such like our over man me even most made after also did many before must through back years where much your way well down should because each just those people".split(" ");

/** English-like text: `n` bytes of common words, sentences and line breaks (seeded). */
function englishLike(n: number, seed = 7): Uint8Array {
  const r = randomBytes(n, seed);
  let text = "";
  for (let i = 0; text.length < n; i++) {
    const w = WORDS[(r[i % n]! * 7 + i) % WORDS.length]!;
    text += r[(i * 31) % n]! < 20 ? w + ".\n" : r[(i * 17) % n]! < 30 ? w + ", " : w + " ";
  }
  return new TextEncoder().encode(text.slice(0, n));
}

/** gzip, checked by inflating with both zlib and fflate; returns the gzip member. */
function roundTrip(bytes: Uint8Array): Uint8Array {
  const gz = gzip(bytes);
  const byZlib = zlib.gunzipSync(gz);
  if (!byZlib.equals(bytes)) expect.fail(`zlib inflated ${byZlib.length} bytes differing from the ${bytes.length} given`);
  const byFflate = gunzipSync(gz);
  if (!Buffer.from(byFflate.buffer, byFflate.byteOffset, byFflate.length).equals(bytes)) {
    expect.fail(`fflate inflated ${byFflate.length} bytes differing from the ${bytes.length} given`);
  }
  return gz;
}

/** `a`, random bytes, and `a` again starting `distance` bytes after the first copy's start. */
function repeatAt(a: Uint8Array, distance: number): Uint8Array {
  const out = randomBytes(distance + a.length, distance);
  out.set(a, 0);
  out.set(a, distance);
  return out;
}

/** The file bodies of the bench config used for sizing the encoder against fflate. */
function benchBodies(): Uint8Array[] {
  const config = parse(makeConfig(1000, 7, "openshift")) as { storage: { files: { contents: { inline: string } }[] } };
  return config.storage.files.map((f) => new TextEncoder().encode(f.contents.inline));
}

describe("gzip", () => {
  it("writes the gzip header, CRC-32 and size", () => {
    const bytes = new TextEncoder().encode("hello, hello, hello world\n");
    const gz = roundTrip(bytes);
    expect([...gz.subarray(0, 10)]).toEqual([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3]);
    const trailer = new DataView(gz.buffer, gz.byteOffset + gz.length - 8, 8);
    expect(trailer.getUint32(0, true)).toBe(zlib.crc32(bytes));
    expect(trailer.getUint32(4, true)).toBe(bytes.length);
  });

  it("computes CRC-32 like zlib", () => {
    for (const n of [0, 1, 3, 4, 5, 7, 8, 1000, 4099]) {
      const bytes = randomBytes(n, n + 1);
      expect(crc32(bytes)).toBe(zlib.crc32(bytes));
    }
  });

  it("round-trips empty input, one byte, and every single byte value", () => {
    expect(roundTrip(new Uint8Array(0)).length).toBe(20);
    for (let b = 0; b < 256; b++) roundTrip(Uint8Array.of(b));
    roundTrip(Uint8Array.from({ length: 256 }, (_, b) => b));
    roundTrip(Uint8Array.from({ length: 4096 }, (_, i) => (i * 7) & 255));
  });

  it("round-trips short inputs of every length up to 300 (many 258-byte matches near the end)", () => {
    for (let n = 0; n <= 300; n++) {
      roundTrip(new Uint8Array(n).fill(97));
      roundTrip(Uint8Array.from({ length: n }, (_, i) => "abcab"[i % 5]!.charCodeAt(0)));
    }
  });

  it("compresses runs, across the window and block boundaries", () => {
    expect(roundTrip(new Uint8Array(100_000)).length).toBeLessThan(300);
    expect(roundTrip(new Uint8Array(300_000)).length).toBeLessThan(800);
    expect(roundTrip(new Uint8Array(300_000).fill(255)).length).toBeLessThan(800);
  });

  it("uses 258-byte matches exactly where lengths end on them", () => {
    for (const n of [258, 259, 260, 261, 262, 516, 517, 518, 774, 1 + 258 * 3, 2 + 258 * 40]) {
      roundTrip(new Uint8Array(n).fill(7));
      const pattern = Uint8Array.from({ length: n + 5 }, (_, i) => (i < 5 ? i : (i - 5) % 5));
      roundTrip(pattern);
    }
  });

  it("stores incompressible bytes with little overhead", () => {
    const bytes = randomBytes(1 << 20);
    const gz = roundTrip(bytes);
    expect(gz.length).toBeLessThan(bytes.length + 1000);
  });

  it("finds a repeat at distance 32768, the window size, and none at 32769", () => {
    const a = randomBytes(5000, 3);
    expect(roundTrip(repeatAt(a, 32768)).length).toBeLessThan(32768 + 200);
    expect(roundTrip(repeatAt(a, 32769)).length).toBeGreaterThan(32769 + a.length);
    expect(roundTrip(repeatAt(englishLike(100), 32768)).length).toBeLessThan(32768 + 100);
    const b = randomBytes(32769, 4);
    roundTrip(repeatAt(b, 32768));
    roundTrip(repeatAt(b, 32769));
    roundTrip(repeatAt(englishLike(40_000), 32768));
    roundTrip(repeatAt(englishLike(40_000), 32769));
  });

  it("compresses English-like text like fflate at level 6", () => {
    for (const n of [10, 100, 1000, 3600, 20_000, 600_000]) {
      const bytes = englishLike(n);
      const mine = roundTrip(bytes).length;
      const fflate = gzipSync(bytes, { level: 6, mtime: 0 }).length;
      expect(mine, `${n} bytes`).toBeLessThanOrEqual(Math.ceil(fflate * 1.03));
    }
  });

  it("compresses the bench config's file bodies within 3% of fflate at level 6", () => {
    const bodies = benchBodies();
    expect(bodies.length).toBe(13);
    const mine = bodies.reduce((sum, b) => sum + roundTrip(b).length, 0);
    const fflate = bodies.reduce((sum, b) => sum + gzipSync(b, { level: 6, mtime: 0 }).length, 0);
    expect(mine).toBeLessThanOrEqual(fflate * 1.03);
  });

  it("reuses its tables across calls, small after large and alternating", () => {
    const text = englishLike(50_000, 11);
    const other = englishLike(3000, 12);
    const sizes = [text, other].map((b) => roundTrip(b).length);
    roundTrip(Uint8Array.from({ length: 3_000_000 }, (_, i) => (i * i) >> 12));
    for (let k = 0; k < 8; k++) {
      expect(roundTrip(text).length).toBe(sizes[0]);
      expect(roundTrip(other).length).toBe(sizes[1]);
      roundTrip(randomBytes(k * 37, k));
    }
  });

  it("renumbers or clears its tables when positions near the limit, without changing the output", () => {
    const inputs = [englishLike(500_000, 21), randomBytes(300_000, 22), new Uint8Array(400_000), englishLike(70_000, 23), englishLike(900, 24)];
    const expected = inputs.map((b) => gzip(b));
    const previous = setPositionLimitForTests(150_000);
    try {
      for (let round = 0; round < 2; round++) {
        inputs.forEach((b, k) => expect(Buffer.from(roundTrip(b)).equals(expected[k]!)).toBe(true));
      }
    } finally {
      setPositionLimitForTests(previous);
    }
  });

  it("round-trips random bytes and small-alphabet strings (property)", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 3000 }), (bytes) => {
        roundTrip(bytes);
      }),
      { numRuns: 300 },
    );
    const alphabet = fc.constantFrom(..."ab \n\u00e9");
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 4000 }), (chars) => {
        roundTrip(new TextEncoder().encode(chars.join("")));
      }),
      { numRuns: 300 },
    );
  });
});
