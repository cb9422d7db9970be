/** Go's `strconv.Quote` (what `fmt`'s `%#v` and `%q` print for a string). */

const PRINTABLE = /^[\p{L}\p{M}\p{N}\p{P}\p{S}]$/u;

const NAMED_ESCAPES: ReadonlyMap<number, string> = new Map([
  [0x07, "\\a"],
  [0x08, "\\b"],
  [0x0c, "\\f"],
  [0x0a, "\\n"],
  [0x0d, "\\r"],
  [0x09, "\\t"],
  [0x0b, "\\v"],
]);

const hex = (n: number, width: number): string => n.toString(16).padStart(width, "0");

/** Quote `s` the way Go's `strconv.Quote` does (printable runes literal, others escaped). */
export function goQuote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const r = ch.codePointAt(0) as number;
    if (ch === '"' || ch === "\\") {
      out += "\\" + ch;
    } else if (r === 0x20 || (r >= 0x21 && r < 0x7f) || (r > 0x7f && PRINTABLE.test(ch))) {
      out += ch;
    } else if (NAMED_ESCAPES.has(r)) {
      out += NAMED_ESCAPES.get(r) as string;
    } else if (r < 0x20 || r === 0x7f) {
      out += "\\x" + hex(r, 2);
    } else if (r >= 0xd800 && r <= 0xdfff) {
      out += "\\ufffd";
    } else if (r < 0x10000) {
      out += "\\u" + hex(r, 4);
    } else {
      out += "\\U" + hex(r, 8);
    }
  }
  return out + '"';
}
