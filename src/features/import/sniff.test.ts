import { describe, expect, it } from "vitest";
import { sniffConfig } from "./sniff.ts";
import { recoveredLines } from "./summary.ts";
import { parseFsPaths } from "./fs-paths.ts";
import { emptyStats } from "../../import/types.ts";

describe("sniffConfig", () => {
  it("recognizes Ignition configs by their version, MachineConfigs and Container Linux Configs", () => {
    expect(sniffConfig('{"ignition":{"version":"3.4.0"}}')).toEqual({ kind: "ignition-3", version: "3.4.0" });
    expect(sniffConfig('  {"ignition":{"version":"2.2.0"},"storage":{}}')).toEqual({ kind: "ignition-2", version: "2.2.0" });
    expect(
      sniffConfig("apiVersion: machineconfiguration.openshift.io/v1\nkind: MachineConfig\nspec:\n  config:\n    ignition:\n      version: 3.2.0\n"),
    ).toEqual({
      kind: "machineconfig",
      version: "3.2.0",
    });
    expect(sniffConfig("# web\npasswd:\n  users:\n    - name: core\n")).toEqual({ kind: "clc", version: "" });
  });
  it("leaves Butane and anything else alone", () => {
    expect(sniffConfig("variant: fcos\nversion: 1.6.0\nstorage: {}\n")).toBeNull();
    expect(sniffConfig('{"hello": 1}')).toBeNull();
    expect(sniffConfig("{ not json")).toBeNull();
    expect(sniffConfig("just text\n")).toBeNull();
  });
});

describe("recoveredLines", () => {
  it("names only what occurred", () => {
    expect(recoveredLines(emptyStats())).toEqual([]);
    expect(recoveredLines({ ...emptyStats(), dataUrls: 6, inlined: 5, mountUnits: 2, foldedMountUnits: 2, grubUsers: 1 })).toEqual([
      "5 of 6 data URLs became inline text",
      "2 of 2 mount units became with_mount_unit",
      "1 GRUB user became grub.users",
    ]);
  });
});

describe("parseFsPaths", () => {
  it("reads NAME=PATH pairs separated by commas or blanks, skipping anything else", () => {
    expect(parseFsPaths("data=/var/data, logs=/var/log  oem=/usr/share/oem")).toEqual({ data: "/var/data", logs: "/var/log", oem: "/usr/share/oem" });
    expect(parseFsPaths("")).toEqual({});
    expect(parseFsPaths("=/x nonsense")).toEqual({});
  });
});
