/**
 * What each fcos spec version changes, checked through the public API with our own fixtures.
 * Expectations follow upstream Butane's documented behaviour (shared/reference).
 */
import { describe, expect, it } from "vitest";
import { listSpecs, transpile, type TranspileResult } from "./index.ts";
import { createFilesProvider } from "../worker/files-provider.ts";

const bu = (version: string, body: string, variant = "fcos") => `variant: ${variant}\nversion: ${version}\n${body}`;
const enc = (s: string) => new TextEncoder().encode(s);
const files = createFilesProvider([
  { path: "motd", data: enc("hello from a local file\n"), mode: 0o644 },
  { path: "keys/core.pub", data: enc("ssh-ed25519 AAAA one\n\nssh-rsa BBBB two\r\n"), mode: 0o644 },
  { path: "units/app.service", data: enc("[Service]\nExecStart=/bin/true\n"), mode: 0o644 },
  { path: "tree/bin/run", data: enc("#!/bin/sh\n"), mode: 0o755 },
  { path: "tree/etc/app.conf", data: enc("a=b\n"), mode: 0o644 },
]);

function ok(r: TranspileResult): Record<string, any> {
  expect(r.failure, r.diagnostics.map((d) => d.message).join("\n")).toBeUndefined();
  return r.config as Record<string, any>;
}
const messages = (r: TranspileResult) => r.diagnostics.map((d) => `${d.severity}: ${d.message}`);

describe("ignition version per fcos version", () => {
  it.each(
    listSpecs()
      .filter((s) => s.variant === "fcos")
      .map((s) => [s.version, s.ignition]),
  )("fcos %s emits Ignition %s", (version, ign) => {
    expect(transpile(bu(version, "")).output).toBe(`{"ignition":{"version":"${ign}"}}\n`);
  });

  it("unknown versions and variants get upstream's fatal messages", () => {
    expect(transpile(bu("1.9.0", "")).failure).toBe("Error translating config: No translator exists for variant fcos with version 1.9.0");
    expect(transpile(bu("1.5", "")).failure).toBe("Error translating config: error parsing version; must be a valid semver");
    expect(transpile("version: 1.5.0\n").failure).toBe("Error translating config: error parsing variant; must be specified");
    expect(transpile(bu("0.1.0", "", "rhcos")).failure).toContain("rhcos variant has been removed");
  });
});

describe("1.0.0: no local, plain data URLs", () => {
  it("inline becomes a percent-encoded data URL without compression", () => {
    const c = ok(transpile(bu("1.0.0", "storage:\n  files:\n    - path: /a\n      contents:\n        inline: a b\n")));
    expect(c.storage.files[0].contents).toEqual({ source: "data:,a%20b" });
  });
  it("local is an unused key in 1.0.0", () => {
    const r = transpile(bu("1.0.0", "storage:\n  files:\n    - path: /a\n      contents:\n        local: motd\n"));
    expect(messages(r)).toEqual(["warning: unused key local"]);
  });
});

