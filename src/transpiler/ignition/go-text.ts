/**
 * Go text primitives the validators need: UTF-8 encoding/decoding over byte arrays,
 * `unicode.IsSpace`, `unicode.IsPrint`, `bytes.TrimSpace` and `strconv.Quote` (`%q`).
 * Pure TypeScript (no TextEncoder: the transpiler builds against ES2023 only).
 */

import { utf8 } from "../util/bytes.ts";

/** Encodes a JS string as UTF-8 (lone surrogates become U+FFFD, as TextEncoder does). */
export const utf8Encode = utf8;

/** Go `len(s)`: the UTF-8 byte length of a JS string. */
export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        n += 4;
        i++;
      } else n += 3;
    } else n += 3;
  }
  return n;
}

/** Result of decoding one rune, as Go's `utf8.DecodeRune` does (invalid → U+FFFD, size 1). */
export interface DecodedRune {
  rune: number;
  size: number;
}

/** Go `utf8.DecodeRune` on `b[start:end]`. Returns size 0 on empty input. */
export function decodeRune(b: Uint8Array, start: number, end: number = b.length): DecodedRune {
  if (start >= end) return { rune: 0xfffd, size: 0 };
  const c0 = b[start] ?? 0;
  if (c0 < 0x80) return { rune: c0, size: 1 };
  const bad = { rune: 0xfffd, size: 1 };
  let need: number;
  let lo = 0x80;
  let hi = 0xbf;
  let r: number;
  if (c0 >= 0xc2 && c0 <= 0xdf) {
    need = 2;
    r = c0 & 0x1f;
  } else if (c0 >= 0xe0 && c0 <= 0xef) {
    need = 3;
    r = c0 & 0x0f;
    if (c0 === 0xe0) lo = 0xa0;
    else if (c0 === 0xed) hi = 0x9f;
  } else if (c0 >= 0xf0 && c0 <= 0xf4) {
    need = 4;
    r = c0 & 0x07;
    if (c0 === 0xf0) lo = 0x90;
    else if (c0 === 0xf4) hi = 0x8f;
  } else {
    return bad;
  }
  if (start + need > end) return bad;
  const c1 = b[start + 1] ?? 0;
  if (c1 < lo || c1 > hi) return bad;
  r = (r << 6) | (c1 & 0x3f);
  for (let k = 2; k < need; k++) {
    const ck = b[start + k] ?? 0;
    if (ck < 0x80 || ck > 0xbf) return bad;
    r = (r << 6) | (ck & 0x3f);
  }
  return { rune: r, size: need };
}

/** Go `utf8.FullRune` on `b[start:end]`. */
export function fullRune(b: Uint8Array, start: number, end: number): boolean {
  const n = end - start;
  if (n <= 0) return false;
  const c0 = b[start] ?? 0;
  let need: number;
  let lo = 0x80;
  let hi = 0xbf;
  if (c0 < 0x80) need = 1;
  else if (c0 >= 0xc2 && c0 <= 0xdf) need = 2;
  else if (c0 >= 0xe0 && c0 <= 0xef) {
    need = 3;
    if (c0 === 0xe0) lo = 0xa0;
    else if (c0 === 0xed) hi = 0x9f;
  } else if (c0 >= 0xf0 && c0 <= 0xf4) {
    need = 4;
    if (c0 === 0xf0) lo = 0x90;
    else if (c0 === 0xf4) hi = 0x8f;
  } else need = 1; // invalid leading byte: a full (error) rune
  if (n >= need) return true;
  const c1 = b[start + 1];
  if (n > 1 && c1 !== undefined && (c1 < lo || c1 > hi)) return true;
  const c2 = b[start + 2];
  if (n > 2 && c2 !== undefined && (c2 < 0x80 || c2 > 0xbf)) return true;
  return false;
}

/** Decodes UTF-8 bytes to a JS string, invalid sequences as U+FFFD (one per bad byte, like Go). */
export function utf8Decode(b: Uint8Array, start = 0, end: number = b.length): string {
  let s = "";
  for (let i = start; i < end; ) {
    const { rune, size } = decodeRune(b, i, end);
    s += String.fromCodePoint(rune);
    i += size;
  }
  return s;
}

