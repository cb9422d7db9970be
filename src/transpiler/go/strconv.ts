/**
 * Go's `strconv` (golang/go `src/strconv/`): `Quote` and whether `Unquote` accepts a string (quote.go), `ParseUint`/`ParseInt` and
 * `underscoreOK` (atoi.go), `ParseFloat` (atof.go: decimal and special forms), and
 * `FormatFloat(f, 'g', -1, 64)` (ftoa.go). Strings are Go strings held as JS strings (see utf8.ts).
 */
import { isPrint } from "./unicode.ts";
import { decodeRune, goBytes, RUNE_ERROR } from "./utf8.ts";

const HEX = "0123456789abcdef";

function hexDigits(v: number, n: number): string {
  let s = "";
  for (let shift = (n - 1) * 4; shift >= 0; shift -= 4) s += HEX[(v >> shift) & 0xf];
  return s;
}

const NAMED_ESCAPES: Readonly<Record<number, string>> = {
  0x07: "\\a",
  0x08: "\\b",
  0x0c: "\\f",
  0x0a: "\\n",
  0x0d: "\\r",
  0x09: "\\t",
  0x0b: "\\v",
};

/** Go `strconv.Quote` of the bytes `b[start:end]` (what `%q` and `%#v` print). */
export function quoteBytes(b: Uint8Array, start = 0, end: number = b.length): string {
  let out = '"';
  for (let i = start; i < end;) {
    const { rune, size } = decodeRune(b, i, end);
    if (size === 1 && rune === RUNE_ERROR) {
      out += "\\x" + hexDigits(b[i] as number, 2);
      i += 1;
      continue;
    }
    i += size;
    if (rune === 0x22 || rune === 0x5c) out += "\\" + String.fromCharCode(rune);
    else if (isPrint(rune)) out += String.fromCodePoint(rune);
    else if (NAMED_ESCAPES[rune] !== undefined) out += NAMED_ESCAPES[rune];
    else if (rune < 0x20 || rune === 0x7f) out += "\\x" + hexDigits(rune, 2);
    else if (rune < 0x10000) out += "\\u" + hexDigits(rune, 4);
    else out += "\\U" + hexDigits(rune, 8);
  }
  return out + '"';
}

/** Go `strconv.Quote(s)`. */
export function quote(s: string): string {
  return quoteBytes(goBytes(s));
}

/** Whether Go `strconv.Unquote` accepts `"` + val + `"` (quote.go `UnquoteChar` for each escape). */
export function unquotable(val: string): boolean {
  for (let i = 0; i < val.length;) {
    const c = val[i];
    if (c === "\n") return false;
    if (c === '"') return false;
    if (c !== "\\") {
      i++;
      continue;
    }
    const e = val[i + 1];
    if (e === undefined) return false;
    i += 2;
    if ('abfnrtv\\"'.includes(e)) continue;
    if (e === "x" || e === "u" || e === "U") {
      const n = e === "x" ? 2 : e === "u" ? 4 : 8;
      const digits = val.slice(i, i + n);
      if (digits.length < n || !/^[0-9A-Fa-f]+$/.test(digits)) return false;
      if (e !== "x") {
        const v = Number.parseInt(digits, 16);
        if (v > 0x10ffff || (v >= 0xd800 && v <= 0xdfff)) return false;
      }
      i += n;
      continue;
    }
    if (e >= "0" && e <= "7") {
      const digits = val.slice(i, i + 2);
      if (digits.length < 2 || !/^[0-7]{2}$/.test(digits)) return false;
      if (Number.parseInt(e + digits, 8) > 255) return false;
      i += 2;
      continue;
    }
    return false;
  }
  return true;
}

const UINT64_MAX = (1n << 64n) - 1n;
const INT64_MAX = (1n << 63n) - 1n;

/** Go's `lower(c)`: ASCII letters folded to lower case (other bytes stay out of a–z). */
const lower = (c: number): number => c | 0x20;

/**
 * Go `strconv.ParseUint(s, base, 64)`: the value, or undefined on a syntax or range error.
 * Base 0 reads the `0b`/`0o`/`0x`/`0` prefixes and allows `_` between digits.
 */
export function parseUint(s: string, base: number): bigint | undefined {
  if (s === "") return undefined;
  const base0 = base === 0;
  let b = base;
  let digits = s;
  if (base0) {
    b = 10;
    if (s[0] === "0") {
      const p = s.length >= 3 ? lower(s.charCodeAt(1)) : 0;
      if (p === 0x62) b = 2;
      else if (p === 0x6f) b = 8;
      else if (p === 0x78) b = 16;
      else b = 8;
      digits = b === 8 && p !== 0x6f ? s.slice(1) : s.slice(2);
    }
  } else if (b < 2 || b > 36) return undefined;
  // Exact in a double while small (36^10 < 2^53), then in a bigint.
  let small = 0;
  let n: bigint | undefined;
  let count = 0;
  let underscores = false;
  const bigBase = BigInt(b);
  for (let i = 0; i < digits.length; i++) {
    const c = digits.charCodeAt(i);
    let d: number;
    if (c === 0x5f && base0) {
      underscores = true;
      continue;
    }
    if (c >= 0x30 && c <= 0x39) d = c - 0x30;
    else if (c < 0x80 && lower(c) >= 0x61 && lower(c) <= 0x7a) d = lower(c) - 0x61 + 10;
    else return undefined;
    if (d >= b) return undefined;
    if (n === undefined && count < 10) {
      small = small * b + d;
      count++;
      continue;
    }
    n = (n ?? BigInt(small)) * bigBase + BigInt(d);
    if (n > UINT64_MAX) return undefined;
  }
  if (underscores && !underscoreOK(s)) return undefined;
  return n ?? BigInt(small);
}