describe("1.1.0: local files, compression, trees, mount units", () => {
  it("local needs a files directory", () => {
    const r = transpile(bu("1.1.0", "storage:\n  files:\n    - path: /a\n      contents:\n        local: motd\n"));
    expect(r.failure).toBe("Error translating config: source config is invalid");
    expect(r.diagnostics[0]).toMatchObject({ path: ["storage", "files", 0, "contents", "local"], line: 7, column: 16 });
  });
  it("local reads the file and emits compression", () => {
    const c = ok(transpile(bu("1.1.0", "storage:\n  files:\n    - path: /a\n      contents:\n        local: motd\n"), { files }));
    expect(c.storage.files[0].contents.compression).toBe("");
    expect(decodeURIComponent(c.storage.files[0].contents.source.slice(6))).toBe("hello from a local file\n");
  });
  it("local may not leave the files directory", () => {
    const r = transpile(bu("1.1.0", "storage:\n  files:\n    - path: /a\n      contents:\n        local: ../etc/passwd\n"), { files });
    expect(messages(r)).toEqual(["error: local file path traverses outside the files directory"]);
  });
  it("a missing local file gives Go's error text", () => {
    const r = transpile(bu("1.1.0", "storage:\n  files:\n    - path: /a\n      contents:\n        local: nope\n"), { files });
    expect(messages(r)).toEqual(["error: open files/nope: no such file or directory"]);
  });
  it("long repetitive inline contents are gzip-compressed", () => {
    const c = ok(transpile(bu("1.1.0", `storage:\n  files:\n    - path: /a\n      contents:\n        inline: ${"a".repeat(300)}\n`)));
    expect(c.storage.files[0].contents.compression).toBe("gzip");
    expect(c.storage.files[0].contents.source.startsWith("data:;base64,H4sI")).toBe(true);
  });
  it("trees copy files with executable bits as 0755 and others as 0644", () => {
    const c = ok(transpile(bu("1.1.0", "storage:\n  trees:\n    - local: tree\n      path: /opt\n"), { files }));
    expect(c.storage.files.map((f: any) => [f.path, f.mode])).toEqual([
      ["/opt/bin/run", 0o755],
      ["/opt/etc/app.conf", 0o644],
    ]);
  });
  it("with_mount_unit generates a mount unit", () => {
    const c = ok(
      transpile(bu("1.1.0", "storage:\n  filesystems:\n    - device: /dev/vdb1\n      format: xfs\n      path: /var/data\n      with_mount_unit: true\n")),
    );
    expect(c.systemd.units[0].name).toBe("var-data.mount");
    expect(c.systemd.units[0].contents).toContain("Where=/var/data\nWhat=/dev/vdb1\nType=xfs");
  });
});

describe("1.2.0-1.3.0: luks and boot_device", () => {
  it("1.2.0 copies luks", () => {
    const c = ok(transpile(bu("1.2.0", "storage:\n  luks:\n    - name: data\n      device: /dev/vdb\n      wipe_volume: true\n")));
    expect(c.storage.luks).toEqual([{ device: "/dev/vdb", name: "data", wipeVolume: true }]);
  });
  it("boot_device is an unused key in 1.2.0 and sugar in 1.3.0", () => {
    expect(messages(transpile(bu("1.2.0", "boot_device:\n  luks:\n    tpm2: true\n")))).toEqual(["warning: unused key boot_device"]);
    const c = ok(transpile(bu("1.3.0", "boot_device:\n  luks:\n    tpm2: true\n")));
    expect(c.storage.luks[0]).toMatchObject({ device: "/dev/disk/by-partlabel/root", name: "root", label: "luks-root", clevis: { tpm2: true } });
    expect(c.storage.filesystems[0]).toMatchObject({ device: "/dev/mapper/root", format: "xfs", label: "root" });
  });
});

describe("1.4.0: kernel arguments, swap units", () => {
  it("kernel_arguments are copied", () => {
    const c = ok(transpile(bu("1.4.0", "kernel_arguments:\n  should_exist: [a=1]\n  should_not_exist: [b]\n")));
    expect(c.kernelArguments).toEqual({ shouldExist: ["a=1"], shouldNotExist: ["b"] });
  });
  it("swap filesystems with with_mount_unit get a .swap unit", () => {
    const c = ok(transpile(bu("1.4.0", "storage:\n  filesystems:\n    - device: /dev/disk/by-label/swap\n      format: swap\n      with_mount_unit: true\n")));
    expect(c.systemd.units[0].name).toBe("dev-disk-by\\x2dlabel-swap.swap");
  });
});

describe("1.5.0: contents_local, ssh_authorized_keys_local, grub", () => {
  it("unit contents_local is placed raw", () => {
    const c = ok(transpile(bu("1.5.0", "systemd:\n  units:\n    - name: app.service\n      contents_local: units/app.service\n"), { files }));
    expect(c.systemd.units[0].contents).toBe("[Service]\nExecStart=/bin/true\n");
  });
  it("ssh keys from files are appended after inline keys, blank lines skipped", () => {
    const c = ok(
      transpile(
        bu("1.5.0", "passwd:\n  users:\n    - name: core\n      ssh_authorized_keys: [inline-key]\n      ssh_authorized_keys_local: [keys/core.pub]\n"),
        { files },
      ),
    );
    expect(c.passwd.users[0].sshAuthorizedKeys).toEqual(["inline-key", "ssh-ed25519 AAAA one", "ssh-rsa BBBB two"]);
  });
  it("grub users become an appended user.cfg", () => {
    const c = ok(transpile(bu("1.5.0", "grub:\n  users:\n    - name: root\n      password_hash: grub.pbkdf2.sha512.X\n")));
    expect(c.storage.files[0].path).toBe("/boot/grub2/user.cfg");
    expect(c.storage.filesystems[0]).toMatchObject({ device: "/dev/disk/by-label/boot", format: "ext4", path: "/boot" });
  });
});

