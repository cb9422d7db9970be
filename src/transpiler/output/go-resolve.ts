/**
 * yaml.v3's plain-scalar resolution (resolve.go) as far as the encoder needs it: whether a Go
 * string, written unquoted, would read back as a string. Includes the Go `strconv` and `time.Parse`
 * corners that decide it (base prefixes, underscores, overflow, timestamps).
 */

const RESOLVE_MAP = new Set([
  "true", "True", "TRUE", "false", "False", "FALSE",
  "", "~", "null", "Null", "NULL",
  ".nan", ".NaN", ".NAN", ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF", "-.inf", "-.Inf", "-.INF",
  "<<",
]);

const OLD_BOOLS = new Set(["y", "Y", "yes", "Yes", "YES", "on", "On", "ON", "n", "N", "no", "No", "NO", "off", "Off", "OFF"]);

const YAML_STYLE_FLOAT = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;
const BASE60_FLOAT = /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$/;

const INT64_MAX = (1n << 63n) - 1n;
const INT64_MIN = -(1n << 63n);
const UINT64_MAX = (1n << 64n) - 1n;

const isDigitCh = (c: string | undefined): boolean => c !== undefined && c >= "0" && c <= "9";

/** Go `strconv.ParseUint(s, base, 64)` without underscore support; null on any error. */
function parseUintGo(s: string, base: number): bigint | null {
  if (s === "") return null;
  let b = base;
  let t = s;
  if (b === 0) {
    b = 10;
    if (t[0] === "0") {
      const p = t[1]?.toLowerCase();
      if (t.length >= 3 && p === "b") { b = 2; t = t.slice(2); }
      else if (t.length >= 3 && p === "o") { b = 8; t = t.slice(2); }
      else if (t.length >= 3 && p === "x") { b = 16; t = t.slice(2); }
      else { b = 8; t = t.slice(1); }
    }
  }
  let n = 0n;
  const bb = BigInt(b);
  for (const ch of t) {
    const d = parseInt(ch, 36);
    if (Number.isNaN(d) || d >= b || !/[0-9a-zA-Z]/.test(ch)) return null;
    n = n * bb + BigInt(d);
  }
  return n <= UINT64_MAX ? n : null;
}

/** Go `strconv.ParseInt(s, base, 64)` without underscore support; null on any error. */
function parseIntGo(s: string, base: number): bigint | null {
  if (s === "") return null;
  let neg = false;
  let t = s;
  if (t[0] === "+") t = t.slice(1);
  else if (t[0] === "-") { neg = true; t = t.slice(1); }
  const u = parseUintGo(t, base);
  if (u === null) return null;
  const v = neg ? -u : u;
  return v >= INT64_MIN && v <= INT64_MAX ? v : null;
}

