import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import zlib from "node:zlib";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { setEntryLimitForTests, setRunSearchForTests } from "./flate.ts";
import { crc32, gzipBestCompression } from "./gzip.ts";

/** Inputs and Go 1.24's exact gzip of each (see the folder's README). */
const vectorsDir = join(dirname(fileURLToPath(import.meta.url)), "../../../../shared/reference/gzip-vectors");
const vectors = existsSync(vectorsDir)
  ? readdirSync(vectorsDir)
      .filter((f) => f.endsWith(".bin"))
      .sort()
  : [];

/** Deterministic pseudo-random bytes (xorshift). */
function randomBytes(n: number, seed: number): Uint8Array {
  const out = new Uint8Array(n);
  // Seeds that differ a little give unrelated bytes from the first one on.
  let s = (Math.imul(seed + 1, 0x9e3779b1) ^ 0x5bd1e995) >>> 0 || 1;
  for (let i = 0; i < n; i++) {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    out[i] = s >>> 24;
  }
  return out;
}

const WORDS =
  "the of and to in is that for it as was with be by on not this are or from at which but have an they you were there would their we been has when who will more no if out so what up its about into than them can only other new some could time these two may then do first any my now such like our over".split(
    " ",
  );

/** Text of common words, spaces, commas and line breaks: `n` bytes (seeded). */
function textLike(n: number, seed: number): Uint8Array {
  const r = randomBytes(Math.max(n, 1), seed);
  let text = "";
  for (let i = 0; text.length < n; i++) {
    const k = r[i % r.length]!;
    text += WORDS[(k * 7 + i) % WORDS.length]! + (k < 20 ? ".\n" : k < 30 ? ", " : " ");
  }
  return new TextEncoder().encode(text.slice(0, n));
}

/** Runs of one byte value of varied lengths (long matches, 258-byte ones among them). */
function runs(n: number, seed: number): Uint8Array {
  const r = randomBytes(Math.max(n, 1), seed);
  const out = new Uint8Array(n);
  for (let i = 0, k = 0; i < n; k++) {
    const len = 1 + ((r[k % r.length]! * 37) % 700);
    out.fill(r[(k + 1) % r.length]! & 7, i, Math.min(n, i + len));
    i += len;
  }
  return out;
}

/** gzip of `bytes`, checked by inflating it with zlib. */
function roundTrip(bytes: Uint8Array): Uint8Array {
  const gz = gzipBestCompression(bytes);
  const back = zlib.gunzipSync(gz);
  if (!back.equals(bytes)) expect.fail(`zlib inflated ${back.length} bytes differing from the ${bytes.length} given`);
  return gz;
}

/** `a`, random bytes, and `a` again starting `distance` bytes after the first copy's start. */
function repeatAt(a: Uint8Array, distance: number): Uint8Array {
  const out = randomBytes(distance + a.length, distance);
  out.set(a, 0);
  out.set(a, distance);
  return out;
}

describe.skipIf(vectors.length === 0)("gzip reference vectors (Go 1.24, BestCompression)", () => {
  it("has all of them", () => {
    expect(vectors.length).toBe(102);
  });

  it.each(vectors)("%s comes out byte for byte as Go writes it", (name) => {
    const input = new Uint8Array(readFileSync(join(vectorsDir, name)));
    const expected = new Uint8Array(readFileSync(join(vectorsDir, name + ".gz")));
    const actual = gzipBestCompression(input);
    if (!Buffer.from(actual).equals(Buffer.from(expected))) {
      let at = 0;
      while (at < actual.length && actual[at] === expected[at]) at++;
      expect.fail(`${actual.length} bytes, Go writes ${expected.length}; first difference at byte ${at}`);
    }
  });
});

