import { describe, expect, it } from "vitest";
import { lookupSpec, type VariantSpec } from "../spec/variants.ts";
import { newContext } from "../translate/context.ts";
import { translateBase } from "../translate/base.ts";
import type { BObject } from "../decode.ts";
import type { Obj } from "../translate/provenance.ts";
import { openshiftHooks } from "./openshift.ts";
import { flatcarHooks, r4eHooks, runFilters } from "./filters.ts";
import { hooksFor } from "./index.ts";
import { transpile } from "../pipeline.ts";

function spec(variant: string, version: string): VariantSpec {
  const vs = lookupSpec(variant, version);
  if (!vs) throw new Error(`no ${variant} ${version}`);
  return vs;
}

const summary = (entries: { severity: string; space: string; path: readonly (string | number)[]; message: string }[]) =>
  entries.map((e) => `${e.severity} ${e.space}:${e.path.join(".")}: ${e.message}`);

const meta = { name: "99-worker", labels: { "machineconfiguration.openshift.io/role": "worker" } };

function translate(vs: VariantSpec, cfg: BObject, raw = false) {
  const ctx = newContext(vs, undefined);
  const out = openshiftHooks.sugar!(ctx, cfg, translateBase(ctx, cfg));
  return { ctx, out, check: openshiftHooks.check!(ctx, cfg, out, raw), filter: openshiftHooks.filter!(vs, out, cfg, raw) };
}

describe("openshift source validation", () => {
  it("metadata and kernel_type", () => {
    const vs = spec("openshift", "4.14.0");
    expect(summary(openshiftHooks.validatePost!({ metadata: { labels: {} }, openshift: { kernel_type: "rt" } }, vs))).toEqual([
      "error yaml:metadata.name: metadata.name is required",
      "error yaml:metadata.labels: machineconfiguration.openshift.io/role label is required",
      'error yaml:openshift.kernel_type: must be empty, "default", or "realtime"',
    ]);
    expect(openshiftHooks.validatePost!({ metadata: meta, openshift: { kernel_type: "" } }, vs)).toEqual([]);
  });

  it("CEX needs the key-file kernel argument (4.19+), once per source", () => {
    const cfg: BObject = {
      metadata: meta,
      boot_device: { layout: "s390x-eckd", luks: { device: "/dev/dasda", cex: { enabled: true } } },
      storage: { luks: [{ name: "root", device: "/dev/x", cex: { enabled: true } }] },
    };
    expect(openshiftHooks.validatePre!(cfg, spec("openshift", "4.19.0")).map((e) => e.path.join("."))).toEqual([
      "openshift.kernel_arguments",
      "openshift.kernel_arguments",
    ]);
    expect(openshiftHooks.validatePre!({ ...cfg, openshift: { kernel_arguments: ["rd.luks.key=/etc/luks/cex.key"] } }, spec("openshift", "4.19.0"))).toEqual(
      [],
    );
    expect(openshiftHooks.validatePre!(cfg, spec("openshift", "4.18.0"))).toEqual([]);
  });

  it("fcos Config-level rules do not apply to openshift", () => {
    const cfg: BObject = { metadata: meta, storage: { filesystems: [{ device: "/dev/a", format: "xfs", path: "/opt", with_mount_unit: true }] } };
    expect(openshiftHooks.validatePre!(cfg, spec("openshift", "4.22.0"))).toEqual([]);
  });
});

