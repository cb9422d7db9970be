/**
 * Go `strconv.FormatFloat(f, 'g', -1, 64)` (as yaml.v3 prints float64 values): shortest
 * round-trip digits, exponent form when the decimal exponent is < -4 or >= 6 (`1e+06`).
 */

/** Go `FormatFloat(n, 'g', -1, 64)`, with yaml.v3's `.inf`/`-.inf`/`.nan` spellings. */
export function formatGoFloat(n: number): string {
  if (Number.isNaN(n)) return ".nan";
  if (n === Infinity) return ".inf";
  if (n === -Infinity) return "-.inf";
  const sign = n < 0 || Object.is(n, -0) ? "-" : "";
  if (n === 0) return sign + "0";
  // toExponential() without an argument yields the shortest digits that round-trip.
  const [mant = "", expPart = "0"] = Math.abs(n).toExponential().split("e");
  const digits = mant.replace(".", "");
  const exp = Number(expPart);
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
