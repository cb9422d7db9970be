/**
 * Go's `bufio` (golang/go `src/bufio/bufio.go`): a byte-exact model of `bufio.Reader` (default
 * 4096-byte buffer) over a `strings.Reader`.
 * The go-systemd unit parser's "line too long" check depends on how many bytes are buffered at
 * each step, so the buffer's fill behaviour is reproduced precisely.
 */
import { decodeRune, fullRune } from "./utf8.ts";

const BUFFER_SIZE = 4096;
const UTF_MAX = 4;

/** Marker for io.EOF. */
export const EOF = "EOF";

/** Go `bufio.Reader` reading from an in-memory byte string. */
export class BufReader {
  private readonly buf = new Uint8Array(BUFFER_SIZE);
  private r = 0;
  private w = 0;
  private err: string | null = null;
  /** Bytes of the rune the last `readRune` returned (for `unreadRune`); -1 after any other read. */
  private lastRuneSize = -1;
  private srcPos = 0;
  private readonly src: Uint8Array;

  constructor(src: Uint8Array) {
    this.src = src;
  }

  /** Go `Buffered`. */
  buffered(): number {
    return this.w - this.r;
  }

  private fill(): void {
    if (this.r > 0) {
      this.buf.copyWithin(0, this.r, this.w);
      this.w -= this.r;
      this.r = 0;
    }
    if (this.srcPos >= this.src.length) {
      this.err = EOF;
      return;
    }
    const n = Math.min(BUFFER_SIZE - this.w, this.src.length - this.srcPos);
    this.buf.set(this.src.subarray(this.srcPos, this.srcPos + n), this.w);
    this.srcPos += n;
    this.w += n;
  }

  private readErr(): string | null {
    const e = this.err;
    this.err = null;
    return e;
  }

  /**
   * Go `ReadRune`: the rune, or -1 at the end of the input (the only error a string reader
   * gives: io.EOF).
   */
  readRune(): number {
    const r = this.r;
    if (r < this.w && this.buf[r]! < 0x80) {
      // One ASCII byte is already a whole rune, whatever follows it.
      this.r = r + 1;
      this.lastRuneSize = 1;
      return this.buf[r]!;
    }
    while (this.r + UTF_MAX > this.w && !fullRune(this.buf, this.r, this.w) && this.err === null && this.w - this.r < BUFFER_SIZE) {
      this.fill();
    }
    this.lastRuneSize = -1;
    if (this.r === this.w) {
      this.readErr();
      return -1;
    }
    const d = decodeRune(this.buf, this.r, this.w);
    this.r += d.size;
    this.lastRuneSize = d.size;
    return d.rune;
  }

  /** Go `UnreadRune` (after a successful `ReadRune`). */
  unreadRune(): void {
    if (this.lastRuneSize < 0 || this.r < this.lastRuneSize) return;
    this.r -= this.lastRuneSize;
    this.lastRuneSize = -1;
  }

  /** Go `ReadSlice`: bytes up to and including `delim`; `full` when the buffer filled first. */
  private readSlice(delim: number): { bytes: Uint8Array; error: string | null; full: boolean } {
    let s = 0;
    for (;;) {
      const i = this.buf.subarray(this.r + s, this.w).indexOf(delim);
      if (i >= 0) {
        const end = this.r + s + i + 1;
        const bytes = this.buf.slice(this.r, end);
        this.r = end;
        return this.afterSlice(bytes, null, false);
      }
      if (this.err !== null) {
        const bytes = this.buf.slice(this.r, this.w);
        this.r = this.w;
        return this.afterSlice(bytes, this.readErr(), false);
      }
      if (this.buffered() >= BUFFER_SIZE) {
        this.r = this.w;
        return this.afterSlice(this.buf.slice(), null, true);
      }
      s = this.w - this.r;
      this.fill();
    }
  }

  private afterSlice(bytes: Uint8Array, error: string | null, full: boolean) {
    this.lastRuneSize = -1;
    return { bytes, error, full };
  }

  /** Go `ReadBytes`: bytes up to and including `delim`, or up to EOF with error EOF. */
  readBytes(delim: number): { bytes: Uint8Array; error: string | null } {
    const parts: Uint8Array[] = [];
    let frag = this.readSlice(delim);
    if (!frag.full) return { bytes: frag.bytes, error: frag.error };
    parts.push(frag.bytes);
    while (frag.full) {
      frag = this.readSlice(delim);
      parts.push(frag.bytes);
    }
    const error = frag.error;
    let total = 0;
    for (const p of parts) total += p.length;
    const out = new Uint8Array(total);
    let off = 0;
    for (const p of parts) {
      out.set(p, off);
      off += p.length;
    }
    return { bytes: out, error };
  }

  /** Go `Peek(n)` when at least `n` bytes are buffered (the only way the unit lexer calls it). */
  peekBuffered(n: number): Uint8Array {
    return this.buf.subarray(this.r, this.r + Math.min(n, this.buffered()));
  }
}
