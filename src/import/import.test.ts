/**
 * The importer on configs made for the purpose: each kind of sugar comes back when Butane made it
 * (and only then), the input kinds are recognized, and unimportable input is a clear error.
 */
import { describe, expect, it } from "vitest";
import { transpile } from "../transpiler/index.ts";
import { importConfig } from "./index.ts";
import { unmergeConfig } from "./unmerge.ts";

/** The Ignition (or MachineConfig) text `butane` transpiles to. */
function ign(butane: string, raw = true): string {
  const r = transpile(butane, { raw, pretty: true });
  if (r.output === null) throw new Error(r.failure);
  return r.output;
}

function imported(text: string, options = {}) {
  const r = importConfig(text, options);
  if (!r.ok) throw new Error(r.error);
  expect(r.verified).toBe(true);
  return r;
}

describe("sugar comes back", () => {
  it("boot_device: LUKS with TPM2 and Tang, mirrored over two disks (layout written out)", () => {
    const src = `variant: fcos
version: 1.6.0
boot_device:
  layout: aarch64
  luks:
    tpm2: true
    tang:
      - url: https://tang.example.com
        thumbprint: REPLACE-THIS
    threshold: 2
  mirror:
    devices: [/dev/sda, /dev/sdb]
`;
    const r = imported(ign(src));
    expect(r.stats.bootDevice).toBe(1);
    expect(r.butane).toBe(`variant: fcos
version: 1.6.0
boot_device:
  layout: aarch64
  luks:
    tang:
      - thumbprint: REPLACE-THIS
        url: https://tang.example.com
    threshold: 2
    tpm2: true
  mirror:
    devices:
      - /dev/sda
      - /dev/sdb
`);
  });

  it("boot_device with the user's own root partition size on a mirrored disk", () => {
    const src = `variant: fcos
version: 1.6.0
boot_device:
  layout: x86_64
  mirror:
    devices: [/dev/sda, /dev/sdb]
storage:
  disks:
    - device: /dev/sda
      partitions:
        - label: root-1
          size_mib: 10240
    - device: /dev/sdb
      partitions:
        - label: root-2
          size_mib: 10240
`;
    const r = imported(ign(src));
    expect(r.butane).toContain("boot_device:\n  layout: x86_64\n  mirror:");
    expect(r.butane).toContain("- label: root-1\n          size_mib: 10240");
    expect(r.butane).not.toContain("bios-1");
  });

  it("grub.users from the generated user.cfg", () => {
    const r = imported(ign("variant: fcos\nversion: 1.6.0\ngrub:\n  users:\n    - name: root\n      password_hash: grub.pbkdf2.sha512.10000.AA.BB\n"));
    expect(r.butane).toBe("variant: fcos\nversion: 1.6.0\ngrub:\n  users:\n    - name: root\n      password_hash: grub.pbkdf2.sha512.10000.AA.BB\n");
  });

  it("with_mount_unit, also behind a TPM/Tang LUKS volume (remote-fs) and for swap", () => {
    const src = `variant: fcos
version: 1.6.0
storage:
  luks:
    - name: data
      device: /dev/vdb
      clevis:
        tang:
          - url: https://tang.example.com
            thumbprint: T
  filesystems:
    - device: /dev/mapper/data
      format: xfs
      path: /var/data
      with_mount_unit: true
    - device: /dev/vdc
      format: swap
      with_mount_unit: true
`;
    const r = imported(ign(src));
    expect(r.stats.foldedMountUnits).toBe(2);
    expect(r.butane).not.toContain("systemd:");
  });

  it("a hand-written mount unit stays a unit", () => {
    const src =
      "variant: fcos\nversion: 1.6.0\nsystemd:\n  units:\n    - name: var-data.mount\n      enabled: true\n      contents: |\n        [Mount]\n        What=/dev/vdb\n        Where=/var/data\n        [Install]\n        WantedBy=local-fs.target\n";
    const r = imported(ign(src));
    expect(r.stats).toMatchObject({ mountUnits: 1, foldedMountUnits: 0 });
    expect(r.butane).toContain("name: var-data.mount");
  });

  it("openshift FIPS: the cipher Butane adds to LUKS volumes is not written out again", () => {
    const src = `variant: openshift
version: 4.8.0
metadata:
  name: fips-luks
  labels:
    machineconfiguration.openshift.io/role: worker
openshift:
  fips: true
boot_device:
  luks:
    tpm2: true
storage:
  luks:
    - name: data
      device: /dev/vdb
      options: [--verbose]
      clevis:
        tpm2: true
`;
    const r = imported(ign(src, false));
    expect(r.butane).toContain("boot_device:\n  luks:\n    tpm2: true\n");
    expect(r.butane).toContain('options:\n        - "--verbose"\n');
    expect(r.butane).not.toContain("aes-cbc-essiv");
  });

  it("a MachineConfig: metadata and openshift fields", () => {
    const src = `variant: openshift
version: 4.19.0
metadata:
  name: 99-worker-custom
  labels:
    machineconfiguration.openshift.io/role: worker
openshift:
  kernel_arguments: [loglevel=7]
  extensions: [usbguard]
  fips: true
storage:
  files:
    - path: /etc/motd
      mode: 0644
      contents:
        inline: hi
`;
    const r = imported(ign(src, false));
    expect(r.source.kind).toBe("machineconfig");
    expect(r.variant).toBe("openshift");
    expect(r.butane).toContain("metadata:\n  name: 99-worker-custom\n  labels:\n    machineconfiguration.openshift.io/role: worker\n");
    expect(r.butane).toContain("openshift:\n  kernel_arguments:\n    - loglevel=7\n  extensions:\n    - usbguard\n  fips: true\n");
  });
});