/** Go `strconv.ParseInt(s, base, 64)`: the value, or undefined on a syntax or range error. */
export function parseInt(s: string, base: number): bigint | undefined {
  if (s === "") return undefined;
  let neg = false;
  let rest = s;
  if (s[0] === "+") rest = s.slice(1);
  else if (s[0] === "-") {
    neg = true;
    rest = s.slice(1);
  }
  const u = parseUint(rest, base);
  if (u === undefined) return undefined;
  if (!neg && u > INT64_MAX) return undefined;
  if (neg && u > INT64_MAX + 1n) return undefined;
  return neg ? -u : u;
}

/**
 * Go's `underscoreOK`: `_` only between digits, or between a base prefix and a digit (a sign
 * and a `0b`/`0o`/`0x` prefix may lead).
 */
export function underscoreOK(str: string): boolean {
  let s = str;
  let saw = "^";
  let i = 0;
  if (s.length >= 1 && (s[0] === "-" || s[0] === "+")) s = s.slice(1);
  let hex = false;
  if (s.length >= 2 && s[0] === "0" && "box".includes(String.fromCharCode(lower(s.charCodeAt(1))))) {
    i = 2;
    saw = "0";
    hex = lower(s.charCodeAt(1)) === 0x78;
  }
  for (; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if ((c >= 0x30 && c <= 0x39) || (hex && lower(c) >= 0x61 && lower(c) <= 0x66)) {
      saw = "0";
      continue;
    }
    if (c === 0x5f) {
      if (saw !== "0") return false;
      saw = "_";
      continue;
    }
    if (saw === "_") return false;
    saw = "!";
  }
  return saw !== "_";
}

/** Go's `special`: `inf`, `infinity` (signed or not) and `nan`, any case, spanning all of `s`. */
function special(s: string): number | undefined {
  const t = s.toLowerCase();
  if (t === "nan") return Number.NaN;
  const sign = t[0] === "-" ? -1 : 1;
  const body = t[0] === "+" || t[0] === "-" ? t.slice(1) : t;
  return body === "inf" || body === "infinity" ? sign * Number.POSITIVE_INFINITY : undefined;
}

const DECIMAL_FLOAT = /^[+-]?(?:[0-9_]+\.?[0-9_]*|\.[0-9_]+)(?:[eE][+-]?[0-9_]+)?$/;

/**
 * Go `strconv.ParseFloat(s, 64)` for decimal and special forms: the value, or undefined on a
 * syntax error, on `_` misplaced (Go's `underscoreOK`), or on overflow (Go's range error).
 * Hexadecimal forms (`0x1p-2`) are reported as syntax errors: no caller reads them.
 */
export function parseFloat(s: string): number | undefined {
  const sp = special(s);
  if (sp !== undefined) return sp;
  if (!DECIMAL_FLOAT.test(s)) return undefined;
  const mantissa = /^[+-]?([0-9_.]*)/.exec(s)?.[1] ?? "";
  if (!/[0-9]/.test(mantissa)) return undefined;
  if (/^[+-]?0[xX]/.test(s)) return undefined;
  let body = s;
  if (s.includes("_")) {
    if (!underscoreOK(s)) return undefined;
    body = s.replaceAll("_", "");
  }
  const v = Number(body);
  return Number.isFinite(v) ? v : undefined;
}

/**
 * Go `strconv.FormatFloat(f, 'g', -1, 64)`: the shortest digits that round-trip, in exponent form
 * (`1e+06`, `1e-05`) when the decimal exponent is < -4 or >= 6, else in plain decimal.
 */
export function formatFloatG(n: number): string {
  if (Number.isNaN(n)) return "NaN";
  if (n === Infinity) return "+Inf";
  if (n === -Infinity) return "-Inf";
  const sign = n < 0 || Object.is(n, -0) ? "-" : "";
  if (n === 0) return sign + "0";
  // toExponential() without an argument yields the shortest digits that round-trip.
  const [mant = "", expPart = "0"] = Math.abs(n).toExponential().split("e");
  const digits = mant.replace(".", "");
  const exp = Number(expPart);
  // ftoa.go: with the shortest precision, %e is used when exp < -4 || exp >= 6.
  if (exp < -4 || exp >= 6) {
    const frac = digits.length > 1 ? "." + digits.slice(1) : "";
    const e = Math.abs(exp);
    return sign + digits[0]! + frac + "e" + (exp < 0 ? "-" : "+") + (e < 10 ? "0" : "") + String(e);
  }
  if (exp < 0) return sign + "0." + "0".repeat(-exp - 1) + digits;
  const intLen = exp + 1;
  if (digits.length <= intLen) return sign + digits + "0".repeat(intLen - digits.length);
  return sign + digits.slice(0, intLen) + "." + digits.slice(intLen);
}
