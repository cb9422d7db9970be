/** Butane's decimal-mode heuristic: `mode: 644` was almost certainly meant as octal. */

/** True when `mode` is an unsurprising permission set for a file (or directory). */
export function isTypicalMode(mode: number, directory: boolean): boolean {
  if (mode === 0) return true;
  let hadR = false;
  let hadW = false;
  let hadX = false;
  // other, group, user: each more specific class must have every bit of the less specific ones
  for (const perm of [mode & 0o7, (mode >> 3) & 0o7, (mode >> 6) & 0o7]) {
    const r = (perm & 4) !== 0;
    const w = (perm & 2) !== 0;
    const x = (perm & 1) !== 0;
    if ((!r && hadR) || (!w && hadW) || (!x && hadX)) return false;
    if (x && hadR && !hadX) return false;
    if ((w || x) && !r) return false;
    hadR ||= r;
    hadW ||= w;
    hadX ||= x;
  }
  if (!hadR) return false;
  if (directory) {
    if (!hadX) return false;
    if (mode & 0o4000) return false;
    if (mode & 0o3000 && !hadW) return false;
  } else {
    if (mode & 0o6000 && (!hadX || mode & 0o2)) return false;
    if (mode & 0o1000) return false;
  }
  return true;
}

/** The digits of a decimal number read as octal (644 → 0o644), or undefined if that is impossible. */
export function decimalAsOctal(mode: number): number | undefined {
  if (mode < 0 || mode > 7777) return undefined;
  let out = 0;
  for (let div = 1000; div > 0; div = Math.floor(div / 10)) {
    const digit = Math.floor(mode / div) % 10;
    if (digit > 7) return undefined;
    out = out * 8 + digit;
  }
  return out;
}

export const DECIMAL_MODE = "unreasonable mode would be reasonable if specified in octal; remember to add a leading zero";

/** True when upstream warns that `mode` looks like octal digits written in decimal. */
export function looksDecimal(mode: number, directory: boolean): boolean {
  const octal = decimalAsOctal(mode);
  return octal !== undefined && !isTypicalMode(mode, directory) && isTypicalMode(octal, directory);
}
