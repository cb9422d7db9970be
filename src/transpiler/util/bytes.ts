/** Byte helpers without DOM or Node APIs. */

/** Character codes of the base64 alphabet. */
const B64 = Uint8Array.from("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/", (c) => c.charCodeAt(0));
const PAD = 61; // "="
/** Character codes of up to one chunk of base64 text (a multiple of 4), turned into a string at once. */
const chunk = new Uint16Array(16 * 1024);

/** Appends the first `k` codes of `chunk` to `out` (one flat string per chunk, not a rope of small pieces). */
function flush(out: string, k: number): string {
  return out + String.fromCharCode.apply(null, chunk.subarray(0, k) as unknown as number[]);
}

/** Standard, padded base64. */
export function base64(bytes: Uint8Array): string {
  const b = B64;
  const c = chunk;
  let out = "";
  let k = 0;
  let i = 0;
  for (; i + 2 < bytes.length; i += 3) {
    const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8) | bytes[i + 2]!;
    c[k] = b[n >> 18]!;
    c[k + 1] = b[(n >> 12) & 63]!;
    c[k + 2] = b[(n >> 6) & 63]!;
    c[k + 3] = b[n & 63]!;
    k += 4;
    if (k === c.length) {
      out = flush(out, k);
      k = 0;
    }
  }
  const rest = bytes.length - i;
  if (rest > 0) {
    const n = (bytes[i]! << 16) | (rest === 2 ? bytes[i + 1]! << 8 : 0);
    c[k] = b[n >> 18]!;
    c[k + 1] = b[(n >> 12) & 63]!;
    c[k + 2] = rest === 2 ? b[(n >> 6) & 63]! : PAD;
    c[k + 3] = PAD;
    k += 4;
  }
  return k > 0 ? flush(out, k) : out;
}

/** UTF-8 bytes of a string (lone surrogates become U+FFFD). */
export function utf8(s: string): Uint8Array {
  // Most contents are ASCII: one byte a character, no sizing pass.
  const ascii = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x80) return utf8From(s, ascii, i);
    ascii[i] = c;
  }
  return ascii;
}

/** utf8 of `s`, whose first `done` characters are ASCII and already in `head`. */
function utf8From(s: string, head: Uint8Array, done: number): Uint8Array {
  const out = new Uint8Array(done + (s.length - done) * 3);
  out.set(head.subarray(0, done));
  let n = done;
  for (let i = done; i < s.length; i++) {
    let c = s.charCodeAt(i);
    if (c < 0x80) {
      out[n++] = c;
      continue;
    }
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        c = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
        i++;
      } else c = 0xfffd;
    } else if (c >= 0xd800 && c <= 0xdfff) c = 0xfffd;
    if (c < 0x800) {
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
  }
  return out.slice(0, n);
}

/** Decodes UTF-8, replacing invalid sequences with U+FFFD. */
export function fromUtf8(b: Uint8Array): string {
  let out = "";
  let i = 0;
  while (i < b.length) {
    const c = b[i]!;
    let cp = 0xfffd;
    let n = 1;
    if (c < 0x80) cp = c;
    else if (c >= 0xc2 && c < 0xe0 && cont(b, i + 1)) [cp, n] = [((c & 31) << 6) | (b[i + 1]! & 63), 2];
    else if (c >= 0xe0 && c < 0xf0 && cont(b, i + 1) && cont(b, i + 2)) {
      const v = ((c & 15) << 12) | ((b[i + 1]! & 63) << 6) | (b[i + 2]! & 63);
      if (v >= 0x800 && (v < 0xd800 || v > 0xdfff)) [cp, n] = [v, 3];
    } else if (c >= 0xf0 && c < 0xf5 && cont(b, i + 1) && cont(b, i + 2) && cont(b, i + 3)) {
      const v = ((c & 7) << 18) | ((b[i + 1]! & 63) << 12) | ((b[i + 2]! & 63) << 6) | (b[i + 3]! & 63);
      if (v >= 0x10000 && v <= 0x10ffff) [cp, n] = [v, 4];
    }
    out += String.fromCodePoint(cp);
    i += n;
  }
  return out;
}

function cont(b: Uint8Array, i: number): boolean {
  return i < b.length && (b[i]! & 0xc0) === 0x80;
}
