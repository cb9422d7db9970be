/**
 * Go's `encoding/json` (golang/go `src/encoding/json/`): `Marshal`/`MarshalIndent` output
 * (encode.go; Butane marshals with the fork github.com/clarketm/json, which differs only in
 * omitting empty structs under `omitempty`, something the translator decides), the scanner's
 * syntax errors (scanner.go: `invalid character 'o' in literal null (expecting 'u')`), and
 * `Unmarshal`'s string decoding (decode.go: a lone surrogate escape becomes U+FFFD).
 * Strings are Go strings held as JS strings (see utf8.ts).
 */
import { quote } from "./strconv.ts";
import { goBytes } from "./utf8.ts";

const HEX = "0123456789abcdef";

/**
 * Go encoding/json's string encoding: HTML-safe (`<`, `>`, `&` escaped), U+2028/U+2029 escaped,
 * and every byte of invalid UTF-8 (a lone surrogate here) written as `\ufffd`.
 */
export function quoteString(s: string): string {
  let out = '"';
  let start = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    let rep: string | undefined;
    if (c < 0x20) {
      if (c === 0x0a) rep = "\\n";
      else if (c === 0x0d) rep = "\\r";
      else if (c === 0x09) rep = "\\t";
      else rep = "\\u00" + HEX[c >> 4]! + HEX[c & 0xf]!;
    } else if (c === 0x22) rep = '\\"';
    else if (c === 0x5c) rep = "\\\\";
    else if (c === 0x3c) rep = "\\u003c";
    else if (c === 0x3e) rep = "\\u003e";
    else if (c === 0x26) rep = "\\u0026";
    else if (c === 0x2028) rep = "\\u2028";
    else if (c === 0x2029) rep = "\\u2029";
    else if (c >= 0xd800 && c <= 0xdfff) {
      const next = i + 1 < s.length ? s.charCodeAt(i + 1) : 0;
      if (c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
        i++; // a valid pair: written as is
        continue;
      }
      rep = "\\ufffd";
    }
    if (rep !== undefined) {
      out += s.slice(start, i) + rep;
      start = i + 1;
    }
  }
  return out + s.slice(start) + '"';
}

/** A float64 as encoding/json writes it: plain decimal for 1e-6 <= |n| < 1e21, else `1e+21` (as JS does). */
function formatNumber(n: number): string {
  if (!Number.isFinite(n)) throw new Error(`json: unsupported value: ${String(n)}`);
  if (Object.is(n, -0)) return "-0";
  return String(n);
}

function encode(value: unknown, indent: string | null, depth: number): string {
  if (value === null || value === undefined) return "null";
  switch (typeof value) {
    case "string":
      return quoteString(value);
    case "number":
      return formatNumber(value);
    case "bigint":
      return value.toString();
    case "boolean":
      return value ? "true" : "false";
    case "object":
      break;
    default:
      throw new Error(`json: unsupported type: ${typeof value}`);
  }
  const nl = indent === null ? "" : "\n" + indent.repeat(depth + 1);
  const close = indent === null ? "" : "\n" + indent.repeat(depth);
  if (Array.isArray(value)) {
    if (value.length === 0) return "[]";
    const items = value.map((v: unknown) => nl + encode(v, indent, depth + 1));
    return "[" + items.join(",") + close + "]";
  }
  const source = value instanceof Map ? [...(value as Map<unknown, unknown>)] : Object.entries(value);
  const entries = source.filter(([, v]) => v !== undefined).map(([k, v]) => [String(k), v] as const);
  if (entries.length === 0) return "{}";
  const sep = indent === null ? ":" : ": ";
  const items = entries.map(([k, v]) => nl + quoteString(k) + sep + encode(v, indent, depth + 1));
  return "{" + items.join(",") + close + "}";
}

/**
 * Go `json.Marshal` (compact) or `json.MarshalIndent(v, "", "  ")` (pretty) of a value built in
 * Go's field order: objects in insertion order (a `Map` keeps integer-like keys in order too),
 * `undefined` properties skipped, bigints as integers. No trailing newline.
 */
export function marshal(value: unknown, pretty: boolean): string {
  return encode(value, pretty ? "  " : null, 0);
}

const LONE_SURROGATE_ESCAPE = /\\u[dD][89a-fA-F]|[\ud800-\udfff]/;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** A Go string after a JSON round trip (`Marshal`, then `Unmarshal`): each invalid byte is U+FFFD. */
export function validString(s: string): string {
  return s.replace(LONE_SURROGATE, "\ufffd");
}

function wellFormed(v: unknown): unknown {
  if (typeof v === "string") return validString(v);
  if (Array.isArray(v)) return v.map(wellFormed);
  if (v !== null && typeof v === "object") {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) {
      Object.defineProperty(out, wellFormed(k) as string, { value: wellFormed(x), enumerable: true, writable: true, configurable: true });
    }
    return out;
  }
  return v;
}

/**
 * Go `json.Unmarshal` into an `interface{}` of text that `syntaxError` accepts: strings come out
 * valid (a lone surrogate escape, or a byte of invalid UTF-8, becomes U+FFFD).
 */
export function unmarshal(text: string): unknown {
  const v: unknown = JSON.parse(text);
  return LONE_SURROGATE_ESCAPE.test(text) ? wellFormed(v) : v;
}

