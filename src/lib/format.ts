/** Tiny formatting helpers shared by the UI. */

/** A byte count for people: `512 B`, `1.2 kB`, `3.40 MB` (SI units, as file managers show). */
export function formatBytes(n: number): string {
  if (n < 1000) return `${n} B`;
  if (n < 1_000_000) return `${(n / 1000).toFixed(1)} kB`;
  return `${(n / 1_000_000).toFixed(2)} MB`;
}
