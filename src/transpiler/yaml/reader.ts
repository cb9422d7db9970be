/**
 * The scanner's input, read the way libyaml's reader in yaml.v3 (readerc.go) reads it.
 *
 * Bytes are decoded as yaml.v3 decodes them: a UTF-16LE (`FF FE`) or UTF-16BE (`FE FF`) byte
 * order mark selects UTF-16, a UTF-8 one is skipped, anything else is UTF-8; a malformed sequence
 * is an error (`invalid leading UTF-8 octet`, `invalid trailing UTF-8 octet`, `incomplete UTF-8
 * octet sequence`, `unexpected low surrogate area` …), as is a character outside YAML's printable
 * set. A JS string (the studio's editor text) is read as its UTF-8 form.
 *
 * libyaml decodes in 512-byte chunks, only when the scanner asks for characters it has not decoded
 * yet, and fails on the first bad character of the chunk it is decoding; a sequence cut short by
 * the end of the input is found only when the scanner asks past it. So a bad character is
 * reported only if the scanner gets close enough to it (one in a later document can go unnoticed).
 * `need` reproduces that timing from the input's byte offsets.
 */
import { goString, runeLen } from "../go/utf8.ts";
import { isAllowedChar, isBreak } from "./chars.ts";
import { YamlError } from "./errors.ts";

const CHUNK_BYTES = 512;
const BOM = 0xfeff;
const HAS_SURROGATE = /[\ud800-\udfff]/;
/** A character other than tab, line feed, carriage return and printable ASCII. */
const NOT_PLAIN_ASCII = /[^\t\n\r\x20-\x7e]/;

/** Where decoding the input's bytes fails, if it does. */
interface DecodeFailure {
  problem: string;
  /** Bytes of the bad sequence that must be in the raw buffer before libyaml sees the problem. */
  width: number;
  /** Found only when a read hits the end of the input (a sequence cut short). */
  atEnd: boolean;
}

/** The input decoded up to its first malformed sequence. */
export interface DecodedInput {
  /** The characters before the first malformed sequence (after the byte order mark). */
  text: string;
  encoding: "utf-8" | "utf-16";
  /** Bytes of the byte order mark. */
  bomBytes: number;
  /** The whole input was shorter than 3 bytes: libyaml saw its end while looking for a BOM. */
  tiny: boolean;
  failure?: DecodeFailure;
}

/** Decodes `bytes` as yaml.v3's reader does, stopping at the first malformed sequence. */
export function decodeInput(bytes: Uint8Array): DecodedInput {
  const tiny = bytes.length < 3;
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return decodeUtf16(bytes, true, tiny);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return decodeUtf16(bytes, false, tiny);
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  return decodeUtf8(bytes, bom, tiny);
}

function decodeUtf8(b: Uint8Array, bom: number, tiny: boolean): DecodedInput {
  const done = (end: number, failure?: DecodeFailure): DecodedInput => {
    const out: DecodedInput = { text: goString(b, bom, end), encoding: "utf-8", bomBytes: bom, tiny };
    if (failure) out.failure = failure;
    return out;
  };
  const n = b.length;
  let i = bom;
  while (i < n) {
    const c0 = b[i] as number;
    if (c0 < 0x80) {
      i++;
      continue;
    }
    const width = (c0 & 0xe0) === 0xc0 ? 2 : (c0 & 0xf0) === 0xe0 ? 3 : (c0 & 0xf8) === 0xf0 ? 4 : 0;
    if (width === 0) return done(i, { problem: "invalid leading UTF-8 octet", width: 1, atEnd: false });
    if (i + width > n) return done(i, { problem: "incomplete UTF-8 octet sequence", width, atEnd: true });
    let value = c0 & (width === 2 ? 0x1f : width === 3 ? 0x0f : 0x07);
    for (let k = 1; k < width; k++) {
      const ck = b[i + k] as number;
      if ((ck & 0xc0) !== 0x80) return done(i, { problem: "invalid trailing UTF-8 octet", width, atEnd: false });
      value = value * 64 + (ck & 0x3f);
    }
    const shortest = width === 2 ? 0x80 : width === 3 ? 0x800 : 0x10000;
    if (value < shortest) return done(i, { problem: "invalid length of a UTF-8 sequence", width, atEnd: false });
    if ((value >= 0xd800 && value <= 0xdfff) || value > 0x10ffff) return done(i, { problem: "invalid Unicode character", width, atEnd: false });
    i += width;
  }
  return done(n);
}

