import { describe, expect, it } from "vitest";
import { Provenance, type Obj } from "../translate/provenance.ts";
import { mergeConfigs } from "./merge.ts";

const p = () => new Provenance();

describe("mergeConfigs", () => {
  it("child scalars win, parent fills the rest, keys in Ignition order", () => {
    const parent: Obj = { storage: { filesystems: [{ device: "/dev/a", format: "xfs", label: "root", wipeFilesystem: true }] } };
    const child: Obj = { ignition: { version: "3.5.0" }, storage: { filesystems: [{ device: "/dev/a", format: "ext4", path: "/var" }] } };
    const out = mergeConfigs(p(), parent, child);
    expect(out).toEqual({
      ignition: { version: "3.5.0" },
      storage: { filesystems: [{ device: "/dev/a", format: "ext4", label: "root", path: "/var", wipeFilesystem: true }] },
    });
    expect(Object.keys((out.storage as { filesystems: Obj[] }).filesystems[0]!)).toEqual(["device", "format", "label", "path", "wipeFilesystem"]);
  });

  it("generated entries first, unmatched child entries after", () => {
    const parent: Obj = { storage: { disks: [{ device: "/dev/sda" }, { device: "/dev/sdb" }] } };
    const child: Obj = { storage: { disks: [{ device: "/dev/sdc" }, { device: "/dev/sdb", wipeTable: false }] } };
    const out = mergeConfigs(p(), parent, child);
    expect((out.storage as { disks: Obj[] }).disks).toEqual([{ device: "/dev/sda" }, { device: "/dev/sdb", wipeTable: false }, { device: "/dev/sdc" }]);
  });

  it("partitions merge by number, else by label", () => {
    const parent: Obj = { storage: { disks: [{ device: "/d", partitions: [{ label: "boot-1", sizeMiB: 384 }, { label: "root-1" }] }] } };
    const child: Obj = {
      storage: {
        disks: [
          {
            device: "/d",
            partitions: [
              { label: "root-1", sizeMiB: 8192 },
              { number: 5, label: "var" },
            ],
          },
        ],
      },
    };
    const out = mergeConfigs(p(), parent, child);
    expect((out.storage as { disks: Obj[] }).disks[0]!.partitions as Obj[]).toEqual([
      { label: "boot-1", sizeMiB: 384 },
      { label: "root-1", sizeMiB: 8192 },
      { label: "var", number: 5 },
    ]);
  });

  it("ignore-duplicates lists are concatenated", () => {
    const parent: Obj = { storage: { files: [{ path: "/f", append: [{ source: "data:,a" }] }], luks: [{ name: "root", options: ["--a"] }] } };
    const child: Obj = { storage: { files: [{ path: "/f", append: [{ source: "data:,a" }] }], luks: [{ name: "root", options: ["--a", "--b"] }] } };
    const out = mergeConfigs(p(), parent, child);
    const s = out.storage as { files: Obj[]; luks: Obj[] };
    expect(s.files[0]!.append).toEqual([{ source: "data:,a" }, { source: "data:,a" }]);
    expect(s.luks[0]!.options).toEqual(["--a", "--a", "--b"]);
  });

  it("files, directories and links share one key space", () => {
    const parent: Obj = { storage: { files: [{ path: "/boot/grub2/user.cfg" }, { path: "/keep" }] } };
    const child: Obj = { storage: { directories: [{ path: "/boot/grub2/user.cfg" }] } };
    const out = mergeConfigs(p(), parent, child);
    expect(out.storage).toEqual({ directories: [{ path: "/boot/grub2/user.cfg" }], files: [{ path: "/keep" }] });
  });

  it("child duplicates of a parent key collapse into the merged entry (last wins)", () => {
    const parent: Obj = { systemd: { units: [{ contents: "gen", enabled: true, name: "a.mount" }] } };
    const child: Obj = { systemd: { units: [{ enabled: false, name: "a.mount" }, { mask: true, name: "a.mount" }, { name: "b.service" }] } };
    const out = mergeConfigs(p(), parent, child);
    expect((out.systemd as { units: Obj[] }).units).toEqual([{ contents: "gen", enabled: true, mask: true, name: "a.mount" }, { name: "b.service" }]);
  });

  it("an HTTP header without value removes the parent's", () => {
    const parent: Obj = {
      ignition: {
        config: {
          replace: {
            httpHeaders: [
              { name: "A", value: "1" },
              { name: "B", value: "2" },
            ],
            source: "http://x",
          },
        },
      },
    };
    const child: Obj = { ignition: { config: { replace: { httpHeaders: [{ name: "A" }] } } } };
    const out = mergeConfigs(p(), parent, child);
    expect(out).toEqual({ ignition: { config: { replace: { httpHeaders: [{ name: "B", value: "2" }], source: "http://x" } } } });
  });

  it("provenance: child wins where both contribute, each side keeps its own otherwise", () => {
    const prov = p();
    const parent: Obj = prov.mark({}, []);
    const pu = prov.mark({ contents: "gen", enabled: true, name: "x.mount" }, ["storage", "filesystems", 0, "with_mount_unit"]);
    for (const k of Object.keys(pu)) prov.markKey(pu, k, ["storage", "filesystems", 0, "with_mount_unit"]);
    const pl = prov.mark([pu], ["storage", "filesystems"]);
    prov.markKey(pl, 0, ["storage", "filesystems", 0, "with_mount_unit"]);
    const ps = prov.mark({ units: pl }, ["storage", "filesystems"]);
    prov.markKey(ps, "units", ["storage", "filesystems"]);
    parent.systemd = ps;
    prov.markKey(parent, "systemd", ["storage", "filesystems"]);

    const child: Obj = prov.mark({}, []);
    const cu = prov.mark({ enabled: false, name: "x.mount" }, ["systemd", "units", 0]);
    prov.markKey(cu, "enabled", ["systemd", "units", 0, "enabled"]);
    prov.markKey(cu, "name", ["systemd", "units", 0, "name"]);
    const cl = prov.mark([cu], ["systemd", "units"]);
    prov.markKey(cl, 0, ["systemd", "units", 0]);
    const cs = prov.mark({ units: cl }, ["systemd"]);
    prov.markKey(cs, "units", ["systemd", "units"]);
    child.systemd = cs;
    prov.markKey(child, "systemd", ["systemd"]);

    const out = mergeConfigs(prov, parent, child);
    const ts = prov.translationSet(out);
    const at = (...path: (string | number)[]) => ts.get(path.map(String).join("\u0000"))?.join(".");
    expect(at("systemd")).toBe("systemd");
    expect(at("systemd", "units")).toBe("systemd.units");
    expect(at("systemd", "units", 0)).toBe("systemd.units.0");
    expect(at("systemd", "units", 0, "contents")).toBe("storage.filesystems.0.with_mount_unit");
    expect(at("systemd", "units", 0, "enabled")).toBe("systemd.units.0.enabled");
  });

  it("zero non-pointer scalars lose their provenance (Ignition's transcript skips them)", () => {
    const prov = p();
    const child: Obj = prov.mark({}, []);
    const fs = prov.mark({ device: "", format: "" }, ["storage", "filesystems", 0]);
    prov.markKey(fs, "device", ["storage", "filesystems", 0, "device"]);
    prov.markKey(fs, "format", ["storage", "filesystems", 0, "format"]);
    const fl = prov.mark([fs], ["storage", "filesystems"]);
    prov.markKey(fl, 0, ["storage", "filesystems", 0]);
    const st = prov.mark({ filesystems: fl }, ["storage"]);
    prov.markKey(st, "filesystems", ["storage", "filesystems"]);
    child.storage = st;
    prov.markKey(child, "storage", ["storage"]);
    const parent: Obj = { storage: { filesystems: [{ device: "/dev/md/md-root", format: "xfs" }] } };
    const out = mergeConfigs(prov, parent, child);
    const ts = prov.translationSet(out);
    const at = (...path: (string | number)[]) => ts.get(path.map(String).join("\u0000"))?.join(".");
    expect(at("storage", "filesystems", 1, "device")).toBeUndefined();
    expect(at("storage", "filesystems", 1, "format")).toBe("storage.filesystems.0.format");
    expect(at("storage", "filesystems", 1)).toBe("storage.filesystems.0");
  });
});
