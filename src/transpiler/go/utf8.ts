/**
 * Go's `unicode/utf8` (golang/go `src/unicode/utf8/utf8.go`: `DecodeRune`, `FullRune`, `RuneLen`,
 * `EncodeRune`) and the conversions between Go strings and JS strings.
 *
 * A Go string is a byte string that may hold invalid UTF-8 (a `!!binary` YAML value decoded into
 * a `string` field, or an error message that cuts a rune in half). The transpiler holds Go strings
 * as JS strings: every valid rune is itself, and every byte of an invalid sequence is the lone
 * surrogate U+DC80–U+DCFF (U+DC00 plus the byte), so the original bytes come back exactly
 * (`goBytes`). No other lone surrogate ever stands for anything: `goBytes` writes U+FFFD for one,
 * as Go's JSON decoding and TextEncoder do.
 */

/** The replacement character Go's decoders return for an invalid sequence. */
export const RUNE_ERROR = 0xfffd;

/** Go `utf8.RuneLen` for a valid code point (lone surrogates count 3, like their WTF-8 form). */
export function runeLen(c: number): number {
  if (c < 0x80) return 1;
  if (c < 0x800) return 2;
  if (c < 0x10000) return 3;
  return 4;
}

/** Result of decoding one rune, as `utf8.DecodeRune` returns it (invalid → U+FFFD, size 1). */
export interface DecodedRune {
  rune: number;
  size: number;
}

/** The accepted range of the second byte after a leading byte `c0` (Go's `acceptRanges`). */
function secondByteRange(c0: number): [lo: number, hi: number] {
  if (c0 === 0xe0) return [0xa0, 0xbf];
  if (c0 === 0xed) return [0x80, 0x9f];
  if (c0 === 0xf0) return [0x90, 0xbf];
  if (c0 === 0xf4) return [0x80, 0x8f];
  return [0x80, 0xbf];
}

/** Sequence length announced by a leading byte, or 0 for a byte that cannot start one. */
function sequenceLength(c0: number): number {
  if (c0 < 0x80) return 1;
  if (c0 >= 0xc2 && c0 <= 0xdf) return 2;
  if (c0 >= 0xe0 && c0 <= 0xef) return 3;
  if (c0 >= 0xf0 && c0 <= 0xf4) return 4;
  return 0;
}

/** Go `utf8.DecodeRune(b[start:end])`. Size 0 on empty input. */
export function decodeRune(b: Uint8Array, start: number, end: number = b.length): DecodedRune {
  if (start >= end) return { rune: RUNE_ERROR, size: 0 };
  const c0 = b[start] as number;
  if (c0 < 0x80) return { rune: c0, size: 1 };
  const need = sequenceLength(c0);
  if (need === 0 || start + need > end) return { rune: RUNE_ERROR, size: 1 };
  const [lo, hi] = secondByteRange(c0);
  const c1 = b[start + 1] as number;
  if (c1 < lo || c1 > hi) return { rune: RUNE_ERROR, size: 1 };
  let r = (c0 & (need === 2 ? 0x1f : need === 3 ? 0x0f : 0x07)) * 64 + (c1 & 0x3f);
  for (let k = 2; k < need; k++) {
    const ck = b[start + k] as number;
    if (ck < 0x80 || ck > 0xbf) return { rune: RUNE_ERROR, size: 1 };
    r = r * 64 + (ck & 0x3f);
  }
  return { rune: r, size: need };
}

/** Go `utf8.FullRune(b[start:end])`: whether the bytes begin with a full (possibly invalid) rune. */
export function fullRune(b: Uint8Array, start: number, end: number): boolean {
  const n = end - start;
  if (n <= 0) return false;
  const c0 = b[start] as number;
  const need = sequenceLength(c0);
  if (need === 0 || n >= need) return true;
  const [lo, hi] = secondByteRange(c0);
  const c1 = b[start + 1];
  if (n > 1 && c1 !== undefined && (c1 < lo || c1 > hi)) return true;
  const c2 = b[start + 2];
  return n > 2 && c2 !== undefined && (c2 < 0x80 || c2 > 0xbf);
}

const isLowSurrogate = (c: number): boolean => c >= 0xdc00 && c <= 0xdfff;
const isHighSurrogate = (c: number): boolean => c >= 0xd800 && c <= 0xdbff;

/** The byte a lone surrogate stands for, or -1 when it stands for none (see the header). */
function escapedByte(unit: number): number {
  return unit >= 0xdc80 && unit <= 0xdcff ? unit - 0xdc00 : -1;
}

