/**
 * JSON output the way Butane prints it: Go `encoding/json` (the clarketm/json fork), compact
 * `Marshal` or `MarshalIndent(v, "", "  ")`. Object keys are written in insertion order (a `Map`
 * keeps integer-like keys in order too); the caller builds objects with Go's struct field order
 * already applied. Properties whose value is `undefined` are skipped.
 */

const HEX = "0123456789abcdef";

/** Quotes a string with Go encoding/json's escaping (HTML-safe, U+2028/2029 escaped, bad UTF-16 → U+FFFD). */
export function quoteJsonString(s: string): string {
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
        i++; // a valid pair: emitted raw
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

/** Formats a number like Go's encoding/json does for float64 (integers in plain decimal). */
function formatNumber(n: number): string {
  if (!Number.isFinite(n)) throw new Error(`json: unsupported value: ${String(n)}`);
  if (Object.is(n, -0)) return "-0";
  // JS's Number#toString matches Go's float64 encoding: plain decimal for 1e-6 <= |n| < 1e21,
  // otherwise exponent form with the shortest digits and an exponent without leading zeros.
  return String(n);
}

function encode(value: unknown, indent: string | null, depth: number): string {
  if (value === null || value === undefined) return "null";
  switch (typeof value) {
    case "string":
      return quoteJsonString(value);
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
  const items = entries.map(([k, v]) => nl + quoteJsonString(k) + sep + encode(v, indent, depth + 1));
  return "{" + items.join(",") + close + "}";
}

/** Go `json.Marshal` (compact) or `json.MarshalIndent(v, "", "  ")` (pretty) output, no trailing newline. */
export function marshalJson(value: unknown, pretty: boolean): string {
  return encode(value, pretty ? "  " : null, 0);
}
