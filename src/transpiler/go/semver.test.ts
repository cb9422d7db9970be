/** go-semver v0.3.1 `NewVersion` and `String`, and Butane's use of them for the config's version. */
import { describe, expect, it } from "vitest";
import { formatSemver, parseSemver, semverEqual } from "./semver.ts";
import { transpile } from "../index.ts";
import { lookupSpec } from "../spec/variants.ts";

describe("go-semver NewVersion", () => {
  it.each([
    ["3.4.0", 3n, 4n, 0n, "", ""],
    ["3.7.0-experimental", 3n, 7n, 0n, "experimental", ""],
    ["1.2.3-a.b+c.d", 1n, 2n, 3n, "a.b", "c.d"],
    ["1.2.3+a-b", 1n, 2n, 3n, "", "a-b"],
    ["1.2.3-x+y-z", 1n, 2n, 3n, "x", "y-z"],
    // strconv.ParseInt(part, 10, 64): leading zeros are read and dropped
    ["03.04.00", 3n, 4n, 0n, "", ""],
    ["9223372036854775807.0.0", 9223372036854775807n, 0n, 0n, "", ""],
    // an empty pre-release or metadata part is accepted and equals its absence
    ["3.4.0-", 3n, 4n, 0n, "", ""],
    ["3.4.0+", 3n, 4n, 0n, "", ""],
  ])("%j", (v, major, minor, patch, preRelease, metadata) => {
    expect(parseSemver(v)).toEqual({ major, minor, patch, preRelease, metadata });
  });

  it.each([
    "",
    "3",
    "3.4",
    "3.4.0.1",
    "3.4.x",
    "3.4.0-a..b",
    "3.4.0+a_b",
    "v3.4.0",
    " 3.4.0",
    "3.4.0 ",
    "3.4.0\n",
    "3.4.99999999999999999999",
    "9223372036854775808.0.0",
    "-1.2.3",
    "1.-2.3",
    "+1.2.3",
    "1.+2.3",
    "0x1.2.3",
    "1_0.2.3",
    "١.2.3",
  ])("rejects %j", (v) => {
    expect(parseSemver(v)).toBeNull();
  });

  it("String() writes the parts back without zeros or signs", () => {
    const s = (v: string) => formatSemver(parseSemver(v)!);
    expect(s("01.05.00")).toBe("1.5.0");
    expect(s("01.8.0-experimental")).toBe("1.8.0-experimental");
    expect(s("1.5.0+meta.1")).toBe("1.5.0+meta.1");
    expect(s("1.5.0-")).toBe("1.5.0");
  });

  it("== compares every field, metadata included", () => {
    expect(semverEqual(parseSemver("03.4.0")!, parseSemver("3.4.0")!)).toBe(true);
    expect(semverEqual(parseSemver("3.4.0+a")!, parseSemver("3.4.0")!)).toBe(false);
    expect(semverEqual(parseSemver("3.4.0-a")!, parseSemver("3.4.0")!)).toBe(false);
  });
});

describe("Butane reads the config's version with go-semver", () => {
  const run = (variant: string, version: string) => transpile(`variant: ${variant}\nversion: ${version}\n`);
  const INVALID = "Error translating config: error parsing version; must be a valid semver";

  it.each([
    ["fcos", "01.05.00", "1.5.0", "3.4.0"],
    ["fcos", "1.5.0-", "1.5.0", "3.4.0"],
    ["fcos", "'1.0.0+'", "1.0.0", "3.0.0"],
    ["fcos", "01.8.0-experimental", "1.8.0-experimental", "3.7.0-experimental"],
    ["flatcar", "1.01.0", "1.1.0", "3.4.0"],
    ["openshift", "4.08.0", "4.8.0", "3.2.0"],
    ["r4e", "1.0.00", "1.0.0", "3.3.0"],
    ["fiot", "001.0.0", "1.0.0", "3.4.0"],
  ])("%s %s is the spec %s", (variant, version, canonical, ignition) => {
    const r = run(variant, version);
    expect(r.version).toBe(canonical);
    expect(r.ignitionVersion).toBe(ignition);
    if (variant !== "openshift") expect(r.output).toBe(`{"ignition":{"version":"${ignition}"}}\n`);
  });

  it.each(["v1.5.0", "1.5", "1.5.0.0", "1.5.x", "'1.5.0 '", "''", "1.5", "-1.5.0", "+1.5.0", "1.5.0-a..b", "9223372036854775808.0.0", "1e3"])(
    "%s is not a version",
    (version) => {
      expect(run("fcos", version).failure).toBe(INVALID);
    },
  );

  it("a missing version is not a version either", () => {
    expect(transpile("variant: fcos\n").failure).toBe(INVALID);
  });

  it("an unknown version is named as go-semver writes it", () => {
    expect(run("fcos", "1.5.0+build.1").failure).toBe("Error translating config: No translator exists for variant fcos with version 1.5.0+build.1");
    expect(run("fcos", "01.9.00").failure).toBe("Error translating config: No translator exists for variant fcos with version 1.9.0");
    expect(run("fcos", "1.8.0-Experimental").failure).toBe("Error translating config: No translator exists for variant fcos with version 1.8.0-Experimental");
    expect(run("nope", "01.0.0").failure).toBe("Error translating config: No translator exists for variant nope with version 1.0.0");
    expect(run("fcos", "9223372036854775807.0.0").failure).toBe(
      "Error translating config: No translator exists for variant fcos with version 9223372036854775807.0.0",
    );
    expect(run("rhcos", "00.01.00").failure).toBe(
      "Error translating config: rhcos variant has been removed; use openshift variant instead: https://coreos.github.io/butane/upgrading-openshift/",
    );
  });

  it("a merged config's ignition.version is compared as Ignition compares it (go-semver ==)", () => {
    const child = (v: string) =>
      transpile(
        `variant: fcos\nversion: 1.5.0\nignition:\n  config:\n    merge:\n      - inline: '{"ignition":{"version":"${v}"},"storage":{"files":[{"path":"rel"}]}}'\n`,
      );
    const skip = "skipping validation for the merge/replace ignition config due to an unkown version";
    // 03.4.0 is 3.4.0: validated (and its relative path refused)
    expect(child("03.4.0").diagnostics.map((d) => d.message)).toContain("path not absolute");
    expect(child("3.4.0+x").diagnostics.map((d) => d.message)).toEqual([skip]);
    expect(child("3.3.0").diagnostics.map((d) => d.message)).toEqual([skip]);
    // not a version at all: validated, and the version itself is an error
    expect(child("v3.4.0").diagnostics.map((d) => d.message)).toContain("path not absolute");
  });
});

describe("every reader of a version reads it the same way", () => {
  it("the spec registry (the studio's forms and schemas look specs up there)", () => {
    expect(lookupSpec("fcos", "01.05.00")?.version).toBe("1.5.0");
    expect(lookupSpec("openshift", "4.023.0-experimental")?.version).toBe("4.23.0-experimental");
    expect(lookupSpec("fcos", "v1.5.0")).toBeUndefined();
    expect(lookupSpec("fcos", "1.5.0+x")).toBeUndefined();
  });

  it("the transpile result names the version as go-semver writes it (the studio picks its schema by it)", () => {
    const r = transpile("variant: fcos\nversion: 01.6.00\n");
    expect([r.variant, r.version]).toEqual(["fcos", "1.6.0"]);
  });
});
