/**
 * Ignition spec 2 → Butane: every example of Ignition's spec 2 docs and ign-converter's test
 * configs import and transpile back to the spec 3 conversion; the conversion matches the spec 3
 * configs ign-converter's tests expect; what spec 3 cannot say is an error with a clear message.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { transpile } from "../../transpiler/index.ts";
import { importConfig } from "../index.ts";
import { convertSpec2 } from "./convert.ts";
import { normalizeSpec2 } from "./index.ts";

const data = (name: string) => JSON.parse(readFileSync(join(import.meta.dirname, "../testdata/spec2", name), "utf8"));
const examples: { name: string; config: object }[] = [...data("examples.json"), ...data("migrating.json")];
const conv = data("ign-converter.json");

describe("Ignition spec 2 docs' examples", () => {
  // A partition with neither number nor label ("add one anywhere") is valid in spec 2.1 only.
  const inexpressible = ["2.1: partition GUIDs"];

  it("all import as verified Butane (fcos and flatcar), but the one spec 3 cannot express", () => {
    const failed: string[] = [];
    let ok = 0;
    for (const variant of ["fcos", "flatcar"]) {
      for (const ex of examples) {
        const r = importConfig(JSON.stringify(ex.config), { variant });
        if (r.ok && r.verified && r.source.kind === "ignition-2") ok++;
        else if (!inexpressible.includes(ex.name)) failed.push(`${variant} ${ex.name}: ${r.ok ? JSON.stringify(r.findings) : r.error}`);
      }
    }
    console.log(`spec 2 doc examples: ${ok}/${examples.length * 2} imported and verified (fcos + flatcar)`);
    expect(failed).toEqual([]);
    expect(ok).toBe((examples.length - inexpressible.length) * 2);
    const r = importConfig(JSON.stringify(examples.find((e) => e.name === inexpressible[0])!.config));
    expect(r.ok ? "" : r.error).toBe(
      "converted to spec 3, the config is not valid for fcos 1.7.0 (a partition number >= 1 or a label must be specified at storage.disks[0].partitions[0])",
    );
  });

  it("reads deprecated 2.0 fields as their successors", () => {
    const r = importConfig(JSON.stringify(examples.find((e) => e.name === "2.0: passwd create object")!.config));
    expect(r.ok && r.butane).toContain("uid: 1010");
    expect(r.ok && r.butane).toContain("no_user_group: true");
    const raid = importConfig(JSON.stringify(examples.find((e) => e.name === "create a RAID-enabled data volume")!.config));
    expect(raid.ok && raid.butane).toContain("size_mib: 10");
    // the mount unit says where the RAID filesystem is mounted, so nothing needs a mapping
    expect(raid.ok && raid.verified).toBe(true);
  });

  it("turns networkd units and drop-ins into files", () => {
    const r = importConfig(JSON.stringify(examples.find((e) => e.name === "2.2: networkd dropins")!.config));
    expect(r.ok && r.butane).toContain("path: /etc/systemd/network/zz-default.network.d/disable-dhcp.conf");
  });
});

describe("ign-converter's test configs", () => {
  it("convert to the spec 3 configs ign-converter's tests expect", () => {
    const opts = { flatcar: false, filesystemPaths: conv.fsMap };
    expect(convertSpec2(normalizeSpec2(conv.exhaustive2_3, []), { ...opts, version: "3.0.0" }).config).toEqual(conv.exhaustive3_0);
    expect(convertSpec2(normalizeSpec2(conv.exhaustive2_4, []), { ...opts, version: "3.1.0" }).config).toEqual(conv.nonexhaustive3_1);
  });

  it("import and transpile back to that conversion", () => {
    let ok = 0;
    const names = ["exhaustive2_2", "exhaustive2_3", "exhaustive2_4"];
    for (const name of names) {
      const r = importConfig(JSON.stringify(conv[name]), { filesystemPaths: conv.fsMap });
      expect(r.ok, name).toBe(true);
      if (!r.ok) continue;
      expect(r.verified, name).toBe(true);
      const out = transpile(r.butane, { raw: true });
      expect(out.failure).toBeUndefined();
      ok++;
    }
    // pinned to the versions ign-converter targets: the same spec 3 config, through Butane
    const r30 = importConfig(JSON.stringify(conv.exhaustive2_3), { version: "1.0.0", filesystemPaths: conv.fsMap });
    expect(r30.ok && r30.verified).toBe(true);
    if (r30.ok) expect(transpile(r30.butane).config).toMatchObject({ ignition: { version: "3.0.0" } });
    console.log(`ign-converter test configs: ${ok}/${names.length} imported and verified`);
  });

  it("need a mount path for a filesystem that nodes are written to (ign-converter's error)", () => {
    const r = importConfig(JSON.stringify(conv.exhaustive2_3));
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.error).toBe(
        'Config defined filesystem "/var" but no mapping was defined. Please specify a path to be used as the filesystem mountpoint (--fs-path /var=PATH).',
      );
    // Flatcar's Ignition mounts such a filesystem under /tmp while it runs
    const f = importConfig(JSON.stringify(conv.exhaustive2_3), { variant: "flatcar" });
    expect(f.ok && f.verified).toBe(true);
    expect(f.ok && f.butane).toContain("path: /tmp/var-ign1/varfile"); // Flatcar's /tmp//var-ign1, simplified
  });
});

describe("what spec 3 cannot express", () => {
  const cfg = (storage: object, extra: object = {}) => JSON.stringify({ ignition: { version: "2.3.0" }, storage, ...extra });
  const error = (text: string) => {
    const r = importConfig(text);
    return r.ok ? "(imported)" : r.error;
  };
  it("two nodes at one path", () => {
    const files = [{ filesystem: "root", path: "/etc/a", contents: { source: "data:,x" } }];
    expect(error(cfg({ files, directories: [{ filesystem: "root", path: "/etc/a" }] }))).toBe(
      'Config has conflicting inodes: "File: /etc/a" and "Directory: /etc/a".  All files, directories and links must specify a unique `path`.',
    );
  });
  it("a node under a link the config creates", () => {
    const links = [{ filesystem: "root", path: "/etc/l", target: "/var" }];
    expect(error(cfg({ links, files: [{ filesystem: "root", path: "/etc/l/x" }] }))).toBe(
      'File: /etc/l/x uses link defined in config "/etc/l". Please use a link not defined in Storage:Links',
    );
  });
  it("a duplicate drop-in, a duplicate unit", () => {
    const units = [{ name: "a.service", dropins: [{ name: "x.conf" }, { name: "x.conf" }] }];
    expect(error(cfg({}, { systemd: { units } }))).toContain('duplicate dropin name "x.conf" in unit "a.service"');
    expect(error(cfg({}, { systemd: { units: [{ name: "a.service" }, { name: "a.service" }] } }))).toContain('duplicate unit name "a.service"');
  });
  it("a create without force, a size in sectors that is not whole MiB", () => {
    expect(error(cfg({ filesystems: [{ name: "d", mount: { device: "/dev/sdb", format: "ext4", create: {} } }] }))).toContain(
      "a mount.create without force has no spec 3 equivalent",
    );
    expect(error(cfg({ disks: [{ device: "/dev/sdb", partitions: [{ number: 1, size: 1000 }] }] }))).toContain("not a whole number of MiB");
  });
  it("a file on a filesystem the system had already mounted", () => {
    const filesystems = [{ name: "boot", path: "/boot" }];
    expect(error(cfg({ filesystems, files: [{ filesystem: "boot", path: "/x" }] }))).toContain("spec 3 cannot write nodes to it");
  });
});
