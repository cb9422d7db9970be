/** Go's `bytes` (golang/go `src/bytes/bytes.go`: `TrimSpace`). */
import { isSpace } from "./unicode.ts";
import { decodeRune, RUNE_ERROR } from "./utf8.ts";

/** Go `bytes.TrimSpace(b[start:end])`, as the [start, end) range that remains. */
export function trimSpaceRange(b: Uint8Array, start: number, end: number): [number, number] {
  let s = start;
  while (s < end) {
    const { rune, size } = decodeRune(b, s, end);
    if ((rune === RUNE_ERROR && size === 1) || !isSpace(rune)) break;
    s += size;
  }
  let e = end;
  while (e > s) {
    // The start of the last rune (Go's DecodeLastRune: at most 4 bytes back).
    let k = e - 1;
    while (k > s && ((b[k] as number) & 0xc0) === 0x80 && e - k < 4) k--;
    const { rune, size } = decodeRune(b, k, e);
    if (k + size !== e) break; // a trailing byte of an invalid sequence: not space
    if ((rune === RUNE_ERROR && size === 1) || !isSpace(rune)) break;
    e = k;
  }
  return [s, e];
}
