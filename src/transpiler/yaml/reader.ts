/**
 * The scanner's input: the source as code points, validated lazily the way libyaml's reader does.
 *
 * libyaml decodes its input in 512-byte chunks, only when the scanner asks for characters it has
 * not decoded yet, and fails on the first disallowed character of the chunk it is decoding. So a
 * control character is reported only if the scanner gets close enough to it (a control character in
 * a later document can go unnoticed). `need` reproduces that timing from UTF-8 byte offsets.
 */
import { isAllowedChar, isBreak, utf8Length } from "./chars.ts";
import { YamlError } from "./errors.ts";

const CHUNK_BYTES = 512;
const BOM = 0xfeff;
const HAS_SURROGATE = /[\ud800-\udfff]/;

export class Input {
  /** Number of code points (leading BOM excluded). */
  readonly length: number;
  /** The source without its BOM. */
  private readonly text: string;
  /**
   * Code points, only when the source has surrogates (astral characters); otherwise code point
   * index = UTF-16 index and `text` is read directly.
   */
  private readonly cps: Uint32Array | undefined;
  /** UTF-16 offset of each code point (plus one past the end), when `cps` is used. */
  private readonly offsets: Uint32Array | undefined;
  /** Number of leading code points the reader has decoded (and validated). */
  private decoded = 0;
  /** UTF-8 byte offset of code point `decoded` in the original input. */
  private decodedBytes: number;
  private chunks = 0;

  constructor(source: string) {
    const hasBom = source.charCodeAt(0) === BOM;
    this.text = hasBom ? source.slice(1) : source;
    this.decodedBytes = hasBom ? 3 : 0;
    if (!HAS_SURROGATE.test(this.text)) {
      this.length = this.text.length;
      return;
    }
    const text = this.text;
    const cps = new Uint32Array(text.length);
    const offsets = new Uint32Array(text.length + 1);
    let n = 0;
    for (let i = 0; i < text.length; i++) {
      offsets[n] = i;
      const u = text.charCodeAt(i);
      if (u >= 0xd800 && u <= 0xdbff && i + 1 < text.length) {
        const v = text.charCodeAt(i + 1);
        if (v >= 0xdc00 && v <= 0xdfff) {
          cps[n++] = 0x10000 + ((u - 0xd800) << 10) + (v - 0xdc00);
          i++;
          continue;
        }
      }
      cps[n++] = u; // a lone surrogate stays as is; the reader rejects it
    }
    offsets[n] = text.length;
    this.cps = cps;
    this.offsets = offsets;
    this.length = n;
  }

  /** Code point at index `i`, or 0 (NUL, the end marker) past the end. */
  at(i: number): number {
    if (i >= this.length) return 0;
    return this.cps === undefined ? this.text.charCodeAt(i) : (this.cps[i] as number);
  }

  /** Index of the first line break (LF, CR, NEL, LS, PS) at or after `from`, or `length`. */
  nextBreak(from: number): number {
    const n = this.length;
    let i = from;
    if (this.cps === undefined) {
      const text = this.text;
      for (; i < n; i++) if (isBreak(text.charCodeAt(i))) break;
    } else {
      const cps = this.cps;
      for (; i < n; i++) if (isBreak(cps[i] as number)) break;
    }
    return i;
  }

  /** Source text between two code point indices. */
  slice(from: number, to: number): string {
    if (this.offsets === undefined) return this.text.slice(from, to);
    return this.text.slice(this.offsets[from] as number, this.offsets[to] as number);
  }

  /** libyaml's `cache(parser, k)` at position `pos`: make `k` characters available or fail like its reader. */
  need(pos: number, k: number): void {
    if (pos + k <= this.decoded) return;
    this.decode(pos + k);
  }

  private decode(target: number): void {
    while (this.decoded < target && this.decoded < this.length) {
      this.chunks++;
      const limit = this.chunks * CHUNK_BYTES;
      let decoded = this.decoded;
      let bytes = this.decodedBytes;
      while (decoded < this.length) {
        const c = this.at(decoded);
        const w = utf8Length(c);
        if (bytes + w > limit) break;
        if (!isAllowedChar(c)) {
          this.decoded = decoded;
          this.decodedBytes = bytes;
          throw readerError(c);
        }
        bytes += w;
        decoded++;
      }
      this.decoded = decoded;
      this.decodedBytes = bytes;
    }
  }
}

function readerError(c: number): YamlError {
  const problem = c >= 0xd800 && c <= 0xdfff ? "invalid Unicode character" : "control characters are not allowed";
  return new YamlError("reader", problem);
}
