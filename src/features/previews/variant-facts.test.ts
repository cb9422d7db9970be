/** The Preview speaks of the config's own OS: wording, defaults and kernel arguments per variant. */
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { transpile } from "../../transpiler/index.ts";
import { listSpecs } from "../../transpiler/versions.ts";
import { deriveDisks } from "./derive-disks.ts";
import { deriveKernel } from "./derive-kernel.ts";
import { PreviewPanel } from "./PreviewPanel.tsx";
import { firstVersionWith, variantFacts } from "./variant-facts.ts";

/** The Preview of `source` as the studio shows it (the transpiler's parsed output). */
function preview(source: string, raw = false): string {
  const r = transpile(source, { raw });
  expect(r.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  return renderToStaticMarkup(createElement(PreviewPanel, { config: r.config, variant: r.variant, version: r.version }))
    .replace(/&#x27;/g, "'")
    .replace(/<[^>]+>/g, " ")
    .replace(/\s+/g, " ");
}

const openshift = (version: string) =>
  `variant: openshift\nversion: ${version}\nmetadata:\n  name: 99-worker-custom\n  labels:\n    machineconfiguration.openshift.io/role: worker\n`;

describe("variant facts", () => {
  it("has facts for every variant Butane has", () => {
    for (const v of new Set(listSpecs().map((s) => s.variant))) {
      const f = variantFacts(v, "1.0.0");
      expect(f.variant).toBe(v);
      for (const text of [f.os, f.target, f.defaultLayout, f.noUsers, f.kernelArgs, ...f.implied]) expect(text.trim()).not.toBe("");
    }
  });

  it.each([
    { variant: "fcos", version: "1.6.0", os: "Fedora CoreOS", user: "core" },
    { variant: "flatcar", version: "1.1.0", os: "Flatcar", user: "core" },
    { variant: "r4e", version: "1.1.0", os: "RHEL for Edge", user: null },
    { variant: "fiot", version: "1.0.0", os: "Fedora IoT", user: null },
    { variant: "openshift", version: "4.16.0", os: "RHCOS", user: "core" },
  ])("$variant $version: its own OS in every empty state", ({ variant, version, os, user }) => {
    const source = variant === "openshift" ? openshift(version) : `variant: ${variant}\nversion: ${version}\n`;
    const text = preview(source);
    expect(text).toContain(`(${variant} ${version})`);
    expect(text).toContain(variantFacts(variant, version).defaultLayout);
    expect(text).toContain(variantFacts(variant, version).noUsers);
    if (os !== "Fedora CoreOS") expect(text).not.toContain("Fedora CoreOS");
    expect(variantFacts(variant, version).defaultUser).toBe(user);
    expect(text).toContain("No kernel arguments changed");
  });

  it("names the OpenShift release and the MachineConfig's pool; raw output says what it leaves out", () => {
    const mc = preview(openshift("4.16.0") + "openshift:\n  fips: true\n  kernel_type: realtime\n  extensions:\n    - usbguard\n");
    expect(mc).toContain("an OpenShift 4.16 node");
    expect(mc).toMatch(/Name 99-worker-custom Pool \(role\) worker/);
    expect(mc).toMatch(/Kernel realtime FIPS enabled/);
    expect(mc).toContain("Extensions usbguard");
    const raw = preview(openshift("4.16.0"), true);
    expect(raw).toContain("Raw Ignition (--raw)");
    expect(raw).not.toContain("Pool (role)");
  });

  it("says when the spec version cannot set kernel arguments", () => {
    // The spec registry has kernel_arguments from fcos 1.4.0 (base v0_4, Ignition 3.3.0), as upstream's v1_4 does.
    expect(firstVersionWith("fcos", "kernel_arguments")).toBe("1.4.0");
    for (const v of ["1.0.0", "1.2.0", "1.3.0"])
      expect(variantFacts("fcos", v).kernelArgs).toBe(`fcos ${v} cannot change kernel arguments: kernel_arguments arrived in fcos 1.4.0.`);
    for (const v of ["1.4.0", "1.6.0", "1.8.0-experimental"]) expect(variantFacts("fcos", v).kernelArgs).toContain("Set them under kernel_arguments");
    // What the Preview says agrees with what the transpiler does with the key at that version.
    const kargs = (v: string) => transpile(`variant: fcos\nversion: ${v}\nkernel_arguments:\n  should_exist: [quiet]\n`).diagnostics.length === 0;
    expect(kargs("1.3.0")).toBe(false);
    expect(kargs("1.4.0")).toBe(true);
    expect(variantFacts("r4e", "1.1.0").kernelArgs).toContain("refuses kernel_arguments");
  });
});

describe("kernel arguments in the Preview", () => {
  it("lists should_exist and should_not_exist from Ignition", () => {
    const r = transpile("variant: flatcar\nversion: 1.1.0\nkernel_arguments:\n  should_exist:\n    - console=ttyS0\n  should_not_exist:\n    - quiet\n");
    expect(deriveKernel(r.config)).toEqual({ shouldExist: ["console=ttyS0"], shouldNotExist: ["quiet"], machineConfig: null });
    const text = preview("variant: flatcar\nversion: 1.1.0\nkernel_arguments:\n  should_exist:\n    - console=ttyS0\n  should_not_exist:\n    - quiet\n");
    expect(text).toMatch(/console=ttyS0 added if missing/);
    expect(text).toMatch(/quiet removed if present/);
  });

  it("lists openshift.kernel_arguments from the MachineConfig's spec", () => {
    const r = transpile(openshift("4.16.0") + "openshift:\n  kernel_arguments:\n    - nosmt\n");
    expect(deriveKernel(r.config).machineConfig?.kernelArguments).toEqual(["nosmt"]);
    expect(preview(openshift("4.16.0") + "openshift:\n  kernel_arguments:\n    - nosmt\n")).toMatch(/nosmt added by the MachineConfig/);
  });

  it("never throws on garbage", () => {
    for (const x of [null, 1, "x", [], { kind: "MachineConfig", metadata: { labels: { a: 1 } } }, { kernelArguments: { shouldExist: [1, "a"] } }]) {
      expect(() => deriveKernel(x)).not.toThrow();
    }
    expect(deriveKernel({ kernelArguments: { shouldExist: [1, "a"] } }).shouldExist).toEqual(["a"]);
  });
});

describe("the boot disk of each image", () => {
  it("numbers new Flatcar partitions after its nine and names its ROOT partition", () => {
    const r = transpile(
      "variant: flatcar\nversion: 1.1.0\nstorage:\n  disks:\n    - device: /dev/disk/by-id/coreos-boot-disk\n      partitions:\n        - label: data\n  filesystems:\n    - device: /dev/disk/by-partlabel/ROOT\n      format: ext4\n      wipe_filesystem: false\n",
    );
    const v = deriveDisks(r.config, variantFacts("flatcar").image);
    expect(v.disks[0]?.note).toBe("the disk Flatcar booted from");
    expect(v.disks[0]?.partitions[0]?.effectiveNumber).toBe(10);
    expect(v.external[0]?.note).toBe("existing Flatcar ROOT partition");
    // The same config read as Fedora CoreOS would number it 5.
    expect(deriveDisks(r.config).disks[0]?.partitions[0]?.effectiveNumber).toBe(5);
  });
});
