import { describe, expect, it } from "vitest";
import { lookupSpec, type VariantSpec } from "../spec/variants.ts";
import { newContext } from "../translate/context.ts";
import { translateBase } from "../translate/base.ts";
import type { BObject } from "../decode.ts";
import type { Obj } from "../translate/provenance.ts";
import { decodeDataUrl } from "../ignition/dataurl.ts";
import { applyBootDevice, applyGrub, grubConfig, validateBootDevice, validateGrub } from "./boot-device.ts";

/** The rules of fcos 1.`minor`. */
const fcosRules = (minor: number) => lookupSpec("fcos", `1.${minor}.0`)!.features;
const FCOS_1_3 = fcosRules(3);
const FCOS_1_5 = fcosRules(5);
const FCOS_1_6 = fcosRules(6);
const FCOS_1_7 = fcosRules(7);

function spec(variant: string, version: string): VariantSpec {
  const vs = lookupSpec(variant, version);
  if (!vs) throw new Error(`no ${variant} ${version}`);
  return vs;
}

function run(vs: VariantSpec, cfg: BObject): { out: Obj; at: (...p: (string | number)[]) => string | undefined } {
  const ctx = newContext(vs, undefined);
  let out = translateBase(ctx, cfg);
  out = applyBootDevice(ctx, cfg, out);
  out = applyGrub(ctx, cfg, out);
  const ts = ctx.prov.translationSet(out);
  return { out, at: (...p) => ts.get(p.map(String).join("\u0000"))?.join(".") };
}

const summary = (entries: { severity: string; path: readonly (string | number)[]; message: string }[]) =>
  entries.map((e) => `${e.severity} ${e.path.join(".")}: ${e.message}`);

describe("boot_device validation", () => {
  it("mirror without layout: warning before 1.7, error from 1.7; one device reported twice", () => {
    const cfg: BObject = { boot_device: { mirror: { devices: ["/dev/sda"] } } };
    expect(summary(validateBootDevice(cfg, FCOS_1_6))).toEqual([
      "warning boot_device.mirror: boot_device.layout should be specified when boot_device.mirror is specified",
      "error boot_device.mirror.devices: mirroring requires at least two devices",
      "error boot_device.mirror.devices: mirroring requires at least two devices",
    ]);
    expect(validateBootDevice(cfg, FCOS_1_7)[0]!.severity).toBe("error");
  });

  it.each([
    [3, "s390x-eckd", "layout must be one of: aarch64, ppc64le, x86_64"],
    [5, "arm", "layout must be one of: aarch64, ppc64le, x86_64"],
    [6, "arm", "layout must be one of: aarch64, ppc64le, s390x-eckd, s390x-virt, s390x-zfcp, x86_64"],
  ])("fcos 1.%i layout %s", (fcos, layout, message) => {
    expect(summary(validateBootDevice({ boot_device: { layout } }, fcosRules(fcos)))).toEqual([`error boot_device.layout: ${message}`]);
  });

  it("s390x device rules (1.6+)", () => {
    const v = (layout: string, device?: string) =>
      summary(validateBootDevice({ boot_device: { layout, luks: device === undefined ? { tpm2: true } : { device, tpm2: true } } }, FCOS_1_6));
    expect(v("s390x-eckd")).toEqual(["error boot_device.layout: device is required for layouts: s390x-eckd, s390x-zfcp"]);
    expect(v("s390x-zfcp", "")).toEqual(["error boot_device.layout: device is required for layouts: s390x-eckd, s390x-zfcp"]);
    expect(v("s390x-eckd", "/dev/dasda")).toEqual([]);
    expect(v("s390x-eckd", "/x/dev/dasdb")).toEqual([]); // unanchored at the start
    expect(v("s390x-eckd", "/dev/sda")).toEqual([
      "error boot_device.layout: device name must start with /dev/dasd on s390x-eckd layout or /dev/sd on s390x-zfcp layout",
    ]);
    expect(v("s390x-zfcp", "/dev/sdb")).toEqual([]);
    expect(v("s390x-zfcp", "/dev/sdb1")).toHaveLength(1);
    expect(v("s390x-virt")).toEqual([]);
  });

  it("s390x mirroring, cex rules", () => {
    expect(summary(validateBootDevice({ boot_device: { layout: "s390x-virt", mirror: { devices: ["/a", "/b"] } } }, FCOS_1_6))).toEqual([
      "error boot_device.layout: mirroring not supported on layouts: s390x-eckd, s390x-zfcp, s390x-virt",
    ]);
    expect(summary(validateBootDevice({ boot_device: { layout: "x86_64", luks: { cex: { enabled: true }, tpm2: true } } }, FCOS_1_7))).toEqual([
      "error boot_device.layout: when using cex the targeted architecture must match s390x",
      "error boot_device.luks: cannot use cex with clevis",
    ]);
    expect(summary(validateBootDevice({ boot_device: { luks: { cex: { enabled: true } } } }, FCOS_1_6))).toEqual([
      "error boot_device.luks.cex: when using cex the targeted architecture must match s390x",
    ]);
  });

  it("luks device without a method (1.7+), at the odd luks.luks path", () => {
    const cfg: BObject = { boot_device: { luks: { device: "/dev/sda", discard: true, tang: [{}] } } };
    expect(summary(validateBootDevice(cfg, FCOS_1_7))).toEqual(["error boot_device.luks.luks: no method specified for luks"]);
    expect(validateBootDevice(cfg, FCOS_1_6)).toEqual([]);
    expect(validateBootDevice({ boot_device: { luks: { device: "/dev/sda", tang: [{ thumbprint: "" }] } } }, FCOS_1_7)).toEqual([]);
  });

  it("grub users (1.5+)", () => {
    const cfg: BObject = { grub: { users: [{ name: "root", password_hash: "h" }, {}, { name: "", password_hash: "" }] } };
    expect(summary(validateGrub(cfg, FCOS_1_5))).toEqual([
      'error grub.users.1.name: field "name" is required',
      'error grub.users.1.password_hash: field "password_hash" is required',
      'error grub.users.2.name: field "name" is required',
      'error grub.users.2.password_hash: field "password_hash" is required',
    ]);
    expect(validateGrub(cfg, FCOS_1_3)).toEqual([]);
  });
});