describe("input kinds and errors", () => {
  it("picks the newest version of the variant that emits the config's Ignition version", () => {
    expect(imported('{"ignition":{"version":"3.2.0"}}').version).toBe("1.3.0");
    expect(imported('{"ignition":{"version":"3.2.0"}}', { variant: "openshift" }).version).toBe("4.13.0");
    expect(imported('{"ignition":{"version":"3.4.0"}}', { variant: "flatcar" }).version).toBe("1.1.0");
  });
  it("an openshift import of raw Ignition has placeholder metadata, said so", () => {
    const r = imported('{"ignition":{"version":"3.5.0"}}', { variant: "openshift" });
    expect(r.findings.map((f) => f.code)).toContain("import-placeholder-metadata");
  });
  it("keys Ignition does not know are left out, each with a finding", () => {
    const r = imported('{"ignition":{"version":"3.4.0"},"storage":{"files":[{"path":"/x","bogus":1}]}}');
    expect(r.findings).toContainEqual(expect.objectContaining({ code: "import-unknown-key", path: ["storage", "files", 0, "bogus"] }));
  });
  it.each([
    ["", "the input is empty"],
    ["[1]", "the input is not a config: expected a JSON or YAML object at the top"],
    ['{"ignitionVersion":1}', "this is an Ignition spec 1 config; only spec 2.x and 3.x can be imported"],
    ['{"ignition":{"version":"4.0.0"}}', "unsupported Ignition version 4.0.0"],
    ['{"storage":{}}', "the JSON has no ignition.version, so it is not an Ignition config"],
    ['{"ignition":{"version":"3.4.0"},"storage":{"files":[{"path":"/x","mode":"0644"}]}}', 'storage.files[0].mode must be an integer, not "0644"'],
    [
      '{"ignition":{"version":"3.4.0"},"storage":{"files":[{"path":"relative"}]}}',
      "the config is not valid for fcos 1.5.0 (path not absolute at storage.files[0].path)",
    ],
    ["hello: world\n", "this is not a Container Linux Config: it has none of"],
  ])("%j: %s", (text, error) => {
    const r = importConfig(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toContain(error);
  });
});

describe("unmergeConfig", () => {
  it("inverts the merge: the parent's entries first, the child's kept or added", () => {
    const parent = { systemd: { units: [{ name: "a.mount", contents: "x", enabled: true }] } };
    expect(unmergeConfig(parent, { systemd: { units: [{ name: "a.mount", contents: "x", enabled: true }, { name: "b.service" }] } })).toEqual({
      systemd: { units: [{ name: "b.service" }] },
    });
    expect(unmergeConfig(parent, { systemd: { units: [{ name: "a.mount", contents: "x", enabled: true, dropins: [{ name: "d.conf" }] }] } })).toEqual({
      systemd: { units: [{ name: "a.mount", dropins: [{ name: "d.conf" }] }] },
    });
  });
  it("refuses what no merge gives: missing or reordered entries", () => {
    const parent = { systemd: { units: [{ name: "a.mount" }] } };
    expect(unmergeConfig(parent, { systemd: { units: [{ name: "b.service" }, { name: "a.mount" }] } })).toBeNull();
    expect(unmergeConfig(parent, {})).toBeNull();
  });
});