function decodeUtf16(b: Uint8Array, littleEndian: boolean, tiny: boolean): DecodedInput {
  const n = b.length;
  const unit = (at: number): number => (littleEndian ? (b[at] as number) | ((b[at + 1] as number) << 8) : ((b[at] as number) << 8) | (b[at + 1] as number));
  const codes: number[] = [];
  let text = "";
  const flush = () => {
    text += String.fromCharCode(...codes);
    codes.length = 0;
  };
  const done = (failure?: DecodeFailure): DecodedInput => {
    flush();
    const out: DecodedInput = { text, encoding: "utf-16", bomBytes: 2, tiny };
    if (failure) out.failure = failure;
    return out;
  };
  let i = 2;
  while (i < n) {
    if (i + 2 > n) return done({ problem: "incomplete UTF-16 character", width: 2, atEnd: true });
    const u = unit(i);
    if ((u & 0xfc00) === 0xdc00) return done({ problem: "unexpected low surrogate area", width: 2, atEnd: false });
    if ((u & 0xfc00) === 0xd800) {
      if (i + 4 > n) return done({ problem: "incomplete UTF-16 surrogate pair", width: 4, atEnd: true });
      const v = unit(i + 2);
      if ((v & 0xfc00) !== 0xdc00) return done({ problem: "expected low surrogate area", width: 4, atEnd: false });
      codes.push(u, v);
      i += 4;
    } else {
      codes.push(u);
      i += 2;
    }
    if (codes.length >= 8192) flush();
  }
  return done();
}

export class Input {
  /** Number of code points (byte order mark excluded; up to the first malformed sequence). */
  readonly length: number;
  /** The decoded characters. */
  private readonly text: string;
  /**
   * Code points, only when the text has surrogates (astral characters); otherwise code point
   * index = UTF-16 index and `text` is read directly.
   */
  private readonly cps: Uint32Array | undefined;
  /** UTF-16 offset of each code point (plus one past the end), when `cps` is used. */
  private readonly offsets: Uint32Array | undefined;
  /** Bytes a code point takes in the input's encoding. */
  private readonly width: (c: number) => number;
  /** The malformed sequence that follows the last code point, if any. */
  private readonly failure: DecodeFailure | undefined;
  /** Whether libyaml knew the input's end before decoding (inputs under 3 bytes). */
  private readonly tiny: boolean;
  /** Number of leading code points the reader has decoded (and validated). */
  private decoded = 0;
  /** Byte offset of code point `decoded` in the original input. */
  private decodedBytes: number;
  private chunks = 0;
  /**
   * Bytes every character takes when all of them are tab, LF, CR or printable ASCII (each then
   * allowed and of one width, so a chunk is decoded by counting); 0 otherwise.
   */
  private readonly plainWidth: number;
  /** Whether LF is the only line break in the text (so the next one is found by `indexOf`). */
  private readonly lfOnly: boolean;

  constructor(source: string | DecodedInput) {
    let text: string;
    if (typeof source === "string") {
      const hasBom = source.charCodeAt(0) === BOM;
      text = hasBom ? source.slice(1) : source;
      this.decodedBytes = hasBom ? 3 : 0;
      this.width = runeLen;
      this.failure = undefined;
      this.tiny = false;
    } else {
      text = source.text;
      this.decodedBytes = source.bomBytes;
      this.width = source.encoding === "utf-16" ? (c) => (c >= 0x10000 ? 4 : 2) : runeLen;
      this.failure = source.failure;
      this.tiny = source.tiny;
    }
    this.text = text;
    this.plainWidth = NOT_PLAIN_ASCII.test(text) ? 0 : this.width(0x20);
    this.lfOnly = this.plainWidth > 0 && !text.includes("\r");
    if (!HAS_SURROGATE.test(text)) {
      this.length = text.length;
      this.cps = undefined;
      this.offsets = undefined;
      return;
    }
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
    if (this.lfOnly) {
      const at = this.text.indexOf("\n", from);
      return at < 0 ? n : at;
    }
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
      this.decodeChunk();
    }
    // Past the last character: the malformed sequence there, if any, is read now.
    if (this.decoded < target && this.failure !== undefined) throw new YamlError("reader", this.failure.problem);
  }

  /** libyaml decodes the next 512 bytes of raw input (and any character they complete). */
  private decodeChunk(): void {
    this.chunks++;
    const limit = this.chunks * CHUNK_BYTES;
    let decoded = this.decoded;
    let bytes = this.decodedBytes;
    if (this.plainWidth > 0) {
      const take = Math.max(0, Math.min(this.length - decoded, Math.floor((limit - bytes) / this.plainWidth)));
      decoded += take;
      bytes += take * this.plainWidth;
    }
    while (decoded < this.length) {
      const c = this.at(decoded);
      const w = this.width(c);
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
    // The malformed sequence right after the last character is seen with the chunk that holds all
    // of it, or, when it runs past the end of the input, only once the end is read.
    const f = this.failure;
    if (f !== undefined && decoded === this.length && (f.atEnd ? this.tiny : bytes + f.width <= limit)) {
      throw new YamlError("reader", f.problem);
    }
  }
}

function readerError(c: number): YamlError {
  const problem = c >= 0xd800 && c <= 0xdfff ? "invalid Unicode character" : "control characters are not allowed";
  return new YamlError("reader", problem);
}
