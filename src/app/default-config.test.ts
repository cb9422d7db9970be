/** The default spec for new configs: derived from the target table, and the welcome config is clean. */
import { describe, expect, it } from "vitest";
import { listSpecs, transpile } from "../transpiler/index.ts";
import { findTarget, newestAcceptedVersion, type TargetRow } from "../transpiler/lint/targets.ts";
import { DEFAULT_SOURCE, DEFAULT_SPEC } from "./default-config.ts";

describe("the default spec", () => {
  it("is the newest stable fcos spec Fedora CoreOS stable reads: fcos 1.7.0 (Ignition 3.6.0)", () => {
    expect(DEFAULT_SPEC).toEqual({ variant: "fcos", version: "1.7.0" });
    const r = transpile(DEFAULT_SOURCE, { lint: { target: "fcos-stable" } });
    expect(r.ignitionVersion).toBe("3.6.0");
    expect(r.diagnostics).toEqual([]);
    expect(r.output).not.toBeNull();
    // Only the placeholder key it carries on purpose, for the user to replace.
    expect(r.findings?.map((f) => f.code)).toEqual(["placeholder-example-key"]);
  });
  it("follows the table: a stable stream that read only 3.5.0 would give fcos 1.6.0", () => {
    const older: TargetRow = { ...findTarget("fcos-stable")!, maxSpec: "3.5.0" };
    expect(newestAcceptedVersion(listSpecs(), "fcos", older)?.version).toBe("1.6.0");
  });
});
