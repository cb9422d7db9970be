/** Code-point classes used by the scanner (libyaml's definitions, not the YAML 1.2 spec's). */

export const NUL = 0;
export const TAB = 0x09;
export const LF = 0x0a;
export const CR = 0x0d;
export const SPACE = 0x20;
export const NEL = 0x85;
export const LS = 0x2028;
export const PS = 0x2029;

/** Code point of a one-character string. */
export const ch = (s: string): number => s.codePointAt(0) as number;

export const C_HASH = ch("#");
export const C_PERCENT = ch("%");
export const C_DASH = ch("-");
export const C_DOT = ch(".");
export const C_LBRACKET = ch("[");
export const C_RBRACKET = ch("]");
export const C_LBRACE = ch("{");
export const C_RBRACE = ch("}");
export const C_COMMA = ch(",");
export const C_QUESTION = ch("?");
export const C_COLON = ch(":");
export const C_STAR = ch("*");
export const C_AMP = ch("&");
export const C_BANG = ch("!");
export const C_PIPE = ch("|");
export const C_GT = ch(">");
export const C_LT = ch("<");
export const C_SQUOTE = ch("'");
export const C_DQUOTE = ch('"');
export const C_BACKSLASH = ch("\\");
export const C_AT = ch("@");
export const C_BACKTICK = ch("`");
export const C_PLUS = ch("+");
export const C_ZERO = ch("0");

/** Space or tab. */
export function isBlank(c: number): boolean {
  return c === SPACE || c === TAB;
}

/** CR, LF, NEL, LS or PS. */
export function isBreak(c: number): boolean {
  return c === LF || c === CR || c === NEL || c === LS || c === PS;
}

/** A line break or the end of the input. */
export function isBreakZ(c: number): boolean {
  return c === NUL || isBreak(c);
}

/** A blank, a line break or the end of the input. */
export function isBlankZ(c: number): boolean {
  return c === SPACE || c === TAB || c === NUL || isBreak(c);
}

/** `[0-9A-Za-z_-]`: what libyaml accepts in anchors, tag handles and directive names. */
export function isAlpha(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x5f || c === 0x2d;
}

/** ASCII decimal digit. */
export function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

/** ASCII hex digit. */
export function isHex(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66);
}

/** Value of a hex digit. */
export function hexValue(c: number): number {
  if (c >= 0x61) return c - 0x61 + 10;
  if (c >= 0x41) return c - 0x41 + 10;
  return c - 0x30;
}

/** Whether libyaml's reader accepts the code point (YAML's printable set plus TAB, LF, CR, NEL). */
export function isAllowedChar(c: number): boolean {
  return (
    c === TAB ||
    c === LF ||
    c === CR ||
    (c >= 0x20 && c <= 0x7e) ||
    c === NEL ||
    (c >= 0xa0 && c <= 0xd7ff) ||
    (c >= 0xe000 && c <= 0xfffd) ||
    (c >= 0x10000 && c <= 0x10ffff)
  );
}

const SINGLE_CHAR = [] as string[];
for (let i = 0; i < 128; i++) SINGLE_CHAR.push(String.fromCharCode(i));

/** `String.fromCodePoint` with a fast path for ASCII. */
export function charOf(c: number): string {
  return c < 128 ? (SINGLE_CHAR[c] as string) : String.fromCodePoint(c);
}