describe("boot_device desugaring", () => {
  it("x86_64 mirror + luks (tpm2, tang, threshold, discard)", () => {
    const { out, at } = run(spec("fcos", "1.6.0"), {
      boot_device: {
        layout: "x86_64",
        mirror: { devices: ["/dev/sda", "/dev/sdb"] },
        luks: { tpm2: true, threshold: 2, discard: true, tang: [{ url: "http://t", thumbprint: "tp" }] },
      },
    });
    const s = out.storage as { disks: Obj[]; filesystems: Obj[]; luks: Obj[]; raid: Obj[] };
    expect(s.disks).toEqual([
      {
        device: "/dev/sda",
        partitions: [
          { label: "bios-1", sizeMiB: 1, typeGuid: "21686148-6449-6E6F-744E-656564454649" },
          { label: "esp-1", sizeMiB: 127, typeGuid: "C12A7328-F81F-11D2-BA4B-00A0C93EC93B" },
          { label: "boot-1", sizeMiB: 384 },
          { label: "root-1" },
        ],
        wipeTable: true,
      },
      {
        device: "/dev/sdb",
        partitions: [
          { label: "bios-2", sizeMiB: 1, typeGuid: "21686148-6449-6E6F-744E-656564454649" },
          { label: "esp-2", sizeMiB: 127, typeGuid: "C12A7328-F81F-11D2-BA4B-00A0C93EC93B" },
          { label: "boot-2", sizeMiB: 384 },
          { label: "root-2" },
        ],
        wipeTable: true,
      },
    ]);
    expect(s.filesystems).toEqual([
      { device: "/dev/disk/by-partlabel/esp-1", format: "vfat", label: "esp-1", wipeFilesystem: true },
      { device: "/dev/disk/by-partlabel/esp-2", format: "vfat", label: "esp-2", wipeFilesystem: true },
      { device: "/dev/md/md-boot", format: "ext4", label: "boot", wipeFilesystem: true },
      { device: "/dev/mapper/root", format: "xfs", label: "root", wipeFilesystem: true },
    ]);
    expect(s.luks).toEqual([
      {
        clevis: { tang: [{ thumbprint: "tp", url: "http://t" }], threshold: 2, tpm2: true },
        device: "/dev/md/md-root",
        discard: true,
        label: "luks-root",
        name: "root",
        wipeVolume: true,
      },
    ]);
    expect(s.raid).toEqual([
      { devices: ["/dev/disk/by-partlabel/boot-1", "/dev/disk/by-partlabel/boot-2"], level: "raid1", name: "md-boot", options: ["--metadata=1.0"] },
      { devices: ["/dev/disk/by-partlabel/root-1", "/dev/disk/by-partlabel/root-2"], level: "raid1", name: "md-root" },
    ]);
    expect(Object.keys(out.storage as Obj)).toEqual(["disks", "filesystems", "luks", "raid"]);
    expect(at("storage", "disks", 1, "partitions", 2, "label")).toBe("boot_device.mirror.devices.1");
    expect(at("storage", "filesystems", 1)).toBe("boot_device.mirror.devices.1");
    expect(at("storage", "filesystems", 2, "device")).toBe("boot_device.mirror");
    expect(at("storage", "filesystems", 3, "format")).toBe("boot_device");
    expect(at("storage", "raid", 0, "devices", 1)).toBe("boot_device.mirror");
    expect(at("storage", "luks", 0, "device")).toBe("boot_device.luks");
    expect(at("storage", "luks", 0, "discard")).toBe("boot_device.luks.discard");
    expect(at("storage", "luks", 0, "clevis", "tang", 0, "url")).toBe("boot_device.luks.tang.0.url");
    expect(at("storage", "luks", 0, "clevis", "threshold")).toBe("boot_device.luks.threshold");
  });

  it("aarch64 mirror only: reserved + esp partitions, root on md-root", () => {
    const { out } = run(spec("fcos", "1.6.0"), { boot_device: { layout: "aarch64", mirror: { devices: ["/dev/vda", "/dev/vdb"] } } });
    const s = out.storage as { disks: Obj[]; filesystems: Obj[]; luks?: Obj[] };
    expect((s.disks[0]!.partitions as Obj[]).map((p) => p.label)).toEqual(["reserved-1", "esp-1", "boot-1", "root-1"]);
    expect(s.filesystems.at(-1)).toEqual({ device: "/dev/md/md-root", format: "xfs", label: "root", wipeFilesystem: true });
    expect(s.luks).toBeUndefined();
  });

  it("ppc64le mirror: prep + reserved", () => {
    const { out } = run(spec("fcos", "1.5.0"), { boot_device: { layout: "ppc64le", mirror: { devices: ["/dev/a", "/dev/b"] } } });
    const d = (out.storage as { disks: Obj[] }).disks[1]!;
    expect(d.partitions).toEqual([
      { label: "prep-2", sizeMiB: 4, typeGuid: "9E1A2D38-C612-4316-AA26-8B49521E5A8B" },
      { label: "reserved-2", sizeMiB: 1, typeGuid: "8DA63339-0007-60C0-C436-083AC8230908" },
      { label: "boot-2", sizeMiB: 384 },
      { label: "root-2" },
    ]);
    expect((out.storage as { filesystems: Obj[] }).filesystems.map((f) => f.device)).toEqual(["/dev/md/md-boot", "/dev/md/md-root"]);
  });

  it("luks only: by-partlabel root device; s390x devices; cex", () => {
    const luks = (vs: VariantSpec, bd: BObject) => (run(vs, { boot_device: bd }).out.storage as { luks: Obj[] }).luks[0]!;
    expect(luks(spec("fcos", "1.4.0"), { luks: { tpm2: true } })).toEqual({
      clevis: { tpm2: true },
      device: "/dev/disk/by-partlabel/root",
      label: "luks-root",
      name: "root",
      wipeVolume: true,
    });
    expect(luks(spec("fcos", "1.6.0"), { layout: "s390x-eckd", luks: { device: "/dev/dasda", cex: { enabled: true } } })).toEqual({
      cex: { enabled: true },
      device: "/dev/dasda2",
      label: "luks-root",
      name: "root",
      wipeVolume: true,
    });
    expect(luks(spec("fcos", "1.6.0"), { layout: "s390x-zfcp", luks: { device: "/dev/sdb", tpm2: true } }).device).toBe("/dev/sdb4");
  });

  it("user storage merges over the generated entries", () => {
    const { out, at } = run(spec("fcos", "1.6.0"), {
      boot_device: { layout: "x86_64", mirror: { devices: ["/dev/sda", "/dev/sdb"] } },
      storage: {
        disks: [
          {
            device: "/dev/sda",
            partitions: [
              { label: "root-1", size_mib: 10240 },
              { label: "var", size_mib: 0 },
            ],
          },
        ],
        filesystems: [{ device: "/dev/disk/by-partlabel/var", format: "xfs", path: "/var" }],
      },
    });
    const s = out.storage as { disks: Obj[]; filesystems: Obj[] };
    expect((s.disks[0]!.partitions as Obj[]).map((p) => [p.label, p.sizeMiB])).toEqual([
      ["bios-1", 1],
      ["esp-1", 127],
      ["boot-1", 384],
      ["root-1", 10240],
      ["var", 0],
    ]);
    expect(s.filesystems.map((f) => f.device)).toEqual([
      "/dev/disk/by-partlabel/esp-1",
      "/dev/disk/by-partlabel/esp-2",
      "/dev/md/md-boot",
      "/dev/md/md-root",
      "/dev/disk/by-partlabel/var",
    ]);
    expect(at("storage", "disks", 0, "partitions", 3, "sizeMiB")).toBe("storage.disks.0.partitions.0.size_mib");
    expect(at("storage", "disks", 0, "partitions", 4)).toBe("storage.disks.0.partitions.1");
    expect(at("storage", "filesystems", 4, "path")).toBe("storage.filesystems.0.path");
  });
});

