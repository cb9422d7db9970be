/** Encoding contents as data URLs the way Butane does (percent or base64, optional gzip). */
import { base64, utf8 } from "./bytes.ts";
import { gzip } from "./deflate.ts";
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

/**
 * `data:` URL of `bytes`: the shorter of percent and base64 forms, gzip-compressed when that wins
 * by more than 4 bytes. Upstream gzips with Go's level 9; any correct gzip of the same bytes is
 * equivalent for Ignition. Kindling's own encoder (./deflate.ts) allocates no tables per call and
 * is about twice as fast as fflate's level 6 on the 1–20 KB texts typical of configs (far more on
 * tiny ones), with sizes within a few percent of zlib's level 6, so the "compress when shorter"
 * choice is practically unchanged.
 */
export function makeDataUrl(bytes: Uint8Array, allowCompression: boolean): DataUrl {
  // Compare encoded lengths first and build only the winning form.
  let plain = 0;
  for (let i = 0; i < bytes.length; i++) plain += UNRESERVED[bytes[i]!]!;
  const opaqueLen = 1 + plain + 3 * (bytes.length - plain);
  const b64Len = 8 + 4 * Math.ceil(bytes.length / 3);
  const chosenLen = Math.min(opaqueLen, b64Len);
  // gzip adds 18 bytes of framing, so tiny contents can never win.
  if (allowCompression && 8 + 4 * Math.ceil(18 / 3) + 4 < chosenLen) {
    const gz = gzip(bytes);
    if (8 + 4 * Math.ceil(gz.length / 3) + 4 < chosenLen) return { source: "data:;base64," + base64(gz), gzipped: true };
  }
  const source = b64Len < opaqueLen ? "data:;base64," + base64(bytes) : "data:," + percentEncode(bytes);
  return { source, gzipped: false };
}

/** fcos 1.0.0's form: always percent-encoded. */
export function makePlainDataUrl(bytes: Uint8Array): string {
  return "data:," + percentEncode(bytes);
}

/** Every data URL held by the memo tables below: generated here, so known canonical. */
const memoized = new Set<string>();
const CACHE_CHARS = 8 * 1024 * 1024;
const urlMemo = () =>
  new Memo<DataUrl>(
    CACHE_CHARS,
    (text, url) => text.length + url.source.length,
    { onDrop: (url) => memoized.delete(url.source) },
  );
const compressing = urlMemo();
const plain = urlMemo();
const percentOnly = urlMemo();

function remember(url: DataUrl): DataUrl {
  memoized.add(url.source);
  return url;
}

/** `makeDataUrl` of a text's UTF-8 bytes, remembered across calls. */
export function textDataUrl(text: string, allowCompression: boolean): DataUrl {
  return (allowCompression ? compressing : plain).get(text, () => remember(makeDataUrl(utf8(text), allowCompression)));
}

/** `makePlainDataUrl` of a text's UTF-8 bytes, remembered across calls. */
export function textPlainDataUrl(text: string): string {
  return percentOnly.get(text, () => remember({ source: makePlainDataUrl(utf8(text)), gzipped: false })).source;
}

/** True for a data URL this module produced from a text recently (so it is canonical). */
export function isRecentTextDataUrl(source: string): boolean {
  return memoized.has(source);
}
