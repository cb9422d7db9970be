/** The target table (every row dated and sourced) and the compatibility guard with its move. */
import { describe, expect, it } from "vitest";
import { listSpecs, transpile } from "../index.ts";
import { TARGETS, findTarget, maxSpecOfIgnition, newestAcceptedVersion, targetAccepts } from "./targets.ts";
import { PLATFORMS } from "./platforms.ts";
import { tryMoveToVersion, withVersion } from "./target-guard.ts";

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

describe("the tables", () => {
  it.each([...TARGETS.map((t) => ["target", t.id, t] as const), ...PLATFORMS.map((p) => ["platform", p.id, p] as const)])(
    "%s %s cites a source and a date",
    (_kind, _id, row) => {
      expect(row.sources.length).toBeGreaterThan(0);
      for (const s of row.sources) expect(s).toMatch(/^https:\/\/[a-z0-9.-]+\.[a-z]{2,}\//);
      expect(row.checked).toMatch(ISO_DATE);
      expect(row.note.length).toBeGreaterThan(30);
    },
  );
  it("ids are unique and cover the targets the guard promises", () => {
    const ids = TARGETS.map((t) => t.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const want of [
      "fcos-stable",
      "fcos-testing",
      "fcos-next",
      "rhcos-4.12",
      "rhcos-4.22",
      "flatcar-stable",
      "flatcar-beta",
      "flatcar-alpha",
      "flatcar-lts",
      "r4e",
      "fiot",
      "coreos-installer",
    ]) {
      expect(ids).toContain(want);
    }
    const platforms = PLATFORMS.map((p) => p.id);
    for (const want of ["aws", "azure", "gcp", "digitalocean", "hetzner", "openstack", "vultr", "equinix-metal", "vmware", "qemu"])
      expect(platforms).toContain(want);
  });
  it("the newest spec of an Ignition release follows Ignition's spec table", () => {
    expect(maxSpecOfIgnition("2.14.0")).toBe("3.3.0");
    expect(maxSpecOfIgnition("2.15.0")).toBe("3.4.0");
    expect(maxSpecOfIgnition("2.19.0")).toBe("3.4.0");
    expect(maxSpecOfIgnition("2.24.0")).toBe("3.5.0");
    expect(maxSpecOfIgnition("2.26.0")).toBe("3.6.0");
  });
  it("acceptance: stable specs up to the newest, experimental only the one listed", () => {
    const fcos = findTarget("fcos-stable")!;
    expect(targetAccepts(fcos, "3.0.0")).toBe(true);
    expect(targetAccepts(fcos, "3.6.0")).toBe(true);
    expect(targetAccepts(fcos, "3.7.0-experimental")).toBe(false);
    expect(targetAccepts(findTarget("fcos-next")!, "3.7.0-experimental")).toBe(true);
    expect(targetAccepts(findTarget("flatcar-stable")!, "3.6.0")).toBe(false);
    expect(targetAccepts(findTarget("flatcar-stable")!, "3.7.0-experimental")).toBe(false);
    expect(newestAcceptedVersion(listSpecs(), "fcos", findTarget("flatcar-lts")!)?.version).toBe("1.5.0");
    expect(newestAcceptedVersion(listSpecs(), "openshift", findTarget("rhcos-4.18")!)?.version).toBe("4.18.0");
  });
});

const guard = (source: string, target: string) => transpile(source, { lint: { target } }).findings?.filter((f) => f.code === "target-spec-too-new") ?? [];

describe("the guard", () => {
  const fcos17 = "# my machine\nvariant: fcos\nversion: 1.7.0 # newest\nstorage:\n  files:\n    - path: /etc/motd\n      contents:\n        inline: hi\n";
  it("fires when the target's Ignition cannot read the spec, with the version to move to", () => {
    const [f] = guard(fcos17, "flatcar-stable");
    expect(f).toBeDefined();
    expect(f!.line).toBe(3);
    expect(f!.column).toBe(10);
    expect(f!.data).toMatchObject({ target: "flatcar-stable", ignitionVersion: "3.6.0", maxSpec: "3.5.0", newestVersion: "1.6.0", moveOk: true });
  });
  it("stays quiet when the target reads it, and without a target", () => {
    expect(guard(fcos17, "fcos-stable")).toEqual([]);
    expect(transpile(fcos17, { lint: true }).findings).toEqual([]);
    expect(guard("variant: fcos\nversion: 1.8.0-experimental\n", "fcos-next")).toEqual([]);
    expect(guard("variant: fcos\nversion: 1.8.0-experimental\n", "fcos-stable")[0]?.data).toMatchObject({ newestVersion: "1.7.0", moveOk: true });
    expect(guard("variant: fcos\nversion: 1.8.0-experimental\n", "flatcar-beta")).toHaveLength(1);
  });
  it("OpenShift: a spec newer than the cluster's MCO reads", () => {
    const src = "variant: openshift\nversion: 4.22.0\nmetadata:\n  name: x\n  labels:\n    machineconfiguration.openshift.io/role: worker\n";
    expect(guard(src, "rhcos-4.22")).toEqual([]);
    expect(guard(src, "rhcos-4.18")[0]?.data?.newestVersion).toBe("4.18.0");
  });
  it("lists the fields that block the move (fields newer than that spec)", () => {
    const src = "variant: fcos\nversion: 1.7.0\nstorage:\n  directories:\n    - path: /srv/shared\n      mode: 01777\n";
    const [f] = guard(src, "flatcar-stable");
    expect(f?.data?.moveOk).toBe(false);
    expect(f?.data?.blockers).toEqual([expect.stringMatching(/^\$\.storage\.directories\.0\.mode: setuid\/setgid\/sticky bits are not supported/)]);
  });
});

describe("moving a config to another version", () => {
  it("rewrites only the version value, comments and quoting kept", () => {
    expect(withVersion("variant: fcos\nversion: 1.7.0 # newest\n", "1.6.0")).toBe("variant: fcos\nversion: 1.6.0 # newest\n");
    expect(withVersion('variant: fcos\nversion: "1.7.0"\n', "1.6.0")).toBe('variant: fcos\nversion: "1.6.0"\n');
    expect(withVersion("variant: fcos\n", "1.6.0")).toBeNull();
  });
  it("proves the move by transpiling again", () => {
    const src = "variant: fcos\nversion: 1.7.0\npasswd:\n  users:\n    - name: core\n";
    const r = tryMoveToVersion(src, "1.5.0", transpile);
    expect(r).toEqual({ ok: true, version: "1.5.0", source: src.replace("1.7.0", "1.5.0") });
    expect(transpile(r.ok ? r.source : "").output).not.toBeNull();
  });
  it("a field the older spec lacks blocks it", () => {
    // `grub` is new in fcos 1.5.0.
    const src = "variant: fcos\nversion: 1.6.0\ngrub:\n  users:\n    - name: root\n      password_hash: grub.pbkdf2.sha512.10000.AB.CD\n";
    const r = tryMoveToVersion(src, "1.4.0", transpile);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.blockers.map((b) => b.path)).toEqual(["$.grub"]);
  });
});