describe("openshift translation", () => {
  it("FIPS cipher options on every LUKS volume (4.8–4.19)", () => {
    const cfg: BObject = {
      metadata: meta,
      openshift: { fips: true },
      boot_device: { luks: { tpm2: true } },
      storage: {
        luks: [
          { name: "a", device: "/dev/a", options: ["--cipher=aes"] },
          { name: "b", device: "/dev/b", options: ["-x"] },
        ],
      },
    };
    const { out, ctx } = translate(spec("openshift", "4.19.0"), cfg);
    const luks = (out.storage as { luks: Obj[] }).luks;
    expect(luks.map((l) => l.options)).toEqual([["--cipher", "aes-cbc-essiv:sha256"], ["--cipher=aes"], ["-x", "--cipher", "aes-cbc-essiv:sha256"]]);
    const ts = ctx.prov.translationSet(out);
    expect(ts.get(["storage", "luks", 0, "options", 1].join("\u0000"))).toEqual(["openshift", "fips"]);
    expect(ts.get(["storage", "luks", 2, "options", 0].join("\u0000"))).toEqual(["storage", "luks", 1, "options", 0]);
    const { out: out20 } = translate(spec("openshift", "4.20.0"), cfg);
    expect((out20.storage as { luks: Obj[] }).luks[0]!.options).toBeUndefined();
  });

  it("support checks in order; raw mode prints them unmapped and warns about elided fields", () => {
    const cfg: BObject = {
      metadata: meta,
      openshift: { fips: false, kernel_arguments: [] },
      passwd: { users: [{ name: "core" }, { name: "other" }] },
      storage: {
        files: [
          { path: "/etc/r", contents: { source: "https://example.com/x" } },
          { path: "/etc/s", mode: 0o2755 },
        ],
        filesystems: [
          { device: "/dev/a", format: "none" },
          { device: "/dev/b", format: "btrfs" },
        ],
      },
    };
    const { check } = translate(spec("openshift", "4.18.0"), cfg);
    expect(summary(check)).toEqual([
      "error json:storage.filesystems.1.format: btrfs is not supported in this spec version",
      'error json:storage.filesystems.0.format: format "none" is not supported in this spec version',
      "error json:storage.files.0.contents.source: file contents source must be data URL in this spec version",
      "error json:storage.files.1.mode: special mode bits are not supported in this spec version",
      'error json:passwd.users.1.name: users other than "core" are not supported in this spec version',
    ]);
    const raw = translate(spec("openshift", "4.9.0"), cfg, true).check;
    expect(summary(raw)).toEqual([
      "error yaml:spec.config.storage.filesystems.1.format: btrfs is not supported in this spec version",
      "error yaml:spec.config.storage.files.0.contents.source: file contents source must be data URL in this spec version",
      'error yaml:spec.config.passwd.users.1.name: users other than "core" are not supported in this spec version',
      "warning yaml:openshift.kernel_arguments: field ignored in raw mode",
      "warning yaml:openshift.fips: field ignored in raw mode",
    ]);
  });

  it("field filters by version, none in raw mode", () => {
    const cfg: BObject = {
      metadata: meta,
      kernel_arguments: { should_exist: ["a"] },
      passwd: { users: [{ name: "core", password_hash: "x", uid: 5 }], groups: [{ name: "g" }] },
      storage: {
        directories: [{ path: "/d" }],
        files: [{ path: "/f", contents: { compression: "gzip", source: "data:,x", http_headers: [{ name: "a", value: "b" }] }, append: [{ inline: "y" }] }],
        links: [{ path: "/l", target: "/t" }],
      },
    };
    expect(summary(translate(spec("openshift", "4.9.0"), cfg).filter)).toEqual([
      "error json:passwd.groups: groups are not supported in this spec version",
      'error json:passwd.users.0.passwordHash: fields other than "name", "ssh_authorized_keys", and "password_hash" (4.13.0+) are not supported in this spec version',
      'error json:passwd.users.0.uid: fields other than "name", "ssh_authorized_keys", and "password_hash" (4.13.0+) are not supported in this spec version',
      "error json:storage.directories: directories are not supported in this spec version",
      "error json:storage.files.0.append: appending to files is not supported in this spec version",
      "error json:storage.files.0.contents.compression: file compression is not supported in this spec version",
      "error json:storage.files.0.contents.httpHeaders: file HTTP headers are not supported in this spec version",
      "error json:storage.links: links are not supported in this spec version",
    ]);
    const f14 = summary(translate(spec("openshift", "4.14.0"), cfg).filter);
    expect(f14[0]).toBe(
      "error json:kernelArguments: this section cannot be used for kernel arguments in this spec version; use openshift.kernel_arguments instead",
    );
    expect(f14.some((l) => l.includes("passwordHash") || l.includes("compression"))).toBe(false);
    expect(translate(spec("openshift", "4.14.0"), cfg, true).filter).toEqual([]);
  });

  it("grub: append filtered in 4.14–4.22, moved into contents in 4.23-exp", () => {
    const cfg: BObject = { metadata: meta, grub: { users: [{ name: "root", password_hash: "H" }] } };
    const r22 = translate(spec("openshift", "4.22.0"), cfg);
    expect(summary(r22.filter)).toEqual(["error json:storage.files.0.append: appending to files is not supported in this spec version"]);
    expect(r22.ctx.prov.translationSet(r22.out).get(["storage", "files", 0, "append"].join("\u0000"))).toEqual(["grub", "users"]);
    const r23 = translate(spec("openshift", "4.23.0-experimental"), cfg);
    const file = (r23.out.storage as { files: Obj[] }).files[0]!;
    expect(Object.keys(file)).toEqual(["path", "contents"]);
    expect(r23.filter).toEqual([]);
  });

  it("MachineConfig wrapper omission rules, raw passthrough", () => {
    const vs = spec("openshift", "4.14.0");
    const cfg: BObject = { metadata: meta, openshift: { kernel_arguments: [], extensions: ["usbguard"], fips: false, kernel_type: "" } };
    const config: Obj = { ignition: { version: "3.4.0" } };
    const w = openshiftHooks.wrap!(vs, cfg, config, false);
    expect(w.format).toBe("yaml");
    expect(w.jsonPrefix).toEqual(["spec", "config"]);
    expect(w.value).toEqual({
      apiVersion: "machineconfiguration.openshift.io/v1",
      kind: "MachineConfig",
      metadata: { name: "99-worker", labels: { "machineconfiguration.openshift.io/role": "worker" } },
      spec: { config, extensions: ["usbguard"], fips: false, kernelType: "" },
    });
    const raw = openshiftHooks.wrap!(vs, cfg, config, true);
    expect(raw).toEqual({ value: config, format: "json", jsonPrefix: [], entries: [] });
  });
});