describe("1.6.0-1.8.0: cex, reuse-by-label, tree ownership, quadlets", () => {
  it("1.6.0 warns about partitions reused by label", () => {
    const r = transpile(bu("1.6.0", "storage:\n  disks:\n    - device: /dev/vdb\n      partitions:\n        - label: data\n"));
    expect(messages(r)[0]).toContain("partitions cannot be reused by label");
  });
  it("1.6.0 warns about a mirror without layout; 1.7.0 rejects it", () => {
    const body = "boot_device:\n  mirror:\n    devices: [/dev/sda, /dev/sdb]\n";
    expect(messages(transpile(bu("1.6.0", body)))).toEqual(["warning: boot_device.layout should be specified when boot_device.mirror is specified"]);
    expect(transpile(bu("1.7.0", body)).failure).toBe("Error translating config: source config is invalid");
  });
  it("1.7.0 trees set ownership and modes", () => {
    const c = ok(
      transpile(bu("1.7.0", "storage:\n  trees:\n    - local: tree\n      path: /opt\n      user: {id: 1000}\n      file_mode: 0640\n      dir_mode: 0750\n"), {
        files,
      }),
    );
    expect(c.storage.directories.map((d: any) => [d.path, d.mode])).toEqual([
      ["/opt", 0o750],
      ["/opt/bin", 0o750],
      ["/opt/etc", 0o750],
    ]);
    expect(c.storage.files.every((f: any) => f.mode === 0o640 && f.user.id === 1000)).toBe(true);
  });
  it("1.8.0-experimental quadlets become files under /etc/containers/systemd", () => {
    const c = ok(
      transpile(
        bu(
          "1.8.0-experimental",
          'systemd:\n  quadlets:\n    - name: web.container\n      rootful: true\n      contents: "[Container]\\n"\n    - name: app@1.container\n',
        ),
      ),
    );
    expect(c.storage.files[0]).toMatchObject({ path: "/etc/containers/systemd/web.container", mode: 420 });
    expect(c.storage.links[0]).toEqual({ path: "/etc/containers/systemd/users/app@1.container", target: "app@.container" });
  });
});

describe("YAML semantics Butane users get", () => {
  it("octal, YAML 1.1 booleans and a decimal-mode warning", () => {
    const r = transpile(bu("1.6.0", "storage:\n  files:\n    - path: /a\n      mode: 0644\n      overwrite: no\n    - path: /b\n      mode: 644\n"));
    const c = r.config as any;
    expect(c.storage.files[0]).toMatchObject({ mode: 420, overwrite: false });
    // 644 decimal is 0o1204: upstream also warns about the sticky bit it sets.
    expect(r.diagnostics).toEqual([
      expect.objectContaining({
        severity: "warning",
        path: ["storage", "files", 1, "mode"],
        line: 9,
        column: 13,
        message: expect.stringContaining("specified in octal"),
      }),
      expect.objectContaining({ severity: "warning", path: ["storage", "files", 1, "mode"], message: expect.stringContaining("setuid/setgid/sticky") }),
    ]);
  });
  it("type errors are fatal with yaml.v3's message", () => {
    expect(transpile(bu("1.6.0", 'storage:\n  files:\n    - path: /a\n      mode: "0644"\n')).failure).toBe(
      "Error translating config: yaml: unmarshal errors:\n  line 6: cannot unmarshal !!str `0644` into int",
    );
  });
  it("unused keys warn at the key", () => {
    const r = transpile(bu("1.6.0", "storage:\n  filez: []\n"));
    expect(r.diagnostics).toEqual([
      {
        severity: "warning",
        path: ["storage", "filez"],
        line: 4,
        column: 3,
        message: "unused key filez",
        code: "unused-key",
        hint: expect.stringContaining("spelling"),
      },
    ]);
  });
  it("--strict turns warnings into a failure", () => {
    expect(transpile(bu("1.6.0", "foo: 1\n"), { strict: true }).failure).toBe("Config produced warnings and --strict was specified");
  });
});