/** Go `strconv` underscoreOK: underscores only between digits (or after a base prefix). */
function underscoreOK(str: string): boolean {
  let s = str;
  let saw = "^";
  let i = 0;
  if (s.length >= 1 && (s[0] === "-" || s[0] === "+")) s = s.slice(1);
  let hex = false;
  const p = s[1]?.toLowerCase();
  if (s.length >= 2 && s[0] === "0" && (p === "b" || p === "o" || p === "x")) {
    i = 2;
    saw = "0";
    hex = p === "x";
  }
  for (; i < s.length; i++) {
    const c = s[i]!;
    const lc = c.toLowerCase();
    if ((c >= "0" && c <= "9") || (hex && lc >= "a" && lc <= "f")) { saw = "0"; continue; }
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

/** Go `strconv.ParseFloat(s, 64)` succeeds, for strings starting with '.' (decimal syntax only). */
function parseFloatDotOK(s: string): boolean {
  let i = 0;
  let sawDot = false;
  let sawDigits = false;
  let underscores = false;
  let mant = "";
  for (; i < s.length; i++) {
    const c = s[i]!;
    if (c === "_") { underscores = true; continue; }
    if (c === ".") {
      if (sawDot) break;
      sawDot = true;
      mant += c;
      continue;
    }
    if (c >= "0" && c <= "9") { sawDigits = true; mant += c; continue; }
    break;
  }
  if (!sawDigits) return false;
  let exp = "";
  if (i < s.length && (s[i] === "e" || s[i] === "E")) {
    i++;
    if (i < s.length && (s[i] === "+" || s[i] === "-")) exp += s[i++];
    if (i >= s.length || !isDigitCh(s[i])) return false;
    for (; i < s.length && (isDigitCh(s[i]) || s[i] === "_"); i++) {
      if (s[i] === "_") { underscores = true; continue; }
      exp += s[i];
    }
  }
  if (i !== s.length) return false;
  if (underscores && !underscoreOK(s)) return false;
  // Overflow to ±Inf is a range error in Go.
  return Number.isFinite(Number(mant + (exp ? "e" + exp : "")));
}

function daysIn(month: number, year: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
}

type Tok = "Y" | "M" | "D" | "h" | "m" | "s" | "F" | "Z" | { lit: string };
const TS_LAYOUTS: Tok[][] = [
  ["Y", { lit: "-" }, "M", { lit: "-" }, "D", { lit: "T" }, "h", { lit: ":" }, "m", { lit: ":" }, "s", "F", "Z"],
  ["Y", { lit: "-" }, "M", { lit: "-" }, "D", { lit: "t" }, "h", { lit: ":" }, "m", { lit: ":" }, "s", "F", "Z"],
  ["Y", { lit: "-" }, "M", { lit: "-" }, "D", { lit: " " }, "h", { lit: ":" }, "m", { lit: ":" }, "s", "F"],
  ["Y", { lit: "-" }, "M", { lit: "-" }, "D"],
];

/** Go time.Parse against one of yaml.v3's timestamp layouts (only success matters). */
function parseLayout(layout: Tok[], value: string): boolean {
  let v = value;
  let year = 0, month = 0, day = 0;
  const getnum = (fixed: boolean): number | null => {
    if (!isDigitCh(v[0])) return null;
    if (!isDigitCh(v[1])) {
      if (fixed) return null;
      const n = Number(v[0]);
      v = v.slice(1);
      return n;
    }
    const n = Number(v.slice(0, 2));
    v = v.slice(2);
    return n;
  };
  for (const tok of layout) {
    if (typeof tok === "object") {
      // Go's skip(): a space in the layout matches any run of spaces (zero or more).
      for (const ch of tok.lit) {
        if (ch === " ") {
          if (v.length > 0 && v[0] !== " ") return false;
          v = v.replace(/^ +/, "");
        } else {
          if (v[0] !== ch) return false;
          v = v.slice(1);
        }
      }
      continue;
    }
    switch (tok) {
      case "Y":
        if (v.length < 4 || !/^[0-9]{4}/.test(v)) return false;
        year = Number(v.slice(0, 4));
        v = v.slice(4);
        break;
      case "M": {
        const n = getnum(false);
        if (n === null || n < 1 || n > 12) return false;
        month = n;
        break;
      }
      case "D": {
        const n = getnum(false);
        if (n === null) return false;
        day = n;
        break;
      }
      case "h": {
        const n = getnum(false);
        if (n === null || n >= 24) return false;
        break;
      }
      case "m":
      case "s": {
        const n = getnum(false);
        if (n === null || n >= 60) return false;
        break;
      }
      case "F":
        if (v.length >= 2 && (v[0] === "." || v[0] === ",") && isDigitCh(v[1])) {
          let i = 1;
          while (isDigitCh(v[i])) i++;
          v = v.slice(i);
        }
        break;
      case "Z":
        if (v[0] === "Z") {
          v = v.slice(1);
          break;
        }
        if (v.length < 6 || v[3] !== ":") return false;
        {
          const sign = v[0];
          const hh = v.slice(1, 3);
          const mm = v.slice(4, 6);
          if (!/^[0-9]{2}$/.test(hh) || !/^[0-9]{2}$/.test(mm)) return false;
          if (Number(hh) > 24 || Number(mm) > 60) return false;
          if (sign !== "+" && sign !== "-") return false;
          v = v.slice(6);
        }
        break;
    }
  }
  if (v.length !== 0) return false;
  return day >= 1 && day <= daysIn(month, year);
}

function isTimestamp(s: string): boolean {
  if (!/^[0-9]{4}-/.test(s)) return false;
  return TS_LAYOUTS.some((l) => parseLayout(l, s));
}

/** yaml.v3 `resolve("", s)` yields `!!str` (the string reads back as a string when plain). */
export function resolvesToStr(s: string): boolean {
  if (s === "") return false;
  const c = s[0]!;
  let hint: string;
  if (c === "+" || c === "-") hint = "S";
  else if (c >= "0" && c <= "9") hint = "D";
  else if ("yYnNtTfFoO~".includes(c)) hint = "M";
  else if (c === ".") hint = ".";
  else return true;
  if (RESOLVE_MAP.has(s)) return false;
  if (hint === "M") return true;
  if (hint === ".") return !parseFloatDotOK(s);
  if (isTimestamp(s)) return false;
  const plain = s.replaceAll("_", "");
  if (parseIntGo(plain, 0) !== null || parseUintGo(plain, 0) !== null) return false;
  if (YAML_STYLE_FLOAT.test(plain) && Number.isFinite(Number(plain))) return false;
  if (plain.startsWith("0b")) {
    if (parseIntGo(plain.slice(2), 2) !== null || parseUintGo(plain.slice(2), 2) !== null) return false;
  } else if (plain.startsWith("-0b")) {
    if (parseIntGo("-" + plain.slice(3), 2) !== null) return false;
  }
  if (plain.startsWith("0o")) {
    if (parseIntGo(plain.slice(2), 8) !== null || parseUintGo(plain.slice(2), 8) !== null) return false;
  } else if (plain.startsWith("-0o")) {
    if (parseIntGo("-" + plain.slice(3), 8) !== null) return false;
  }
  return true;
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
