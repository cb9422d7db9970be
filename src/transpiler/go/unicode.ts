/** Go's `unicode` (golang/go `src/unicode/graphic.go`: `IsSpace`, `IsPrint`). */

/** Go `unicode.IsSpace`: the Latin-1 spaces (TAB … CR, SPACE, NEL, NBSP) and the White_Space runes above. */
export function isSpace(r: number): boolean {
  if (r <= 0xff) return r === 0x09 || r === 0x0a || r === 0x0b || r === 0x0c || r === 0x0d || r === 0x20 || r === 0x85 || r === 0xa0;
  return r === 0x1680 || (r >= 0x2000 && r <= 0x200a) || r === 0x2028 || r === 0x2029 || r === 0x202f || r === 0x205f || r === 0x3000;
}

const GRAPHIC = /^[\p{L}\p{M}\p{N}\p{P}\p{S}]$/u;

/** Go `unicode.IsPrint` (= `strconv.IsPrint`): letters, marks, numbers, punctuation, symbols and ASCII space. */
export function isPrint(r: number): boolean {
  if (r === 0x20) return true;
  if (r < 0x20 || r === 0x7f) return false;
  if (r < 0x7f) return true;
  if ((r >= 0xd800 && r <= 0xdfff) || r > 0x10ffff) return false;
  return GRAPHIC.test(String.fromCodePoint(r));
}
