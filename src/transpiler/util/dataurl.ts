/** Encoding contents as data URLs the way Butane does (percent or base64, optional gzip). */
import { gzipSync } from "fflate";
import { base64, utf8 } from "./bytes.ts";

/** Every byte's encoded form: itself for `A-Z a-z 0-9 - _ . ! ~ * ' ( )`, else `%XX` (upper-case hex). */
const ENCODED: readonly string[] = Array.from({ length: 256 }, (_, b) => {
  const c = String.fromCharCode(b);
  return /[A-Za-z0-9\-_.!~*'()]/.test(c) ? c : "%" + b.toString(16).toUpperCase().padStart(2, "0");
});

/** Percent-encodes every byte outside `A-Z a-z 0-9 - _ . ! ~ * ' ( )`, upper-case hex. */
export function percentEncode(bytes: Uint8Array): string {
  const parts = new Array<string>(bytes.length);
  for (let i = 0; i < bytes.length; i++) parts[i] = ENCODED[bytes[i]!]!;
  return parts.join("");
}

/**
 * gzip with an empty header (no name, mtime 0). Upstream uses Go's level 9; any correct gzip of
 * the same bytes is equivalent for Ignition, and level 6 is ~4x faster here with the same sizes
 * on typical configs, so the "compress when shorter" choice is practically unchanged.
 */
export function gzip(bytes: Uint8Array): Uint8Array {
  return gzipSync(bytes, { level: 6, mtime: 0 });
}

export interface DataUrl {
  source: string;
  /** True when the bytes were gzip-compressed here. */
  gzipped: boolean;
}

/** `data:` URL of `bytes`: the shorter of percent and base64 forms, gzip-compressed when that wins by more than 4 bytes. */
export function makeDataUrl(bytes: Uint8Array, allowCompression: boolean): DataUrl {
  // Compare encoded lengths first and build only the winning form.
  let plain = 0;
  for (let i = 0; i < bytes.length; i++) if (ENCODED[bytes[i]!]!.length === 1) plain++;
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

/**
 * Data URLs of recently seen texts. The studio transpiles on every keystroke, and between two
 * keystrokes almost every file's contents are unchanged, so their encoding (gzip above all) is
 * looked up instead of redone. Bounded by the total length of the texts held; least recently used
 * entries go first. Results are identical with or without the cache.
 */
class TextUrlCache {
  private readonly entries = new Map<string, DataUrl>();
  private held = 0;
  /** Every `source` in `entries`: generated here, so known canonical. */
  private readonly sources = new Set<string>();

  private readonly maxChars: number;

  constructor(maxChars: number) {
    this.maxChars = maxChars;
  }

  get(text: string, make: () => DataUrl): DataUrl {
    const hit = this.entries.get(text);
    if (hit) {
      // Move to the most recently used end.
      this.entries.delete(text);
      this.entries.set(text, hit);
      return hit;
    }
    const made = make();
    const size = text.length + made.source.length;
    if (size > this.maxChars) return made;
    this.entries.set(text, made);
    this.sources.add(made.source);
    this.held += size;
    for (const [oldText, old] of this.entries) {
      if (this.held <= this.maxChars) break;
      this.entries.delete(oldText);
      this.sources.delete(old.source);
      this.held -= oldText.length + old.source.length;
    }
    return made;
  }

  has(source: string): boolean {
    return this.sources.has(source);
  }
}

const CACHE_CHARS = 8 * 1024 * 1024;
const compressing = new TextUrlCache(CACHE_CHARS);
const plain = new TextUrlCache(CACHE_CHARS);
const percentOnly = new TextUrlCache(CACHE_CHARS);

/** `makeDataUrl` of a text's UTF-8 bytes, remembered across calls. */
export function textDataUrl(text: string, allowCompression: boolean): DataUrl {
  return (allowCompression ? compressing : plain).get(text, () => makeDataUrl(utf8(text), allowCompression));
}

/** `makePlainDataUrl` of a text's UTF-8 bytes, remembered across calls. */
export function textPlainDataUrl(text: string): string {
  return percentOnly.get(text, () => ({ source: makePlainDataUrl(utf8(text)), gzipped: false })).source;
}

/** True for a data URL this module produced from a text recently (so it is canonical). */
export function isRecentTextDataUrl(source: string): boolean {
  return compressing.has(source) || plain.has(source) || percentOnly.has(source);
}
