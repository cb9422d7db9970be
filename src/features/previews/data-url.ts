/** What an Ignition resource `source` URL amounts to, without fetching anything. */
import { Gunzip } from "fflate";
import { decodeBase64, withPadding } from "../../transpiler/util/base64.ts";

export const REMOTE_SCHEMES = ["http", "https", "s3", "gs", "tftp", "arn"] as const;

export type SourceInfo =
  | {
      kind: "data";
      /** Decoded size in bytes (for compressed data: the compressed size). */
      bytes: number;
      /** e.g. "gzip"; null when uncompressed. */
      compression: string | null;
      mediaType: string | null;
      /** Decoded text (the start of it past TEXT_LIMIT) when it is non-empty UTF-8 without control characters; else null. */
      text: string | null;
      /** True when `text` was cut to TEXT_LIMIT bytes. */
      truncated: boolean;
      /** gzip only: the decompressed size, when the whole stream was decompressed. */
      uncompressedBytes: number | null;
    }
  | { kind: "remote"; scheme: string; url: string }
  | { kind: "invalid"; reason: string };

/** Files larger than this are not decoded for preview. */
export const TEXT_LIMIT = 16 * 1024;

/** Compressed payloads larger than this are not decompressed for preview. */
const GZIP_INPUT_LIMIT = 256 * 1024;
/** Stop inflating past this many bytes (guards against gzip bombs). */
const GZIP_OUTPUT_LIMIT = 1024 * 1024;

/**
 * Decodes a `data:` URL's payload (RFC 2397: base64 when the header says so, otherwise
 * percent-encoding): its total size in bytes and its first `keep` bytes. Null when malformed.
 */
export function decodeDataUrl(url: string, keep = TEXT_LIMIT + 4): { length: number; head: Uint8Array; mediaType: string | null } | null {
  if (!/^data:/i.test(url)) return null;
  const comma = url.indexOf(",");
  if (comma < 0) return null;
  const params = url.slice(5, comma).split(";");
  const isBase64 = params.length > 1 && params[params.length - 1]?.toLowerCase() === "base64";
  const mediaType = params[0] !== undefined && params[0] !== "" ? params[0] : null;
  let payload = url.slice(comma + 1);
  if (!isBase64) {
    const r = percentDecode(payload, keep);
    return r === null ? null : { ...r, mediaType };
  }
  if (payload.includes("%")) {
    const r = percentDecode(payload, Infinity);
    if (r === null) return null;
    payload = latin1(r.head);
  }
  const b64 = payload.replace(/\s+/g, "").replace(/-/g, "+").replace(/_/g, "/");
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(b64) || b64.length % 4 === 1) return null;
  const pad = b64.endsWith("==") ? 2 : b64.endsWith("=") ? 1 : 0;
  const unpadded = b64.length - pad;
  const length = Math.floor((unpadded * 3) / 4);
  const bytes = decodeBase64(withPadding(b64.slice(0, Math.ceil(keep / 3) * 4)));
  return bytes === null ? null : { length, head: bytes.subarray(0, keep), mediaType };
}

function latin1(bytes: Uint8Array): string {
  let s = "";
  for (let i = 0; i < bytes.length; i += 8192) s += String.fromCharCode(...bytes.subarray(i, i + 8192));
  return s;
}

/**
 * Percent-decodes, counting every byte but keeping only the first `keep`. Characters outside
 * `%XX` escapes count as their UTF-8 bytes. Null on a malformed escape.
 */
function percentDecode(s: string, keep: number): { length: number; head: Uint8Array } | null {
  const head: number[] = [];
  let length = 0;
  const enc = new TextEncoder();
  const add = (b: number) => {
    if (head.length < keep) head.push(b);
    length++;
  };
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x25 /* % */) {
      const hex = s.slice(i + 1, i + 3);
      if (!/^[0-9A-Fa-f]{2}$/.test(hex)) return null;
      add(parseInt(hex, 16));
      i += 2;
    } else if (c < 0x80) {
      add(c);
    } else {
      const ch = String.fromCodePoint(s.codePointAt(i) ?? c);
      for (const b of enc.encode(ch)) add(b);
      i += ch.length - 1;
    }
  }
  return { length, head: Uint8Array.from(head) };
}

