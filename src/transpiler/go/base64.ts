/**
 * Go's `encoding/base64` (golang/go `src/encoding/base64/base64.go`): `StdEncoding` decoding
 * (padded, non-strict, CR/LF skipped) with its error texts, and encoding.
 */

/** Decoded bytes, or Go's `illegal base64 data at input byte N` error. */
export type Base64Result = { ok: true; bytes: Uint8Array } | { ok: false; error: string };

const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
/** The value of each byte of the standard alphabet; -1 for every other byte. */
export const decodeMap = new Int16Array(256).fill(-1);
for (let i = 0; i < 64; i++) decodeMap[ALPHABET.charCodeAt(i)] = i;

function corrupt(at: number): Base64Result {
  return { ok: false, error: `illegal base64 data at input byte ${at}` };
}

function isNewline(c: number | undefined): boolean {
  return c === 0x0a || c === 0x0d;
}

/** Decodes standard padded base64 like Go (CR/LF ignored anywhere). `src` holds byte values. */
export function decodeBase64Go(src: Uint8Array): Base64Result {
  const out: number[] = [];
  let si = 0;
  const n = src.length;
  while (si < n) {
    const dbuf = [0, 0, 0, 0];
    let dlen = 4;
    let trailingError: number | null = null;
    let finished = false;
    for (let j = 0; j < 4; j++) {
      if (si === n) {
        if (j === 0) {
          finished = true;
          break;
        }
        return corrupt(si - j);
      }
      const ch = src[si] ?? 0;
      si++;
      const v = decodeMap[ch] ?? -1;
      if (v >= 0) {
        dbuf[j] = v;
        continue;
      }
      if (isNewline(ch)) {
        j--;
        continue;
      }
      if (ch !== 0x3d) return corrupt(si - 1);
      // padding
      if (j === 0 || j === 1) return corrupt(si - 1);
      if (j === 2) {
        while (si < n && isNewline(src[si])) si++;
        if (si === n) return corrupt(n);
        if (src[si] !== 0x3d) return corrupt(si - 1);
        si++;
      }
      while (si < n && isNewline(src[si])) si++;
      if (si < n) trailingError = si;
      dlen = j;
      break;
    }
    if (finished) break;
    const val = ((dbuf[0] ?? 0) << 18) | ((dbuf[1] ?? 0) << 12) | ((dbuf[2] ?? 0) << 6) | (dbuf[3] ?? 0);
    const b0 = (val >> 16) & 0xff;
    const b1 = (val >> 8) & 0xff;
    const b2 = val & 0xff;
    if (dlen === 4) out.push(b0, b1, b2);
    else if (dlen === 3) out.push(b0, b1);
    else if (dlen === 2) out.push(b0);
    if (trailingError !== null) return corrupt(trailingError);
  }
  return { ok: true, bytes: Uint8Array.from(out) };
}

/** Character codes of the alphabet, and a buffer of up to one chunk of output turned into a string at once. */
const ALPHABET_CODES = Uint8Array.from(ALPHABET, (c) => c.charCodeAt(0));
const PAD = 0x3d; // "="
const chunk = new Uint16Array(16 * 1024);

/** Appends the first `k` codes of `chunk` to `out` (one flat string per chunk, not a rope of small pieces). */
function flush(out: string, k: number): string {
  return out + String.fromCharCode.apply(null, chunk.subarray(0, k) as unknown as number[]);
}

/** Go `base64.StdEncoding.EncodeToString`: standard alphabet, padded. */
export function encodeBase64(bytes: Uint8Array): string {
  const b = ALPHABET_CODES;
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