/** Go `unicode.IsSpace`. */
export function isGoSpace(r: number): boolean {
  if (r <= 0xff) {
    return r === 0x09 || r === 0x0a || r === 0x0b || r === 0x0c || r === 0x0d || r === 0x20 || r === 0x85 || r === 0xa0;
  }
  return (
    r === 0x1680 ||
    (r >= 0x2000 && r <= 0x200a) ||
    r === 0x2028 ||
    r === 0x2029 ||
    r === 0x202f ||
    r === 0x205f ||
    r === 0x3000
  );
}

const printableRe = /^[\p{L}\p{M}\p{N}\p{P}\p{S}]$/u;

/** Go `unicode.IsPrint` / `strconv.IsPrint`: letters, marks, numbers, punctuation, symbols and ASCII space. */
export function isGoPrint(r: number): boolean {
  if (r === 0x20) return true;
  if (r < 0x20 || r === 0x7f) return false;
  if (r < 0x7f) return true;
  if (r >= 0xd800 && r <= 0xdfff) return false;
  if (r > 0x10ffff) return false;
  return printableRe.test(String.fromCodePoint(r));
}

/** Go `bytes.TrimSpace`: the [start, end) range of `b` without leading/trailing Unicode white space. */
export function trimSpaceRange(b: Uint8Array, start: number, end: number): [number, number] {
  let s = start;
  while (s < end) {
    const { rune, size } = decodeRune(b, s, end);
    if ((rune === 0xfffd && size === 1) || !isGoSpace(rune)) break;
    s += size;
  }
  let e = end;
  while (e > s) {
    // find the start of the last rune
    let k = e - 1;
    while (k > s && ((b[k] ?? 0) & 0xc0) === 0x80 && e - k < 4) k--;
    const { rune, size } = decodeRune(b, k, e);
    if (k + size !== e) {
      break; // trailing byte of an invalid sequence: not space
    }
    if ((rune === 0xfffd && size === 1) || !isGoSpace(rune)) break;
    e = k;
  }
  return [s, e];
}

const hex = "0123456789abcdef";

function hexDigits(v: number, n: number): string {
  let s = "";
  for (let shift = (n - 1) * 4; shift >= 0; shift -= 4) s += hex[(v >> shift) & 0xf];
  return s;
}

/** Go `strconv.Quote` (what `%q` prints) of UTF-8 bytes. */
export function goQuoteBytes(b: Uint8Array, start = 0, end: number = b.length): string {
  let out = '"';
  for (let i = start; i < end; ) {
    const { rune, size } = decodeRune(b, i, end);
    if (size === 1 && rune === 0xfffd) {
      out += "\\x" + hexDigits(b[i] ?? 0, 2);
      i += 1;
      continue;
    }
    i += size;
    if (rune === 0x22 || rune === 0x5c) {
      out += "\\" + String.fromCharCode(rune);
      continue;
    }
    if (isGoPrint(rune)) {
      out += String.fromCodePoint(rune);
      continue;
    }
    switch (rune) {
      case 0x07:
        out += "\\a";
        break;
      case 0x08:
        out += "\\b";
        break;
      case 0x0c:
        out += "\\f";
        break;
      case 0x0a:
        out += "\\n";
        break;
      case 0x0d:
        out += "\\r";
        break;
      case 0x09:
        out += "\\t";
        break;
      case 0x0b:
        out += "\\v";
        break;
      default:
        if (rune < 0x20 || rune === 0x7f) out += "\\x" + hexDigits(rune, 2);
        else if (rune < 0x10000) out += "\\u" + hexDigits(rune, 4);
        else out += "\\U" + hexDigits(rune, 8);
    }
  }
  return out + '"';
}

/** Go `strconv.Quote` (what `%q` prints) of a string. */
export function goQuote(s: string): string {
  return goQuoteBytes(utf8Encode(s));
}
