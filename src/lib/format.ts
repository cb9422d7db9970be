/** Tiny formatting helpers shared by the UI. */

/** A byte count for people: `512 B`, `1.2 kB`, `3.40 MB` (SI units, as file managers show). */
export function formatBytes(n: number): string {
  if (n < 1000) return `${n} B`;
  if (n < 1_000_000) return `${(n / 1000).toFixed(1)} kB`;
  return `${(n / 1_000_000).toFixed(2)} MB`;
}

/**
 * The UTF-8 size of `s` in bytes, without encoding it (`new Blob([s]).size` hands the whole
 * string to the browser's blob registry and costs milliseconds on every output).
 */
export function utf8Length(s: string): number {
  let n = s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) continue;
    if (c < 0x800) n += 1;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      n += 2; // a surrogate pair: 2 UTF-16 units, 4 bytes
      i++;
    } else n += 2; // 3 bytes (a lone surrogate becomes U+FFFD, also 3 bytes)
  }
  return n;
}
