/**
 * yaml.v3's encoder decisions about plain scalars (encode.go `stringv`, `isBase60Float`,
 * `isOldBool`) and float spelling (`floatv`): whether a string can be written unquoted, and how a
 * float64 is written.
 */
import { formatFloatG } from "../go/strconv.ts";
import { resolve } from "../yaml/resolve.ts";

const OLD_BOOLS = new Set(["y", "Y", "yes", "Yes", "YES", "on", "On", "ON", "n", "N", "no", "No", "NO", "off", "Off", "OFF"]);

const BASE60_FLOAT = /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$/;

/** yaml.v3 `resolve("", s)` yields `!!str`: the string reads back as a string when plain. */
export function resolvesToStr(s: string): boolean {
  const r = resolve("", s);
  return r.ok && r.tag === "!!str";
}

/** yaml.v3 encoder: a plain string needs no quoting (resolves to str, not a 1.1 bool or base-60 float). */
export function canUsePlain(s: string): boolean {
  if (!resolvesToStr(s)) return false;
  if (OLD_BOOLS.has(s)) return false;
  const c = s[0];
  if (c !== undefined && (c === "+" || c === "-" || (c >= "0" && c <= "9")) && s.includes(":") && BASE60_FLOAT.test(s)) {
    return false;
  }
  return true;
}

/** yaml.v3 `floatv`: `FormatFloat(f, 'g', -1, 64)` with `.inf`, `-.inf` and `.nan` spellings. */
export function formatYamlFloat(n: number): string {
  if (Number.isNaN(n)) return ".nan";
  if (n === Infinity) return ".inf";
  if (n === -Infinity) return "-.inf";
  return formatFloatG(n);
}
