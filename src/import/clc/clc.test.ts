/**
 * Container Linux Config → flatcar Butane: every example of ct's docs imports and transpiles
 * with no error; the units, drop-ins and files match what ct documents and generates; comments
 * are carried over; ct's own errors stay errors.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { transpile } from "../../transpiler/index.ts";
import { importConfig } from "../index.ts";

const DIR = join(import.meta.dirname, "../testdata/clc");
const examples = readdirSync(DIR)
  .filter((f) => f.endsWith(".yaml") && f !== "commented.yaml")
  .sort();
const read = (f: string) => readFileSync(join(DIR, f), "utf8");
const platformOf = (f: string) => (f.split(".").length === 3 ? f.split(".")[1] : undefined);

/** The Ignition config the imported Butane transpiles to. */
function ignitionOf(text: string, platform?: string): any {
  const r = importConfig(text, { from: "clc", ...(platform ? { platform } : {}) });
  if (!r.ok) throw new Error(r.error);
  const t = transpile(r.butane, {
    files: {
      root: "files",
      read: () => ({ ok: true, data: new Uint8Array() }),
      lstat: () => ({ ok: true, stat: { kind: "file", mode: 0o644 } }),
      readdir: () => ({ ok: false, error: "not-found" }),
    },
  });
  if (t.failure) throw new Error(t.failure);
  return t.config;
}
const unit = (cfg: any, name: string) => cfg.systemd.units.find((u: any) => u.name === name);
const fileText = (cfg: any, path: string) => {
  const f = cfg.storage.files.find((x: any) => x.path === path);
  const src: string = f.contents.source;
  const data = src.startsWith("data:;base64,") ? Buffer.from(src.slice(13), "base64") : Buffer.from(decodeURIComponent(src.slice(6)));
  return (f.contents.compression === "gzip" ? gunzipSync(data) : data).toString();
};