describe("flatcar / r4e / fiot filters", () => {
  const luksOut: Obj = {
    kernelArguments: { shouldExist: ["x"] },
    storage: {
      disks: [{ device: "/d" }],
      luks: [
        { cex: { enabled: false }, name: "a" },
        { clevis: { tpm2: true }, name: "b" },
      ],
    },
  };
  it("flatcar", () => {
    expect(summary(flatcarHooks.filter!(spec("flatcar", "1.1.0"), luksOut, {}))).toEqual([
      "error json:storage.luks.1.clevis: clevis is not supported in this spec version",
    ]);
    expect(summary(flatcarHooks.filter!(spec("flatcar", "1.2.0-experimental"), luksOut, {}))).toEqual([
      "error json:storage.luks.0.cex: cex is not currently supported on the target platform",
    ]);
  });
  it("r4e and fiot", () => {
    expect(summary(r4eHooks.filter!(spec("r4e", "1.0.0"), luksOut, {}))).toEqual([
      "error json:kernelArguments: kernel argument customization is not supported in this spec version",
      "error json:storage.disks: disk customization is not supported in this spec version",
      "error json:storage.luks: luks is not supported in this spec version",
    ]);
    expect(hooksFor(spec("fiot", "1.0.0"))).toBe(r4eHooks);
  });
  it("empty values are not reported", () => {
    expect(runFilters({ storage: { luks: [{ name: "a" }] } }, new Map([["storage.luks.clevis", "x"]]))).toEqual([]);
  });
});

describe("openshift path mapping through the pipeline", () => {
  const src = (version: string) =>
    `variant: openshift\nversion: ${version}\nmetadata:\n  name: x\n  labels:\n    machineconfiguration.openshift.io/role: worker\n` +
    `passwd:\n  users:\n    - name: ""\n      ssh_authorized_keys: [a]\n    - name: bob\n`;
  const paths = (version: string, raw = false) => transpile(src(version), { raw }).diagnostics.map((d) => d.path.join("."));
  it("an empty (zero) user name loses its translation in the always-run grub merge (4.14+)", () => {
    expect(paths("4.14.0")).toEqual(["spec.config.passwd.users.0.name", "passwd.users.1.name"]);
  });
  it("no merge before 4.14 without filesystems: mapped", () => {
    expect(paths("4.13.0")).toEqual(["passwd.users.0.name", "passwd.users.1.name"]);
  });
  it("raw: support checks are never mapped", () => {
    expect(paths("4.13.0", true)).toEqual(["spec.config.passwd.users.0.name", "spec.config.passwd.users.1.name"]);
  });
});
