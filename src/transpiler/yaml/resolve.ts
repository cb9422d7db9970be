/**
 * Scalar resolution as yaml.v3's resolve.go does it (YAML 1.2 core-ish, with yaml.v3's quirks:
 * only `true/True/TRUE/false/False/FALSE` are booleans, legacy `0644` octals and `0o`/`0x`/`0b`
 * integers via Go's strconv, `_` stripped from numbers, Go-parseable floats, a few timestamp forms).
 */
import { isTimestamp } from "./timestamp.ts";

const LONG_TAG_PREFIX = "tag:yaml.org,2002:";

/** `tag:yaml.org,2002:x` → `!!x`; other tags unchanged. */
export function shortTag(tag: string): string {
  return tag.startsWith(LONG_TAG_PREFIX) ? "!!" + tag.slice(LONG_TAG_PREFIX.length) : tag;
}

/** `!!x` → `tag:yaml.org,2002:x`; other tags unchanged. */
export function longTag(tag: string): string {
  return tag.startsWith("!!") ? LONG_TAG_PREFIX + tag.slice(2) : tag;
}

/** A resolved scalar value: ints are bigints (Go int64, or uint64 beyond it), timestamps keep their text. */
export type ResolvedValue = null | boolean | bigint | number | string;

export type ResolveResult =
  | { ok: true; tag: string; value: ResolvedValue }
  /** yaml.v3's panic text, e.g. ``yaml: cannot decode !!str `abc` as a !!int``. */
  | { ok: false; message: string };

const SPECIAL = new Map<string, { tag: string; value: ResolvedValue }>();
for (const s of ["true", "True", "TRUE"]) SPECIAL.set(s, { tag: "!!bool", value: true });
for (const s of ["false", "False", "FALSE"]) SPECIAL.set(s, { tag: "!!bool", value: false });
for (const s of ["", "~", "null", "Null", "NULL"]) SPECIAL.set(s, { tag: "!!null", value: null });
for (const s of [".nan", ".NaN", ".NAN"]) SPECIAL.set(s, { tag: "!!float", value: Number.NaN });
for (const s of [".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF"]) {
  SPECIAL.set(s, { tag: "!!float", value: Number.POSITIVE_INFINITY });
}
for (const s of ["-.inf", "-.Inf", "-.INF"]) SPECIAL.set(s, { tag: "!!float", value: Number.NEGATIVE_INFINITY });

const RESOLVABLE = new Set(["", "!!str", "!!bool", "!!int", "!!float", "!!null", "!!timestamp"]);

/** yaml.v3's float syntax (applied after `_` is removed). */
const YAML_STYLE_FLOAT = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;

/** Which resolution path the first byte selects (yaml.v3's resolve table). */
function hint(s: string): "sign" | "digit" | "map" | "dot" | undefined {
  if (s === "") return "map";
  const c = s[0] as string;
  if (c === "+" || c === "-") return "sign";
  if (c >= "0" && c <= "9") return "digit";
  if ("yYnNtTfFoO~".includes(c)) return "map";
  if (c === ".") return "dot";
  return undefined;
}

/** Tag yaml.v3 gives an untagged plain scalar (`!!str`, `!!int`, `!!float`, `!!bool`, `!!null`, `!!timestamp`). */
export function resolvePlainTag(value: string): string {
  const r = resolveImplicit(value, "");
  return r.tag;
}

/** yaml.v3's `resolve(tag, value)`: the tag and value a scalar decodes to, or its decode error. */
export function resolve(tag: string, value: string): ResolveResult {
  const wanted = shortTag(tag);
  if (!RESOLVABLE.has(wanted)) return { ok: true, tag: wanted, value };
  const r = resolveImplicit(value, wanted);
  if (wanted === "" || wanted === r.tag || wanted === "!!str" || wanted === "!!binary") return { ok: true, ...r };
  // An int under an explicit !!float becomes a float (Go int/int64 results only, not uint64 ones).
  if (wanted === "!!float" && r.tag === "!!int" && typeof r.value === "bigint" && r.value <= INT64_MAX) {
    return { ok: true, tag: "!!float", value: Number(r.value) };
  }
  return { ok: false, message: `yaml: cannot decode ${r.tag} \`${value}\` as a ${wanted}` };
}

