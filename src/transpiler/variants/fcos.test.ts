import { describe, expect, it } from "vitest";
import type { BObject } from "../decode.ts";
import type { Obj } from "../translate/provenance.ts";
import { partitionChecks, validateFcosConfig } from "./fcos.ts";
import { lookupSpec } from "../spec/variants.ts";

/** The rules of fcos 1.`minor`. */
const fcosRules = (minor: number) => lookupSpec("fcos", `1.${minor}.0`)!.features;
const FCOS_1_0 = fcosRules(0);
const FCOS_1_2 = fcosRules(2);
const FCOS_1_3 = fcosRules(3);
const FCOS_1_5 = fcosRules(5);
const FCOS_1_6 = fcosRules(6);

const summary = (entries: { severity: string; space: string; path: readonly (string | number)[]; message: string }[]) =>
  entries.map((e) => `${e.severity} ${e.space}:${e.path.join(".")}: ${e.message}`);

describe("fcos Config rules (1.6+)", () => {
  const cfg: BObject = {
    boot_device: { mirror: { devices: ["/dev/sdc"] } },
    storage: {
      disks: [
        { device: "/dev/sda", partitions: [{ label: "a" }, { number: 2, label: "b" }, { size_mib: 5 }] },
        { device: "/dev/disk/by-id/coreos-boot-disk", partitions: [{ label: "var" }] },
        { device: "/dev/sdb", wipe_table: true, partitions: [{ label: "var" }] },
        { device: "/dev/sdc", partitions: [{ label: "var" }] },
      ],
      filesystems: [
        { device: "/dev/a", path: "/opt/x", with_mount_unit: true },
        { device: "/dev/b", path: "/var", with_mount_unit: true },
        { device: "/dev/c", path: "/etc2", with_mount_unit: true },
        { device: "/dev/d", path: "/opt/y" },
      ],
    },
  };
  it("reuse-by-label warnings, then mount-point errors", () => {
    expect(summary(validateFcosConfig(cfg, FCOS_1_6))).toEqual([
      "warning yaml:storage.disks.0.partitions.0.number: partitions cannot be reused by label; number must be specified except on boot disk (/dev/disk/by-id/coreos-boot-disk) or when wipe_table is true",
      "error yaml:storage.filesystems.0.path: path must be under /etc or /var if with_mount_unit is true",
      "error yaml:storage.filesystems.2.path: path must be under /etc or /var if with_mount_unit is true",
    ]);
  });
  it("not before 1.6", () => {
    expect(validateFcosConfig(cfg, FCOS_1_5)).toEqual([]);
  });
});

describe("partition checks", () => {
  const out = (disks: Obj[]): Obj => ({ storage: { disks } });
  it("wrong numbers for reserved labels unless wipeTable", () => {
    const o = out([
      {
        device: "/d",
        partitions: [{ label: "BIOS-BOOT", number: 1 }, { label: "EFI-SYSTEM", number: 3 }, { label: "boot" }, { label: "PowerPC-PReP-boot", number: 2 }],
      },
      { device: "/e", wipeTable: true, partitions: [{ label: "boot" }] },
    ]);
    expect(summary(partitionChecks(o, FCOS_1_0))).toEqual([
      "warning json:storage.disks.0.partitions.1.label: incorrect partition number; a new partition will be created using reserved label",
      "warning json:storage.disks.0.partitions.2.label: incorrect partition number; a new partition will be created using reserved label",
      "warning json:storage.disks.0.partitions.3.label: incorrect partition number; a new partition will be created using reserved label",
    ]);
  });

  it("root constrained / too small (1.3+), before the number check", () => {
    const o = out([
      {
        device: "/d",
        partitions: [
          { label: "root", number: 4, resize: true },
          { label: "var", sizeMiB: 1000 },
        ],
      },
      { device: "/e", partitions: [{ label: "root", sizeMiB: 4096 }] },
      {
        device: "/f",
        partitions: [
          { label: "root", number: 4 },
          { label: "x", startMiB: 100 },
        ],
      },
    ]);
    expect(summary(partitionChecks(o, FCOS_1_3))).toEqual([
      "warning json:storage.disks.0.partitions.0.label: root partition cannot expand; it is set to fill available space but is followed by an auto-positioned partition",
      "warning yaml:storage.disks.1.partitions.0.size_mib: root should have 8GiB of space assigned",
      "warning json:storage.disks.1.partitions.0.label: incorrect partition number; a new partition will be created using reserved label",
    ]);
    expect(partitionChecks(o, FCOS_1_2).map((e) => e.message)).toEqual(["incorrect partition number; a new partition will be created using reserved label"]);
  });

  it("unmapped (openshift MachineConfig) paths print as they are", () => {
    const o = out([{ device: "/d", partitions: [{ label: "boot" }] }]);
    expect(partitionChecks(o, FCOS_1_3, false)[0]!.space).toBe("yaml");
  });
});