describe("grub", () => {
  it("user.cfg text", () => {
    expect(
      grubConfig([
        { name: "root", passwordHash: "grub.pbkdf2.sha512.10000.AA" },
        { name: "admin", passwordHash: "H2" },
      ]),
    ).toBe('# Generated by Butane\n\nset superusers="root admin"\npassword_pbkdf2 root grub.pbkdf2.sha512.10000.AA\npassword_pbkdf2 admin H2\n');
  });

  it("desugars to the boot filesystem and an append, before user entries", () => {
    const { out, at } = run(spec("fcos", "1.5.0"), {
      grub: { users: [{ name: "root", password_hash: "HASH" }] },
      storage: { files: [{ path: "/etc/x", contents: { inline: "x" } }], filesystems: [{ device: "/dev/vdb", format: "xfs", path: "/var" }] },
    });
    const s = out.storage as { files: Obj[]; filesystems: Obj[] };
    expect(s.filesystems[0]).toEqual({ device: "/dev/disk/by-label/boot", format: "ext4", path: "/boot" });
    expect(s.filesystems[1]!.device).toBe("/dev/vdb");
    expect(s.files.map((f) => f.path)).toEqual(["/boot/grub2/user.cfg", "/etc/x"]);
    const append = s.files[0]!.append as Obj[];
    expect(append).toHaveLength(1);
    expect(Object.keys(s.files[0]!)).toEqual(["path", "append"]);
    expect(new TextDecoder().decode(decodeDataUrl(String(append[0]!.source))!)).toBe(
      '# Generated by Butane\n\nset superusers="root"\npassword_pbkdf2 root HASH\n',
    );
    expect(append[0]!.compression).toBe("");
    expect(at("storage", "files", 0, "append", 0, "source")).toBe("grub.users");
    expect(at("storage", "filesystems", 0, "path")).toBe("grub.users");
  });
});
