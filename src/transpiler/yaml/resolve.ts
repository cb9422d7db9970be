/**
 * Scalar resolution as yaml.v3's resolve.go does it (YAML 1.2 core-ish, with yaml.v3's quirks:
 * only `true/True/TRUE/false/False/FALSE` are booleans, legacy `0644` octals and `0o`/`0x`/`0b`
 * integers via Go's strconv, `_` stripped from numbers, Go-parseable floats, a few timestamp forms).
 */
import { parseFloat as goParseFloat, parseInt as goParseInt, parseUint as goParseUint } from "../go/strconv.ts";
import { parses as timeParses } from "../go/time.ts";

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

/** yaml.v3's timestamp layouts, in the order it tries them. */
const TIMESTAMP_LAYOUTS = ["2006-1-2T15:4:5.999999999Z07:00", "2006-1-2t15:4:5.999999999Z07:00", "2006-1-2 15:4:5.999999999", "2006-1-2"];

/** yaml.v3 `parseTimestamp`: four digits and a dash, then one of its layouts that `time.Parse` accepts. */
export function isTimestamp(s: string): boolean {
  let i = 0;
  while (i < s.length && s.charCodeAt(i) >= 48 && s.charCodeAt(i) <= 57) i++;
  if (i !== 4 || i === s.length || s[i] !== "-") return false;
  return TIMESTAMP_LAYOUTS.some((layout) => timeParses(layout, s));
}