describe("ct's documented examples", () => {
  it("all import as flatcar Butane that transpiles with no error and gives the converted config back", () => {
    const failed: string[] = [];
    for (const f of examples) {
      const r = importConfig(read(f), { from: "clc", ...(platformOf(f) ? { platform: platformOf(f)! } : {}) });
      if (!r.ok || !r.verified || r.variant !== "flatcar") {
        failed.push(`${f}: ${r.ok ? JSON.stringify(r.findings.filter((x) => x.severity !== "info")) : r.error}`);
        continue;
      }
      const t = transpile(r.butane);
      if (t.failure || t.diagnostics.some((d) => d.severity === "error")) failed.push(`${f}: ${t.failure}`);
    }
    console.log(`ct doc examples: ${examples.length - failed.length}/${examples.length} imported, verified and transpiled with no error`);
    expect(failed).toEqual([]);
  });

  it("etcd with --platform=ec2 gives the drop-in doc/dynamic-data.md shows", () => {
    const cfg = ignitionOf(read("dynamic-data-02.ec2.yaml"), "ec2");
    const etcd = unit(cfg, "etcd-member.service");
    expect(etcd.enabled).toBe(true);
    expect(etcd.dropins).toEqual([
      {
        name: "20-clct-etcd-member.conf",
        contents: [
          "[Unit]",
          "Requires=coreos-metadata.service",
          "After=coreos-metadata.service",
          "",
          "[Service]",
          "EnvironmentFile=/run/metadata/coreos",
          'Environment="ETCD_IMAGE_TAG=v3.0.15"',
          "ExecStart=",
          "ExecStart=/usr/lib/coreos/etcd-wrapper $ETCD_OPTS \\",
          '  --name="${COREOS_EC2_HOSTNAME}" \\',
          '  --listen-peer-urls="http://${COREOS_EC2_IPV4_LOCAL}:2380" \\',
          '  --listen-client-urls="http://0.0.0.0:2379" \\',
          '  --initial-advertise-peer-urls="http://${COREOS_EC2_IPV4_LOCAL}:2380" \\',
          '  --initial-cluster="${COREOS_EC2_HOSTNAME}=http://${COREOS_EC2_IPV4_LOCAL}:2380" \\',
          '  --advertise-client-urls="http://${COREOS_EC2_IPV4_LOCAL}:2379"',
        ].join("\n"),
      },
    ]);
  });

  it("dynamic data needs a platform, as in ct", () => {
    const r = importConfig(read("examples-10.ec2.yaml"), { from: "clc" });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(/^platform must be specified to use templating/);
  });

  it("update and locksmith become /etc/coreos/update.conf as ct writes it", () => {
    const cfg = ignitionOf(read("examples-11.yaml"));
    expect(fileText(cfg, "/etc/coreos/update.conf")).toBe(
      'GROUP=beta\nREBOOT_STRATEGY="etcd-lock"\nLOCKSMITHD_REBOOT_WINDOW_START="Sun 1:00"\nLOCKSMITHD_REBOOT_WINDOW_LENGTH="2h"',
    );
  });

  it("networkd units become files under /etc/systemd/network; files get ct's default mode", () => {
    const cfg = ignitionOf(read("examples-09.yaml"));
    expect(fileText(cfg, "/etc/systemd/network/static.network")).toBe("[Match]\nName=enp2s0\n\n[Network]\nAddress=192.168.0.15/24\nGateway=192.168.0.1\n");
    const motd = ignitionOf("storage:\n  files:\n    - path: /etc/motd\n      filesystem: root\n      contents:\n        inline: hi\n");
    expect(motd.storage.files[0].mode).toBe(0o644);
  });

  it("docker and flannel become ct's drop-ins", () => {
    const cfg = ignitionOf(
      'docker:\n  flags:\n    - --insecure-registry=10.0.0.0/8\n    - --debug\nflannel:\n  version: 0.7.0\n  etcd_endpoints: "http://10.0.0.1:2379"\n  interface: eth1\n  network_config: \'{"Network": "10.2.0.0/16"}\'\n',
    );
    expect(unit(cfg, "docker.service")).toEqual({
      name: "docker.service",
      enabled: true,
      dropins: [{ name: "20-clct-docker.conf", contents: '[Service]\nEnvironment="DOCKER_OPTS=--insecure-registry=10.0.0.0/8 --debug"' }],
    });
    expect(unit(cfg, "flanneld.service").dropins[0].contents).toBe(
      [
        "[Service]",
        'Environment="FLANNEL_IMAGE_TAG=v0.7.0"',
        "ExecStart=",
        "ExecStart=/usr/lib/coreos/flannel-wrapper $FLANNEL_OPTS \\",
        '  --etcd-endpoints="http://10.0.0.1:2379" \\',
        '  --iface="eth1"',
        'ExecStartPre=/usr/bin/etcdctl --endpoints="http://10.0.0.1:2379" set /coreos.com/network/config "{\\"Network\\": \\"10.2.0.0/16\\"}"',
      ].join("\n"),
    );
  });

  it("partition sizes with units and type GUID aliases", () => {
    const cfg = ignitionOf(
      "storage:\n  disks:\n    - device: /dev/sdb\n      wipe_table: true\n      partitions:\n        - label: data\n          number: 1\n          size: 2GiB\n          type_guid: raid_partition\n",
    );
    expect(cfg.storage.disks[0].partitions[0]).toMatchObject({ label: "data", number: 1, sizeMiB: 2048, typeGuid: "a19d880f-05fc-4d3b-a006-743f0f84911e" });
    const r = importConfig("storage:\n  disks:\n    - device: /dev/sdb\n      partitions:\n        - size: 1000KiB\n", { from: "clc" });
    expect(r.ok ? "" : r.error).toContain("finest granularity is 1MiB");
  });
});

describe("comments", () => {
  it("are carried over to the matching Butane nodes", () => {
    const r = importConfig(read("commented.yaml"), { from: "clc" });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.verified).toBe(true);
    const y = r.butane;
    expect(y.startsWith("# Web node, provisioned by ct since 2017\n")).toBe(true);
    expect(y).toMatch(/# the admin account\n\s+- name: core/);
    expect(y).toMatch(/# motd for humans\n\s+- path: \/etc\/motd/);
    expect(y).toMatch(/mode: 0644 # world-readable/);
    expect(y).toMatch(/# the app itself\n\s+- name: web.service/);
    expect(y).toMatch(/# reboot at night only\n\s+- path: \/etc\/coreos\/update.conf/);
    expect(y).toMatch(/# static address\n\s+- path: \/etc\/systemd\/network\/00-eth0.network/);
    expect(r.stats.comments).toBe(7);
  });
});
