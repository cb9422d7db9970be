/**
 * Empty structs in the output, per Ignition version, as Butane marshals them: encoding/json with
 * `omitempty` (clarketm/json also omits a struct whose members are all empty) over Ignition's
 * types (config/v3_X/types/schema.go): a struct field is dropped when all its members are
 * empty, a list item never is, and a pointer (3.2's Luks.Clevis and Clevis.Custom) is dropped
 * only when nil.
 */
import { describe, expect, it } from "vitest";
import { listSpecs, transpile } from "../index.ts";

const FCOS: [string, string][] = listSpecs()
  .filter((s) => s.variant === "fcos")
  .map((s) => [s.version, s.ignition]);
const minor = (v: string) => Number(v.split(".")[1]);

function out(version: string, body: string): string {
  const r = transpile(`variant: fcos\nversion: ${version}\n${body}`);
  expect(r.failure, r.diagnostics.map((d) => d.message).join("; ")).toBeUndefined();
  return r.output ?? "";
}

describe("empty structs are omitted where upstream omits them", () => {
  it.each(FCOS)("fcos %s (Ignition %s): every empty ignition section goes, ignition itself stays", (version, ign) => {
    // (3.0's replace is a ConfigReference that writes a nil source as null: empty all the same)
    const proxy = minor(version) >= 1 ? "  proxy: {no_proxy: []}\n" : "";
    const body = `ignition:\n  config: {merge: [], replace: {verification: {}}}\n${proxy}  security: {tls: {certificate_authorities: []}}\n  timeouts: {}\n`;
    expect(out(version, body)).toBe(`{"ignition":{"version":"${ign}"}}\n`);
  });

  it.each(FCOS)("fcos %s: empty sections of a file go, the file (a list item) stays", (version) => {
    const body =
      "storage:\n  files:\n    - path: /a\n      user: {}\n      group: {name: ~}\n      contents: {verification: {}}\n  directories:\n    - {path: /d, user: {}}\n";
    expect(out(version, body)).toContain('"storage":{"directories":[{"path":"/d"}],"files":[{"path":"/a"}]}');
  });

  it.each(FCOS)("fcos %s: a member that is set, even to a zero value, keeps its struct", (version) => {
    // a *int set to 0 or a *string set to "" is no nil pointer: its struct is not empty
    const body = "storage:\n  files:\n    - path: /a\n      user: {id: 0}\n      group: {name: ''}\n";
    expect(out(version, body)).toContain('"group":{"name":""},"path":"/a","user":{"id":0}');
  });

  it.each(FCOS)("fcos %s: empty top-level sections go", (version) => {
    const ka = minor(version) >= 4 ? "kernel_arguments: {should_exist: []}\n" : "";
    expect(out(version, `${ka}passwd: {users: []}\nstorage: {files: []}\nsystemd: {units: []}\n`)).toMatch(/^\{"ignition":\{"version":"[^"]+"\}\}\n$/);
  });

  it.each(FCOS.filter(([v]) => minor(v) >= 2))("fcos %s: luks sub-structs", (version, ign) => {
    const body = (clevis: string) => `storage:\n  luks:\n    - name: a\n      device: /dev/vda\n      key_file: {}\n      clevis: ${clevis}\n`;
    const luks = (clevis: string) => /"luks":\[(\{.*?\})\]/.exec(out(version, body(clevis)))?.[1];
    if (ign === "3.2.0") {
      // *Clevis and *Custom: written whenever given, empty or not
      expect(luks("{}")).toBe('{"clevis":{},"device":"/dev/vda","name":"a"}');
      expect(luks("{tang: []}")).toBe('{"clevis":{},"device":"/dev/vda","name":"a"}');
      expect(luks("{custom: {}}")).toBe('{"clevis":{"custom":{"config":"","pin":""}},"device":"/dev/vda","name":"a"}');
      expect(luks("~")).toBe('{"device":"/dev/vda","name":"a"}');
    } else {
      expect(luks("{}")).toBe('{"device":"/dev/vda","name":"a"}');
      expect(luks("{tang: [], custom: {}}")).toBe('{"device":"/dev/vda","name":"a"}');
      expect(luks("{tpm2: false}")).toBe('{"clevis":{"tpm2":false},"device":"/dev/vda","name":"a"}');
    }
  });

  it("3.5+: an empty cex goes, one set to false stays", () => {
    const body = (cex: string) => `storage:\n  luks:\n    - name: a\n      device: /dev/vda\n      cex: ${cex}\n`;
    for (const version of ["1.6.0", "1.7.0"]) {
      expect(out(version, body("{}"))).toContain('"luks":[{"device":"/dev/vda","name":"a"}]');
      expect(out(version, body("{enabled: false}"))).toContain('"luks":[{"cex":{"enabled":false},"device":"/dev/vda","name":"a"}]');
    }
  });

  it("a 3.2 clevis given as null is a nil pointer: no output, and no context warning", () => {
    for (const version of ["1.2.0", "1.3.0"]) {
      const r = transpile(`variant: fcos\nversion: ${version}\nstorage:\n  luks:\n    - name: a\n      device: /dev/vda\n      clevis: ~\n`);
      expect(r.diagnostics).toEqual([]);
    }
    // from 3.3 on it is a struct, which upstream's walk still visits (and finds no mapping)
    const r = transpile("variant: fcos\nversion: 1.4.0\nstorage:\n  luks:\n    - name: a\n      device: /dev/vda\n      clevis: ~\n");
    expect(r.diagnostics.map((d) => d.message)).toEqual([
      "context tree does not match content tree at $.storage.luks.0.clevis. Line and column reporting may be inconsistent. Unused keys may not be reported",
    ]);
  });

  it("openshift 4.8 (Ignition 3.2) writes an empty clevis too, in the MachineConfig", () => {
    const r = transpile(
      "variant: openshift\nversion: 4.8.0\nmetadata:\n  name: a\n  labels:\n    machineconfiguration.openshift.io/role: worker\nstorage:\n  luks:\n    - name: a\n      device: /dev/vda\n      clevis: {}\n",
    );
    expect(r.output).toContain("        - clevis: {}\n");
  });
});
