/**
 * Go's `time` (golang/go `src/time/format.go`): whether `time.Parse(layout, value)` succeeds, for
 * layouts made of the elements yaml.v3's timestamp layouts use: `2006` (year), `1` (month), `2`
 * (day), `15` (hour), `4` (minute), `5` (second), `.999999999`/`,999999999` (optional fraction),
 * `Z07:00` (zone) and literal text, with Go's range checks (the day against the month's length).
 */

type Element = "year" | "month" | "day" | "hour" | "minute" | "second" | "fraction" | "zone" | { literal: string };

const STD: readonly (readonly [string, Element])[] = [
  ["2006", "year"],
  ["Z07:00", "zone"],
  [".999999999", "fraction"],
  [",999999999", "fraction"],
  ["15", "hour"],
  ["1", "month"],
  ["2", "day"],
  ["4", "minute"],
  ["5", "second"],
];

const compiled = new Map<string, Element[]>();

/** Splits a layout into Go's std chunks and literals (the subset listed in the header). */
function compile(layout: string): Element[] {
  const hit = compiled.get(layout);
  if (hit) return hit;
  const out: Element[] = [];
  let literal = "";
  for (let i = 0; i < layout.length;) {
    const std = STD.find(([text]) => layout.startsWith(text, i));
    if (std) {
      if (literal) out.push({ literal });
      literal = "";
      out.push(std[1]);
      i += std[0].length;
    } else literal += layout[i++];
  }
  if (literal) out.push({ literal });
  compiled.set(layout, out);
  return out;
}

const isDigitAt = (s: string, i: number): boolean => {
  const c = s.charCodeAt(i);
  return c >= 48 && c <= 57;
};

/** Go's `getnum(s, false)`: one or two digits. */
function getnum(s: string, i: number): [value: number, next: number] | undefined {
  if (!isDigitAt(s, i)) return undefined;
  if (!isDigitAt(s, i + 1)) return [s.charCodeAt(i) - 48, i + 1];
  return [(s.charCodeAt(i) - 48) * 10 + (s.charCodeAt(i + 1) - 48), i + 2];
}

function daysIn(month: number, year: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Go's `skip`: matches a literal, a space in it matching a run of spaces (or the end of the value). */
function skip(s: string, i: number, literal: string): number | undefined {
  let j = i;
  for (let k = 0; k < literal.length;) {
    if (literal[k] === " ") {
      if (j < s.length && s[j] !== " ") return undefined;
      while (literal[k] === " ") k++;
      while (s[j] === " ") j++;
      continue;
    }
    if (s[j] !== literal[k]) return undefined;
    j++;
    k++;
  }
  return j;
}

/** Whether Go's `time.Parse(layout, value)` returns no error. */
export function parses(layout: string, value: string): boolean {
  const s = value;
  let i = 0;
  let year = 0;
  let month = 1;
  let day = 1;
  for (const el of compile(layout)) {
    if (typeof el === "object") {
      const next = skip(s, i, el.literal);
      if (next === undefined) return false;
      i = next;
      continue;
    }
    switch (el) {
      case "year": {
        if (s.length - i < 4) return false;
        const digits = s.slice(i, i + 4);
        if (!/^[+-]?[0-9]+$/.test(digits)) return false;
        year = Number(digits);
        i += 4;
        break;
      }
      case "month":
      case "day":
      case "hour":
      case "minute":
      case "second": {
        const n = getnum(s, i);
        if (!n) return false;
        const [v, next] = n;
        i = next;
        if (el === "month") {
          if (v < 1 || v > 12) return false;
          month = v;
        } else if (el === "day") day = v;
        else if (el === "hour" ? v >= 24 : v >= 60) return false;
        break;
      }
      case "fraction":
        // Optional: '.' or ',' and at least one digit, then any number of digits.
        if (s.length - i >= 2 && (s[i] === "." || s[i] === ",") && isDigitAt(s, i + 1)) {
          i += 2;
          while (isDigitAt(s, i)) i++;
        }
        break;
      case "zone": {
        if (s[i] === "Z") {
          i++;
          break;
        }
        if (s.length - i < 6 || s[i + 3] !== ":") return false;
        if (!isDigitAt(s, i + 1) || !isDigitAt(s, i + 2) || !isDigitAt(s, i + 4) || !isDigitAt(s, i + 5)) return false;
        // Offsets of 24 hours or 60 minutes are accepted (Go checks with > rather than >=).
        if (Number(s.slice(i + 1, i + 3)) > 24 || Number(s.slice(i + 4, i + 6)) > 60) return false;
        if (s[i] !== "+" && s[i] !== "-") return false;
        i += 6;
        break;
      }
    }
  }
  if (i !== s.length) return false;
  return day >= 1 && day <= daysIn(month, year);
}