describe("gzipBestCompression", () => {
  it("writes Go's header (mtime 0, XFL 2, OS 255) and the CRC-32 and size trailer", () => {
    const bytes = new TextEncoder().encode("hello, hello, hello world\n");
    const gz = roundTrip(bytes);
    expect([...gz.subarray(0, 10)]).toEqual([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 2, 255]);
    const trailer = new DataView(gz.buffer, gz.byteOffset + gz.length - 8, 8);
    expect(trailer.getUint32(0, true)).toBe(zlib.crc32(bytes));
    expect(trailer.getUint32(4, true)).toBe(bytes.length);
  });

  it("ends every stream with Go's empty final stored block", () => {
    expect([...roundTrip(new Uint8Array(0)).subarray(10, 15)]).toEqual([1, 0, 0, 0xff, 0xff]);
    for (const bytes of [Uint8Array.of(7), textLike(5000, 1), randomBytes(70_000, 2)]) {
      const gz = roundTrip(bytes);
      expect([...gz.subarray(gz.length - 12, gz.length - 8)]).toEqual([0, 0, 0xff, 0xff]);
    }
  });

  it("computes CRC-32 like zlib", () => {
    for (const n of [0, 1, 3, 7, 8, 9, 1000, 4099]) {
      const bytes = randomBytes(n, n + 1);
      expect(crc32(bytes)).toBe(zlib.crc32(bytes));
    }
  });

  it("round-trips every single byte value, and inputs of every length up to 300", () => {
    for (let b = 0; b < 256; b++) roundTrip(Uint8Array.of(b));
    for (let n = 0; n <= 300; n++) {
      roundTrip(new Uint8Array(n).fill(97));
      roundTrip(Uint8Array.from({ length: n }, (_, i) => "abcab"[i % 5]!.charCodeAt(0)));
    }
  });

  it("uses 258-byte matches where runs allow, also across window slides", () => {
    for (const n of [258, 259, 262, 263, 516, 517, 775, 2 + 258 * 40]) {
      expect(roundTrip(new Uint8Array(n).fill(7)).length).toBeLessThan(40 + n / 100);
    }
    expect(roundTrip(new Uint8Array(300_000).fill(255)).length).toBeLessThan(1200);
  });

  it("finds a repeat at distance 32768, the window size, and none at 32769", () => {
    const a = randomBytes(5000, 3);
    expect(roundTrip(repeatAt(a, 32768)).length).toBeLessThan(32768 + 300);
    expect(roundTrip(repeatAt(a, 32769)).length).toBeGreaterThan(32769 + a.length);
  });

  it("gives the same bytes whatever came before (tables reused across calls)", () => {
    const inputs = [textLike(50_000, 11), textLike(3000, 12), randomBytes(100, 13), runs(200_000, 14), textLike(20, 15)];
    const first = inputs.map((b) => roundTrip(b));
    for (let round = 0; round < 3; round++) {
      for (const [k, b] of [...inputs.entries()].reverse()) expect(Buffer.from(gzipBestCompression(b)).equals(first[k]!)).toBe(true);
      gzipBestCompression(randomBytes(round * 40_000, round));
    }
  });

  it("gives the same bytes when its table entries are renumbered mid-stream", () => {
    const inputs = [textLike(250_000, 21), randomBytes(150_000, 22), new Uint8Array(200_000), textLike(70_000, 23), textLike(900, 24)];
    const expected = inputs.map((b) => gzipBestCompression(b));
    const previous = setEntryLimitForTests(100_000);
    try {
      for (let round = 0; round < 2; round++) {
        inputs.forEach((b, k) => expect(Buffer.from(roundTrip(b)).equals(expected[k]!)).toBe(true));
      }
    } finally {
      setEntryLimitForTests(previous);
    }
  });

  it("settles searches at runs as the plain chain walk does (property)", () => {
    // Runs of a few byte values (spaces, zeros, 'x'), of lengths around 4 and up to thousands,
    // between short words and random bytes; some inputs slide the window.
    const piece = fc.oneof(
      fc
        .record({ b: fc.constantFrom(32, 0, 120), n: fc.oneof(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 13, max: 3000 })) })
        .map(({ b, n }) => new Uint8Array(n).fill(b)),
      fc.constantFrom("key: ", "- name: ", "\n", "ab", "0x").map((t) => new TextEncoder().encode(t)),
      fc.uint8Array({ minLength: 1, maxLength: 40 }),
    );
    const concat = (pieces: Uint8Array[]): Uint8Array => {
      const all = new Uint8Array(pieces.reduce((sum, p) => sum + p.length, 0));
      pieces.reduce((at, p) => (all.set(p, at), at + p.length), 0);
      return all;
    };
    // Repeated, the input grows past the window (and past 4096-byte distances).
    const mixed = fc
      .tuple(fc.array(piece, { maxLength: 400 }), fc.nat({ max: 4 }))
      .map(([pieces, repeat]) => concat(new Array<Uint8Array[]>(repeat + 1).fill(pieces).flat()));
    // Runs each longer than all before (every earlier run a candidate shorter than pos's run).
    const growing = fc
      .tuple(fc.array(fc.integer({ min: 1, max: 9 }), { minLength: 1, maxLength: 40 }), fc.integer({ min: 1, max: 1000 }))
      .map(([steps, seed]) => {
        let length = 3;
        return concat(steps.flatMap((step, k) => [new Uint8Array((length += step)).fill(32), randomBytes(3 + (k % 5), seed + k)]));
      });
    // Runs of 4 to 6 bytes far apart (4-byte matches count only up to 4096 back).
    const sparse = fc
      .array(fc.tuple(fc.integer({ min: 4, max: 6 }), fc.integer({ min: 3000, max: 5000 })), { minLength: 2, maxLength: 12 })
      .map((runs) => concat(runs.flatMap(([n, gap], k) => [new Uint8Array(n).fill(32), randomBytes(gap, k + 1)])));
    const input = fc.oneof(mixed, growing, sparse);
    fc.assert(
      fc.property(input, (bytes) => {
        const fast = gzipBestCompression(bytes);
        const previous = setRunSearchForTests(false);
        try {
          expect(Buffer.from(fast).equals(Buffer.from(gzipBestCompression(bytes)))).toBe(true);
        } finally {
          setRunSearchForTests(previous);
        }
      }),
      { numRuns: 200 },
    );
  });

  it("round-trips random inputs from 0 to 1 MiB through zlib (property)", () => {
    const small = fc.uint8Array({ maxLength: 2000 });
    const sized = (max: number) =>
      fc
        .record({ n: fc.integer({ min: 0, max }), seed: fc.integer({ min: 1, max: 0x7fffffff }), kind: fc.constantFrom(randomBytes, textLike, runs) })
        .map(({ n, seed, kind }) => kind(n, seed));
    fc.assert(
      fc.property(fc.oneof({ arbitrary: small, weight: 12 }, { arbitrary: sized(40_000), weight: 6 }, { arbitrary: sized(1 << 20), weight: 1 }), (bytes) => {
        roundTrip(bytes);
      }),
      { numRuns: 80 },
    );
  });
});
