/** coreos/go-semver `NewVersion` parsing, as Ignition uses it for `ignition.version`. */

/** A parsed semantic version (field-by-field comparable, like the Go struct). */
export interface SemVer {
  major: bigint;
  minor: bigint;
  patch: bigint;
  preRelease: string;
  metadata: string;
}

const identifierRe = /^[0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*$/;
const maxInt64 = (1n << 63n) - 1n;
const minInt64 = -(1n << 63n);

/** Go `strconv.ParseInt(s, 10, 64)`; null on syntax or range error. */
function parseInt64(s: string): bigint | null {
  if (!/^[+-]?[0-9]+$/.test(s)) return null;
  const v = BigInt(s);
  if (v > maxInt64 || v < minInt64) return null;
  return v;
}

function splitOff(input: string, delim: string): [rest: string, val: string] {
  const i = input.indexOf(delim);
  if (i < 0) return [input, ""];
  return [input.slice(0, i), input.slice(i + delim.length)];
}

/** Parses a version the way go-semver does; null when it "couldn't parse". */
export function parseSemver(version: string): SemVer | null {
  const [afterMeta, metadata] = splitOff(version, "+");
  const [core, preRelease] = splitOff(afterMeta, "-");
  const first = core.indexOf(".");
  if (first < 0) return null;
  const second = core.indexOf(".", first + 1);
  if (second < 0) return null;
  const dotParts = [core.slice(0, first), core.slice(first + 1, second), core.slice(second + 1)];
  if (preRelease !== "" && !identifierRe.test(preRelease)) return null;
  if (metadata !== "" && !identifierRe.test(metadata)) return null;
  const nums: bigint[] = [];
  for (const part of dotParts) {
    const v = parseInt64(part);
    if (v === null) return null;
    nums.push(v);
  }
  return { major: nums[0] ?? 0n, minor: nums[1] ?? 0n, patch: nums[2] ?? 0n, preRelease, metadata };
}

/** Struct equality of two versions (Go `==` on `semver.Version`). */
export function semverEqual(a: SemVer, b: SemVer): boolean {
  return (
    a.major === b.major &&
    a.minor === b.minor &&
    a.patch === b.patch &&
    a.preRelease === b.preRelease &&
    a.metadata === b.metadata
  );
}