function resolveImplicit(s: string, tag: string): { tag: string; value: ResolvedValue } {
  const h = hint(s);
  if (h === undefined || tag === "!!str" || tag === "!!binary") return { tag: "!!str", value: s };
  const special = SPECIAL.get(s);
  if (special) return special;
  switch (h) {
    case "map":
      break;
    case "dot": {
      const f = goParseFloat(s);
      if (f !== undefined) return { tag: "!!float", value: f };
      break;
    }
    case "digit":
    case "sign": {
      if ((tag === "" || tag === "!!timestamp") && isTimestamp(s)) return { tag: "!!timestamp", value: s };
      const plain = s.replaceAll("_", "");
      const int = goParseInt(plain, 0) ?? goParseUint(plain, 0);
      if (int !== undefined) return { tag: "!!int", value: int };
      if (YAML_STYLE_FLOAT.test(plain)) {
        const f = goParseFloat(plain);
        if (f !== undefined) return { tag: "!!float", value: f };
      }
      // yaml.v3's extra spellings: a sign after the 0b/0o prefix ("0b-1"), and "-0b…"/"-0o…".
      for (const [prefix, base] of [
        ["0b", 2],
        ["0o", 8],
      ] as const) {
        if (plain.startsWith(prefix)) {
          const v = goParseInt(plain.slice(2), base) ?? goParseUint(plain.slice(2), base);
          if (v !== undefined) return { tag: "!!int", value: v };
        } else if (plain.startsWith("-" + prefix)) {
          const v = goParseInt("-" + plain.slice(3), base);
          if (v !== undefined) return { tag: "!!int", value: v };
        }
      }
      break;
    }
  }
  return { tag: "!!str", value: s };
}

const INT64_MAX = (1n << 63n) - 1n;
const UINT64_MAX = (1n << 64n) - 1n;

/** Go `strconv.ParseUint(s, base, 64)` (base 0: `0x`/`0o`/`0b`/leading-0 prefixes); undefined on error. */
export function goParseUint(s: string, base: number): bigint | undefined {
  if (s === "") return undefined;
  let b = base;
  let digits = s;
  if (base === 0) {
    b = 10;
    if (s[0] === "0") {
      const p = s.length >= 3 ? (s[1] as string).toLowerCase() : "";
      if (p === "b") b = 2;
      else if (p === "o") b = 8;
      else if (p === "x") b = 16;
      else b = 8;
      digits = b === 8 && p !== "o" ? s.slice(1) : s.slice(2);
    }
  }
  // Accumulate in a double while exact (16^12 < 2^53), then in a bigint.
  let small = 0;
  let n: bigint | undefined;
  const bigBase = BigInt(b);
  for (let i = 0; i < digits.length; i++) {
    const raw = digits.charCodeAt(i);
    const c = raw | 0x20; // ASCII lower-casing; digits are unaffected
    let d: number;
    if (c >= 48 && c <= 57 && raw === c) d = c - 48;
    else if (c >= 97 && c <= 122) d = c - 87;
    else return undefined;
    if (d >= b) return undefined;
    if (n === undefined && i < 12) {
      small = small * b + d;
      continue;
    }
    n = (n ?? BigInt(small)) * bigBase + BigInt(d);
    if (n > UINT64_MAX) return undefined;
  }
  return n ?? BigInt(small);
}

/** Go `strconv.ParseInt(s, base, 64)`; undefined on syntax or range error. */
export function goParseInt(s: string, base: number): bigint | undefined {
  if (s === "") return undefined;
  let neg = false;
  let rest = s;
  if (s[0] === "+") rest = s.slice(1);
  else if (s[0] === "-") {
    neg = true;
    rest = s.slice(1);
  }
  const u = goParseUint(rest, base);
  if (u === undefined) return undefined;
  if (!neg && u > INT64_MAX) return undefined;
  if (neg && u > INT64_MAX + 1n) return undefined;
  return neg ? -u : u;
}

/**
 * Go `strconv.ParseFloat(s, 64)` for the inputs yaml.v3 hands it (decimal forms; `_` digit
 * separators per Go's rules); undefined on syntax error or overflow.
 */
export function goParseFloat(s: string): number | undefined {
  let body = s;
  if (s.includes("_")) {
    if (!underscoreOK(s)) return undefined;
    body = s.replaceAll("_", "");
  }
  if (!/^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/.test(body)) return undefined;
  const v = Number(body);
  return Number.isFinite(v) ? v : undefined;
}

/** Go's rule: `_` only between digits (or after a base prefix). */
function underscoreOK(str: string): boolean {
  let s = str;
  let saw = "^";
  let i = 0;
  if (s.length >= 1 && (s[0] === "-" || s[0] === "+")) s = s.slice(1);
  let hex = false;
  if (s.length >= 2 && s[0] === "0" && "box".includes((s[1] as string).toLowerCase())) {
    i = 2;
    saw = "0";
    hex = (s[1] as string).toLowerCase() === "x";
  }
  for (; i < s.length; i++) {
    const c = s[i] as string;
    if ((c >= "0" && c <= "9") || (hex && c.toLowerCase() >= "a" && c.toLowerCase() <= "f")) {
      saw = "0";
      continue;
    }
    if (c === "_") {
      if (saw !== "0") return false;
      saw = "_";
      continue;
    }
    if (saw === "_") return false;
    saw = "!";
  }
  return saw !== "_";
}
