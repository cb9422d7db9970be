/** Ordering of versions like `3.5.0` and `1.8.0-experimental` (a pre-release sorts before its release). */
import { parseSemver } from "../go/semver.ts";

/** Negative when a < b, 0 when equal, positive when a > b; unparsable versions sort first. */
export function compareSemver(a: string, b: string): number {
  const x = parseSemver(a);
  const y = parseSemver(b);
  if (!x || !y) return (x ? 1 : 0) - (y ? 1 : 0);
  for (const k of ["major", "minor", "patch"] as const) if (x[k] !== y[k]) return x[k] < y[k] ? -1 : 1;
  if (x.preRelease === y.preRelease) return 0;
  if (x.preRelease === "") return 1;
  if (y.preRelease === "") return -1;
  return x.preRelease < y.preRelease ? -1 : 1;
}
