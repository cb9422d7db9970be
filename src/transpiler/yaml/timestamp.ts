/**
 * yaml.v3's timestamp recognition: Go's `time.Parse` with the four layouts yaml.v3 tries
 * (`2006-1-2T15:4:5.999999999Z07:00`, the same with a lower-case `t`,
 * `2006-1-2 15:4:5.999999999`, `2006-1-2`), including Go's range checks.
 */

type Part = "year" | "month" | "day" | "hour" | "minute" | "second" | "fraction" | "zone" | { literal: string };

const DATE: Part[] = ["year", { literal: "-" }, "month", { literal: "-" }, "day"];
const TIME: Part[] = ["hour", { literal: ":" }, "minute", { literal: ":" }, "second", "fraction"];
const LAYOUTS: Part[][] = [
  [...DATE, { literal: "T" }, ...TIME, "zone"],
  [...DATE, { literal: "t" }, ...TIME, "zone"],
  [...DATE, { literal: " " }, ...TIME],
  DATE,
];

/** Whether yaml.v3 resolves the plain scalar `s` as `!!timestamp`. */
export function isTimestamp(s: string): boolean {
  // All layouts start with a four-digit year and a dash.
  let i = 0;
  while (i < s.length && isDigitAt(s, i)) i++;
  if (i !== 4 || i === s.length || s[i] !== "-") return false;
  return LAYOUTS.some((layout) => matches(s, layout));
}

function isDigitAt(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  return c >= 48 && c <= 57;
}

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

function matches(s: string, layout: Part[]): boolean {
  let i = 0;
  let year = 0;
  let month = 1;
  let day = 1;
  for (const part of layout) {
    if (typeof part === "object") {
      // Go's skip(): a space in the layout matches one or more spaces.
      if (part.literal === " ") {
        if (i < s.length && s[i] !== " ") return false;
        while (s[i] === " ") i++;
      } else {
        if (s[i] !== part.literal) return false;
        i++;
      }
      continue;
    }
    switch (part) {
      case "year":
        if (s.length - i < 4) return false;
        year = Number(s.slice(i, i + 4));
        i += 4;
        break;
      case "month":
      case "day":
      case "hour":
      case "minute":
      case "second": {
        const n = getnum(s, i);
        if (!n) return false;
        const [v, next] = n;
        i = next;
        if (part === "month") {
          if (v < 1 || v > 12) return false;
          month = v;
        } else if (part === "day") {
          day = v;
        } else if (part === "hour" ? v >= 24 : v >= 60) {
          return false;
        }
        break;
      }
      case "fraction": {
        // Optional: '.' or ',' followed by at least one digit, then any number of digits.
        if (s.length - i >= 2 && (s[i] === "." || s[i] === ",") && isDigitAt(s, i + 1)) {
          i += 2;
          while (isDigitAt(s, i)) i++;
        }
        break;
      }
      case "zone": {
        if (s[i] === "Z") {
          i++;
          break;
        }
        if (s.length - i < 6 || s[i + 3] !== ":") return false;
        const sign = s[i];
        if (!isDigitAt(s, i + 1) || !isDigitAt(s, i + 2) || !isDigitAt(s, i + 4) || !isDigitAt(s, i + 5)) return false;
        const hh = Number(s.slice(i + 1, i + 3));
        const mm = Number(s.slice(i + 4, i + 6));
        if (hh > 24 || mm > 60) return false;
        if (sign !== "+" && sign !== "-") return false;
        i += 6;
        break;
      }
    }
  }
  if (i !== s.length) return false;
  return day >= 1 && day <= daysIn(month, year);
}
