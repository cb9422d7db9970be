/**
 * Resource contents as Ignition reads them: a `data:` URL decoded the way Ignition decodes it,
 * gunzipped when `compression` says so, and whether the bytes are text a person can read inline.
 */
import { gunzipSync } from "fflate";
import { decodeDataUrl } from "../transpiler/ignition/index.ts";
import { decodeBase64 } from "../transpiler/util/base64.ts";

/** Decoded data URLs of this import (an import reads each several times). */
const decoded = new Map<string, Uint8Array | null>();
let decodedChars = 0;
const CACHE_CHARS = 64 * 1024 * 1024;

/** Forgets the decoded data URLs (call at the start and end of an import). */
export function clearContentsCache(): void {
  decoded.clear();
  decodedChars = 0;
}

/** RFC 2045 tokens, as the data URL lexer accepts them in media types and parameters. */
const TOKEN = "[A-Za-z0-9!#$&'*+.^_`|~-]+";
const SIMPLE_HEADER = new RegExp(`^data:(?:${TOKEN}/${TOKEN})?(?:;${TOKEN}=${TOKEN})*(;base64)?,`);
const PLAIN_PAYLOAD = /^(?:[A-Za-z0-9\-_.!~*'()]|%[0-9A-Fa-f]{2})*$/;

/**
 * The common data URLs (a plain header, canonical base64 or percent-encoding) decoded directly;
 * undefined for anything else, which goes through Ignition's own decoder.
 */
function fastDecode(url: string): Uint8Array | undefined {
  const m = SIMPLE_HEADER.exec(url);
  if (!m) return undefined;
  const payload = url.slice(m[0].length);
  if (m[1]) return decodeBase64(payload) ?? undefined;
  if (!PLAIN_PAYLOAD.test(payload)) return undefined;
  const out = new Uint8Array(payload.length);
  let o = 0;
  for (let i = 0; i < payload.length; i++) {
    const c = payload.charCodeAt(i);
    if (c === 0x25) {
      out[o++] = parseInt(payload.slice(i + 1, i + 3), 16);
      i += 2;
    } else out[o++] = c;
  }
  return out.slice(0, o);
}

function rawBytes(source: string): Uint8Array | null {
  const hit = decoded.get(source);
  if (hit !== undefined) return hit;
  const bytes = fastDecode(source) ?? decodeDataUrl(source);
  if (decodedChars + source.length > CACHE_CHARS) clearContentsCache();
  decoded.set(source, bytes);
  decodedChars += source.length;
  return bytes;
}

/** The bytes a `data:` URL source stands for (after gzip when compressed), or null. */
export function dataUrlBytes(source: string, compression: unknown): Uint8Array | null {
  if (!/^data:/i.test(source)) return null;
  const raw = rawBytes(source);
  if (raw === null) return null;
  if (compression === "gzip") {
    try {
      return gunzipSync(raw);
    } catch {
      return null;
    }
  }
  if (compression !== undefined && compression !== null && compression !== "") return null;
  return raw;
}

type Decoder = { decode(b: Uint8Array): string };
const Native = (globalThis as { TextDecoder?: new (label: string, opts: { fatal: boolean; ignoreBOM: boolean }) => Decoder }).TextDecoder;
// ignoreBOM: a leading byte order mark is part of the contents, not something to drop
const strict: Decoder | null = Native ? new Native("utf-8", { fatal: true, ignoreBOM: true }) : null;

/** Strict UTF-8 decoding: null when the bytes are not valid UTF-8. */
export function utf8Text(bytes: Uint8Array): string | null {
  if (strict) {
    try {
      return strict.decode(bytes);
    } catch {
      return null;
    }
  }
  return decodeUtf8Fallback(bytes);
}

function decodeUtf8Fallback(b: Uint8Array): string | null {
  const parts: string[] = [];
  let chunk: number[] = [];
  const cont = (i: number) => i < b.length && (b[i]! & 0xc0) === 0x80;
  for (let i = 0; i < b.length;) {
    const c = b[i]!;
    let cp: number;
    if (c < 0x80) [cp, i] = [c, i + 1];
    else if (c >= 0xc2 && c < 0xe0 && cont(i + 1)) [cp, i] = [((c & 31) << 6) | (b[i + 1]! & 63), i + 2];
    else if (c >= 0xe0 && c < 0xf0 && cont(i + 1) && cont(i + 2)) {
      cp = ((c & 15) << 12) | ((b[i + 1]! & 63) << 6) | (b[i + 2]! & 63);
      if (cp < 0x800 || (cp >= 0xd800 && cp <= 0xdfff)) return null;
      i += 3;
    } else if (c >= 0xf0 && c < 0xf5 && cont(i + 1) && cont(i + 2) && cont(i + 3)) {
      cp = ((c & 7) << 18) | ((b[i + 1]! & 63) << 12) | ((b[i + 2]! & 63) << 6) | (b[i + 3]! & 63);
      if (cp < 0x10000 || cp > 0x10ffff) return null;
      i += 4;
    } else return null;
    chunk.push(cp);
    if (chunk.length >= 4096) {
      parts.push(String.fromCodePoint(...chunk));
      chunk = [];
    }
  }
  parts.push(String.fromCodePoint(...chunk));
  return parts.join("");
}

/**
 * Whether decoded text reads well inline: no NUL, and control characters (other than tab,
 * newline, carriage return and form feed) are rare. Anything else stays a data URL.
 */
export function isReadableText(text: string): boolean {
  // NUL, and the characters YAML readers take for line breaks (Butane's folds them into spaces)
  // eslint-disable-next-line no-control-regex -- finding control characters is the point
  if (/[\u0000\u0085\u2028\u2029]/.test(text)) return false;
  let controls = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && c !== 9 && c !== 10 && c !== 13 && c !== 12) || (c >= 0x7f && c < 0xa0) || c === 0xfffe || c === 0xffff) {
      controls++;
    }
  }
  return controls * 100 <= text.length;
}

/** The readable text a resource stands for, or null (remote, binary, undecodable). */
export function resourceText(source: unknown, compression: unknown): string | null {
  if (typeof source !== "string") return null;
  const bytes = dataUrlBytes(source, compression);
  if (bytes === null) return null;
  const text = utf8Text(bytes);
  return text !== null && isReadableText(text) ? text : null;
}
