/** Encoding contents as data URLs the way Butane does (percent or base64, optional gzip). */
import { base64, utf8 } from "./bytes.ts";
import { gzipBestCompression } from "../go/gzip.ts";
import { Memo } from "./memo.ts";

/** Every byte's encoded form: itself for `A-Z a-z 0-9 - _ . ! ~ * ' ( )`, else `%XX` (upper-case hex). */
const ENCODED: readonly string[] = Array.from({ length: 256 }, (_, b) => {
  const c = String.fromCharCode(b);
  return /[A-Za-z0-9\-_.!~*'()]/.test(c) ? c : "%" + b.toString(16).toUpperCase().padStart(2, "0");
});

/** 1 for the bytes percent-encoding leaves as they are. */
const UNRESERVED = Uint8Array.from(ENCODED, (e) => (e.length === 1 ? 1 : 0));

/** Percent-encodes every byte outside `A-Z a-z 0-9 - _ . ! ~ * ' ( )`, upper-case hex. */
export function percentEncode(bytes: Uint8Array): string {
  const parts = new Array<string>(bytes.length);
  for (let i = 0; i < bytes.length; i++) parts[i] = ENCODED[bytes[i]!]!;
  return parts.join("");
}

export interface DataUrl {
  source: string;
  /** True when the bytes were gzip-compressed here. */
  gzipped: boolean;
}

/** Go's gzip of any input takes at least this many bytes (empty: header, empty final block, trailer). */
const SMALLEST_GZIP = 23;

/**
 * `data:` URL of `bytes` as Butane's `MakeDataURL` builds it: percent-encoded, unless base64 is
 * strictly shorter; then, when compression is allowed, the base64 of Go's level-9 gzip replaces
 * it when that plus the length of "gzip" (the `compression` value it adds) is strictly shorter.
 */
export function makeDataUrl(bytes: Uint8Array, allowCompression: boolean): DataUrl {
  // Compare encoded lengths first and build only the winning form.
  let plain = 0;
  for (let i = 0; i < bytes.length; i++) plain += UNRESERVED[bytes[i]!]!;
  const opaqueLen = 1 + plain + 3 * (bytes.length - plain);
  const b64Len = base64UrlLength(bytes.length);
  const chosenLen = Math.min(opaqueLen, b64Len);
  if (allowCompression && base64UrlLength(SMALLEST_GZIP) + GZIP.length < chosenLen) {
    const gz = gzipBestCompression(bytes);
    if (base64UrlLength(gz.length) + GZIP.length < chosenLen) return { source: "data:;base64," + base64(gz), gzipped: true };
  }
  const source = b64Len < opaqueLen ? "data:;base64," + base64(bytes) : "data:," + percentEncode(bytes);
  return { source, gzipped: false };
}

const GZIP = "gzip";

/** Length of `;base64,` and the base64 of `n` bytes (the part after `data:`). */
function base64UrlLength(n: number): number {
  return ";base64,".length + 4 * Math.ceil(n / 3);
}

/** fcos 1.0.0's form: always percent-encoded. */
export function makePlainDataUrl(bytes: Uint8Array): string {
  return "data:," + percentEncode(bytes);
}

const CACHE_CHARS = 8 * 1024 * 1024;
const urlMemo = () => new Memo<DataUrl>(CACHE_CHARS, (text, url) => text.length + url.source.length);
const compressing = urlMemo();
const plain = urlMemo();
const percentOnly = urlMemo();

/**
 * The data URLs handed out lately, oldest first, up to RECENT_CHARS in all: made here, so known
 * canonical when the output is checked (without parsing their payloads again).
 */
const recent = new Set<string>();
let recentChars = 0;
const RECENT_CHARS = 8 * 1024 * 1024;

function handOut(url: DataUrl): DataUrl {
  const source = url.source;
  if (recent.delete(source)) {
    recent.add(source);
    return url;
  }
  recent.add(source);
  recentChars += source.length;
  if (recentChars > RECENT_CHARS) {
    for (const old of recent) {
      recent.delete(old);
      recentChars -= old.length;
      if (recentChars <= RECENT_CHARS) break;
    }
  }
  return url;
}

/** `makeDataUrl` of a text's UTF-8 bytes, remembered across calls. */
export function textDataUrl(text: string, allowCompression: boolean): DataUrl {
  return handOut((allowCompression ? compressing : plain).get(text, () => makeDataUrl(utf8(text), allowCompression)));
}

/** `makePlainDataUrl` of a text's UTF-8 bytes, remembered across calls. */
export function textPlainDataUrl(text: string): string {
  return handOut(percentOnly.get(text, () => ({ source: makePlainDataUrl(utf8(text)), gzipped: false }))).source;
}

/** True for a data URL this module handed out lately (so it is canonical). */
export function isRecentTextDataUrl(source: string): boolean {
  return recent.has(source);
}