/**
 * Inflates gzip data in small steps, keeping the first TEXT_LIMIT+4 bytes and stopping after
 * GZIP_OUTPUT_LIMIT. `complete` tells whether `length` is the full decompressed size.
 * Null when the data isn't valid gzip.
 */
function gunzipHead(input: Uint8Array): { head: Uint8Array; length: number; complete: boolean } | null {
  const keep = TEXT_LIMIT + 4;
  const head = new Uint8Array(keep);
  let length = 0;
  let done = false;
  try {
    const g = new Gunzip((chunk, final) => {
      const room = keep - Math.min(length, keep);
      if (room > 0) head.set(chunk.subarray(0, room), length);
      length += chunk.length;
      if (final) done = true;
    });
    // 1 KiB of deflate inflates to at most ~1 MiB, so small steps bound the work per step.
    const step = 1024;
    for (let i = 0; i < input.length && length <= GZIP_OUTPUT_LIMIT; i += step) {
      g.push(input.subarray(i, i + step), i + step >= input.length);
    }
  } catch {
    return null;
  }
  // fflate reports the final chunk even for a truncated stream; the gzip trailer's ISIZE
  // (length mod 2^32, little-endian) tells whether everything was there.
  const n = input.length;
  const isize = n >= 18 ? ((input[n - 4] ?? 0) | ((input[n - 3] ?? 0) << 8) | ((input[n - 2] ?? 0) << 16) | ((input[n - 1] ?? 0) << 24)) >>> 0 : -1;
  return { head: head.subarray(0, Math.min(length, keep)), length, complete: done && isize === length % 2 ** 32 };
}

/** Text for display when the bytes are UTF-8 text; null for binary. */
function asText(bytes: Uint8Array, length: number): { text: string; truncated: boolean } | null {
  const truncated = length > TEXT_LIMIT;
  let slice = truncated ? bytes.subarray(0, TEXT_LIMIT) : bytes;
  // Don't cut a multi-byte character in half.
  if (truncated) {
    let end = slice.length;
    while (end > 0 && ((slice[end - 1] ?? 0) & 0xc0) === 0x80) end--;
    if (end > 0 && ((slice[end - 1] ?? 0) & 0x80) !== 0) end--;
    slice = slice.subarray(0, end);
  }
  try {
    const text = new TextDecoder("utf-8", { fatal: true }).decode(slice);
    // eslint-disable-next-line no-control-regex
    if (/[\u0000-\u0008\u000e-\u001f\u007f]/.test(text)) return null;
    return { text, truncated };
  } catch {
    return null;
  }
}

/** Classifies a resource source URL; decodes `data:` URLs to count bytes. */
export function describeSource(source: string, compression: string | null): SourceInfo {
  const scheme = /^([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(source)?.[1]?.toLowerCase();
  if (scheme === undefined) return { kind: "invalid", reason: "not a URL" };
  if (scheme === "data") {
    const gzip = compression === "gzip";
    const decoded = decodeDataUrl(source, gzip ? GZIP_INPUT_LIMIT : TEXT_LIMIT + 4);
    if (decoded === null) return { kind: "invalid", reason: "malformed data URL" };
    let t: { text: string; truncated: boolean } | null = null;
    let uncompressedBytes: number | null = null;
    if (compression === null) {
      t = asText(decoded.head, decoded.length);
    } else if (gzip && decoded.length <= GZIP_INPUT_LIMIT) {
      const inflated = gunzipHead(decoded.head);
      if (inflated !== null && (inflated.complete || inflated.length > 0)) {
        t = asText(inflated.head, inflated.length);
        uncompressedBytes = inflated.complete ? inflated.length : null;
      }
    }
    return {
      kind: "data",
      bytes: decoded.length,
      compression,
      mediaType: decoded.mediaType,
      text: t !== null && t.text !== "" ? t.text : null,
      truncated: t?.truncated ?? false,
      uncompressedBytes,
    };
  }
  if ((REMOTE_SCHEMES as readonly string[]).includes(scheme)) return { kind: "remote", scheme, url: source };
  return { kind: "invalid", reason: `unsupported scheme ${scheme}:` };
}