/**
 * Whether Go `json.Unmarshal` into an `interface{}` succeeds: valid syntax, and every number
 * within float64's range (a larger one is an "unmarshal number into Go value" error).
 */
export function unmarshals(text: string): boolean {
  if (syntaxError(text) !== null) return false;
  let overflow = false;
  JSON.parse(text, (_k, v: unknown) => {
    if (typeof v === "number" && !Number.isFinite(v)) overflow = true;
    return v;
  });
  return !overflow;
}

/** Go's `quoteChar(c byte)`: the byte as a rune, quoted in single quotes. */
function quoteChar(c: string): string {
  if (c === "'") return "'\\''";
  if (c === '"') return "'\"'";
  return "'" + quote(c).slice(1, -1) + "'";
}

/** The input's bytes as a string of one character per byte (Go's scanner reads bytes). */
function byteString(text: string): string {
  const b = goBytes(text);
  let s = "";
  for (let i = 0; i < b.length; i += 8192) s += String.fromCharCode(...b.subarray(i, i + 8192));
  return s;
}

/** The scanner's error text for the first syntax error in `input`, or null when it is valid JSON. */
export function syntaxError(input: string): string | null {
  const text = byteString(input);
  let i = 0;
  const n = text.length;
  const ws = () => {
    while (i < n && (text[i] === " " || text[i] === "\t" || text[i] === "\n" || text[i] === "\r")) i++;
  };
  const bad = (ctx: string) => `invalid character ${quoteChar(text[i]!)} ${ctx}`;
  const END = "unexpected end of JSON input";
  let depth = 0;

  const value = (): string | null => {
    ws();
    if (i >= n) return END;
    const c = text[i]!;
    if (c === "{") {
      if (++depth > 10000) return "exceeded max depth";
      i++;
      ws();
      if (text[i] === "}") {
        i++;
        depth--;
        return null;
      }
      for (;;) {
        ws();
        if (i >= n) return END;
        if (text[i] !== '"') return bad("looking for beginning of object key string");
        const e = str();
        if (e) return e;
        ws();
        if (i >= n) return END;
        if (text[i] !== ":") return bad("after object key");
        i++;
        const v = value();
        if (v) return v;
        ws();
        if (i >= n) return END;
        if (text[i] === ",") {
          i++;
          continue;
        }
        if (text[i] === "}") {
          i++;
          depth--;
          return null;
        }
        return bad("after object key:value pair");
      }
    }
    if (c === "[") {
      if (++depth > 10000) return "exceeded max depth";
      i++;
      ws();
      if (text[i] === "]") {
        i++;
        depth--;
        return null;
      }
      for (;;) {
        const v = value();
        if (v) return v;
        ws();
        if (i >= n) return END;
        if (text[i] === ",") {
          i++;
          continue;
        }
        if (text[i] === "]") {
          i++;
          depth--;
          return null;
        }
        return bad("after array element");
      }
    }
    if (c === '"') return str();
    if (c === "-" || (c >= "0" && c <= "9")) return num();
    for (const lit of ["true", "false", "null"]) {
      if (c === lit[0]) {
        for (let k = 1; k < lit.length; k++) {
          i++;
          if (i >= n) return END;
          if (text[i] !== lit[k]) return bad(`in literal ${lit} (expecting ${quoteChar(lit[k]!)})`);
        }
        i++;
        return null;
      }
    }
    return bad("looking for beginning of value");
  };

  const str = (): string | null => {
    i++;
    while (i < n) {
      const c = text[i]!;
      if (c === '"') {
        i++;
        return null;
      }
      if (c === "\\") {
        i++;
        if (i >= n) return END;
        const e = text[i]!;
        if (e === "u") {
          for (let k = 0; k < 4; k++) {
            i++;
            if (i >= n) return END;
            if (!/[0-9a-fA-F]/.test(text[i]!)) return bad("in \\u hexadecimal character escape");
          }
        } else if (!'"\\/bfnrt'.includes(e)) return bad("in string escape code");
      } else if (c < " ") return bad("in string literal");
      i++;
    }
    return END;
  };

  const num = (): string | null => {
    if (text[i] === "-") {
      i++;
      if (i >= n) return END;
      if (!(text[i]! >= "0" && text[i]! <= "9")) return bad("in numeric literal");
    }
    if (text[i] === "0") i++;
    else while (i < n && text[i]! >= "0" && text[i]! <= "9") i++;
    if (text[i] === ".") {
      i++;
      if (i >= n) return END;
      if (!(text[i]! >= "0" && text[i]! <= "9")) return bad("after decimal point in numeric literal");
      while (i < n && text[i]! >= "0" && text[i]! <= "9") i++;
    }
    if (text[i] === "e" || text[i] === "E") {
      i++;
      if (text[i] === "+" || text[i] === "-") i++;
      if (i >= n) return END;
      if (!(text[i]! >= "0" && text[i]! <= "9")) return bad("in exponent of numeric literal");
      while (i < n && text[i]! >= "0" && text[i]! <= "9") i++;
    }
    return null;
  };

  const e = value();
  if (e) return e;
  ws();
  if (i < n) return bad("after top-level value");
  return null;
}