/** Go `len(s)`: the number of bytes of the Go string `s` holds. */
export function byteLength(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (isHighSurrogate(c) && i + 1 < s.length && isLowSurrogate(s.charCodeAt(i + 1))) {
      n += 4;
      i++;
    } else if (escapedByte(c) >= 0) n += 1;
    else n += 3;
  }
  return n;
}

/** The bytes of the Go string `s` holds (`[]byte(s)`). */
export function goBytes(s: string): Uint8Array {
  // Most contents are ASCII: one byte a character, no 3× buffer.
  const ascii = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x80) return goBytesFrom(s, ascii, i);
    ascii[i] = c;
  }
  return ascii;
}

/** goBytes of `s`, whose first `done` characters are ASCII and already in `head`. */
function goBytesFrom(s: string, head: Uint8Array, done: number): Uint8Array {
  const out = new Uint8Array(done + (s.length - done) * 3);
  out.set(head.subarray(0, done));
  let n = done;
  for (let i = done; i < s.length; i++) {
    let c = s.charCodeAt(i);
    if (c < 0x80) {
      out[n++] = c;
      continue;
    }
    if (isHighSurrogate(c) && i + 1 < s.length && isLowSurrogate(s.charCodeAt(i + 1))) {
      c = 0x10000 + ((c - 0xd800) << 10) + (s.charCodeAt(i + 1) - 0xdc00);
      i++;
    } else if (c >= 0xd800 && c <= 0xdfff) {
      const b = escapedByte(c);
      if (b >= 0) {
        out[n++] = b;
        continue;
      }
      c = RUNE_ERROR;
    }
    n = encodeRuneAt(out, n, c);
  }
  return out.slice(0, n);
}

/** Go `utf8.EncodeRune` into `out` at `n`; returns the new length. */
function encodeRuneAt(out: Uint8Array, n: number, c: number): number {
  if (c < 0x80) {
    out[n++] = c;
  } else if (c < 0x800) {
    out[n++] = 0xc0 | (c >> 6);
    out[n++] = 0x80 | (c & 63);
  } else if (c < 0x10000) {
    out[n++] = 0xe0 | (c >> 12);
    out[n++] = 0x80 | ((c >> 6) & 63);
    out[n++] = 0x80 | (c & 63);
  } else {
    out[n++] = 0xf0 | (c >> 18);
    out[n++] = 0x80 | ((c >> 12) & 63);
    out[n++] = 0x80 | ((c >> 6) & 63);
    out[n++] = 0x80 | (c & 63);
  }
  return n;
}

/** Go `string(b[start:end])` held as a JS string: valid runes as themselves, other bytes escaped. */
export function goString(b: Uint8Array, start = 0, end: number = b.length): string {
  return decodeWith(b, start, end, (byte) => String.fromCharCode(0xdc00 + byte));
}

/** Go `for _, r := range string(b)` collected: every invalid byte becomes U+FFFD. */
export function decodeReplacing(b: Uint8Array, start = 0, end: number = b.length): string {
  return decodeWith(b, start, end, () => "\ufffd");
}

function decodeWith(b: Uint8Array, start: number, end: number, invalid: (byte: number) => string): string {
  let out = "";
  let run = start;
  let i = start;
  while (i < end) {
    const c = b[i] as number;
    if (c < 0x80) {
      i++;
      continue;
    }
    if (i > run) out += latin(b, run, i);
    const { rune, size } = decodeRune(b, i, end);
    out += size === 1 && rune === RUNE_ERROR ? invalid(c) : String.fromCodePoint(rune);
    i += size;
    run = i;
  }
  return out + (end > run ? latin(b, run, end) : "");
}

/**
 * ASCII bytes as a string. Short runs (most unit and config values) are built a character at a
 * time; longer ones in chunks passed as argument lists (bounded in length), which V8 does far
 * faster through `apply` than by spreading a typed array.
 */
function latin(b: Uint8Array, start: number, end: number): string {
  let s = "";
  if (end - start <= 8) {
    for (let i = start; i < end; i++) s += String.fromCharCode(b[i] as number);
    return s;
  }
  for (let i = start; i < end; i += 8192) s += Reflect.apply(String.fromCharCode, null, b.subarray(i, Math.min(end, i + 8192))) as string;
  return s;
}

/**
 * The Go string `s` cut to its first `n` bytes (`s[:n]`), as a JS string: a rune cut in half
 * leaves its leading bytes behind as escaped bytes, as Go does.
 */
export function byteSlice(s: string, n: number): string {
  return goString(goBytes(s).subarray(0, n));
}
