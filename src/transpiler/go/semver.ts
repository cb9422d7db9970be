/**
 * github.com/coreos/go-semver v0.3.1 (`semver/semver.go`), which Butane uses for the config's
 * `version` and Ignition for `ignition.version`: `NewVersion` (= `Version.Set`), `String` and
 * struct equality.
 *
 * `NewVersion` splits off `+metadata` at the first `+`, then `-prerelease` at the first `-`, then
 * needs exactly three dot-separated parts, each read by `strconv.ParseInt(part, 10, 64)`: leading
 * zeros (`01`) are accepted and dropped; a sign never reaches ParseInt (the splits take it), and a
 * `v` prefix, spaces, a missing part, a fourth part or a number beyond int64 are rejected.
 * Pre-release and metadata must be dot-separated `[0-9A-Za-z-]+` identifiers when not empty (an
 * empty `1.2.3-` or `1.2.3+` is accepted).
 */
import { parseInt } from "./strconv.ts";

/** A parsed version (go-semver's `Version`). */
export interface SemVer {
  major: bigint;
  minor: bigint;
  patch: bigint;
  preRelease: string;
  metadata: string;
}

const IDENTIFIER = /^[0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*$/;

/** `strings.SplitN(s, delim, 2)`: [before, after], or [s, ""] without `delim`. */
function splitOff(s: string, delim: string): [rest: string, val: string] {
  const i = s.indexOf(delim);
  return i < 0 ? [s, ""] : [s.slice(0, i), s.slice(i + delim.length)];
}

/** go-semver `NewVersion`: the version, or null where it returns an error. */
export function parseSemver(version: string): SemVer | null {
  const [afterMeta, metadata] = splitOff(version, "+");
  const [core, preRelease] = splitOff(afterMeta, "-");
  // strings.SplitN(core, ".", 3): the third part keeps any further dots (and then fails to parse).
  const first = core.indexOf(".");
  const second = first < 0 ? -1 : core.indexOf(".", first + 1);
  if (second < 0) return null;
  if (preRelease !== "" && !IDENTIFIER.test(preRelease)) return null;
  if (metadata !== "" && !IDENTIFIER.test(metadata)) return null;
  const nums: bigint[] = [];
  for (const part of [core.slice(0, first), core.slice(first + 1, second), core.slice(second + 1)]) {
    const v = parseInt(part, 10);
    if (v === undefined) return null;
    nums.push(v);
  }
  const [major = 0n, minor = 0n, patch = 0n] = nums;
  return { major, minor, patch, preRelease, metadata };
}

/** go-semver `Version.String`: `MAJOR.MINOR.PATCH[-PRERELEASE][+METADATA]`. */
export function formatSemver(v: SemVer): string {
  let s = `${v.major}.${v.minor}.${v.patch}`;
  if (v.preRelease !== "") s += "-" + v.preRelease;
  if (v.metadata !== "") s += "+" + v.metadata;
  return s;
}

/** Go `==` on two `semver.Version` values (every field, metadata included). */
export function semverEqual(a: SemVer, b: SemVer): boolean {
  return a.major === b.major && a.minor === b.minor && a.patch === b.patch && a.preRelease === b.preRelease && a.metadata === b.metadata;
}
