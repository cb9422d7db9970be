/**
 * The typed decode as yaml.v3 (decode.go, resolve.go) does it into Butane's Go types: the Go type
 * names in its errors per spec version, the message shapes, tags on scalars, Go's int range and
 * merge keys. Expectations follow yaml.v3 v3.0.1's source and Butane 0.29.0's schema.go files.
 */
import { describe, expect, it } from "vitest";
import { transpile } from "./index.ts";

const FAIL = "Error translating config: ";
const typeErrors = (...lines: string[]) => `${FAIL}yaml: unmarshal errors:\n  ${lines.join("\n  ")}`;

function config(variant: string, version: string, body: string): string {
  const meta = variant === "openshift" ? "metadata:\n  name: a\n  labels:\n    machineconfiguration.openshift.io/role: worker\n" : "";
  return `variant: ${variant}\nversion: ${version}\n${meta}${body}`;
}

/** Line of the first body line (after variant, version and openshift's metadata). */
const first = (variant: string) => (variant === "openshift" ? 7 : 3);

describe("Go type names in yaml.v3's type errors, per spec version", () => {
  it.each([
    // [variant, version, body, line offset, Go type]
    ["fcos", "1.0.0", "storage:\n  files: {}\n", 1, "[]v0_1.File"],
    ["fcos", "1.1.0", "storage:\n  files: {}\n", 1, "[]v0_2.File"],
    ["fcos", "1.5.0", "storage:\n  files: {}\n", 1, "[]v0_5.File"],
    ["fcos", "1.8.0-experimental", "storage:\n  files: {}\n", 1, "[]v0_8_exp.File"],
    ["flatcar", "1.0.0", "systemd:\n  units: {}\n", 1, "[]v0_4.Unit"],
    ["r4e", "1.1.0", "systemd:\n  units: {}\n", 1, "[]v0_5.Unit"],
    ["fiot", "1.0.0", "passwd: []\n", 0, "v0_5.Passwd"],
    ["openshift", "4.8.0", "storage: []\n", 0, "v0_3.Storage"],
    ["openshift", "4.18.0", "storage: []\n", 0, "v0_5.Storage"],
    // struct types, renamed across versions
    ["fcos", "1.0.0", "storage:\n  files:\n    - path: /a\n      contents: x\n", 3, "v0_1.FileContents"],
    ["fcos", "1.0.0", "ignition:\n  config:\n    replace: x\n", 2, "v0_1.ConfigReference"],
    ["fcos", "1.0.0", "ignition:\n  security:\n    tls:\n      certificate_authorities: [x]\n", 3, "v0_1.CaReference"],
    ["fcos", "1.1.0", "storage:\n  files:\n    - path: /a\n      contents: x\n", 3, "v0_2.Resource"],
    ["fcos", "1.2.0", "storage:\n  luks:\n    - name: a\n      clevis:\n        custom: x\n", 4, "v0_3.Custom"],
    ["fcos", "1.4.0", "storage:\n  luks:\n    - name: a\n      clevis:\n        custom: x\n", 4, "v0_4.ClevisCustom"],
    // named string and slice types
    ["fcos", "1.0.0", "storage:\n  raid:\n    - name: a\n      devices: [[x]]\n", 3, "v0_1.Device"],
    ["fcos", "1.0.0", "storage:\n  raid:\n    - name: a\n      options: [[x]]\n", 3, "v0_1.RaidOption"],
    ["fcos", "1.5.0", "storage:\n  raid:\n    - name: a\n      options: [[x]]\n", 3, "string"],
    ["fcos", "1.0.0", "storage:\n  filesystems:\n    - device: /dev/a\n      options: [[x]]\n", 3, "v0_1.FilesystemOption"],
    ["fcos", "1.1.0", "storage:\n  filesystems:\n    - device: /dev/a\n      options: [[x]]\n", 3, "string"],
    ["fcos", "1.2.0", "storage:\n  luks:\n    - name: a\n      options: [{}]\n", 3, "v0_3.LuksOption"],
    ["fcos", "1.6.0", "storage:\n  luks:\n    - name: a\n      options: [{}]\n", 3, "string"],
    ["fcos", "1.5.0", "passwd:\n  users:\n    - name: a\n      groups: [{}]\n", 3, "v0_5.Group"],
    ["fcos", "1.7.0", "passwd:\n  users:\n    - name: a\n      ssh_authorized_keys: [[]]\n", 3, "v0_7.SSHAuthorizedKey"],
    ["fcos", "1.4.0", "kernel_arguments:\n  should_not_exist: [[x]]\n", 1, "v0_4.KernelArgument"],
    ["fcos", "1.1.0", "storage:\n  files:\n    - path: /a\n      contents:\n        http_headers: x\n", 4, "v0_2.HTTPHeaders"],
    ["fcos", "1.8.0-experimental", "systemd:\n  quadlets:\n    - name: a.container\n      dropins: {}\n", 3, "[]v0_8_exp.Dropin"],
    // variant packages: fcos types in fcos's package, openshift's in its own
    ["fcos", "1.5.0", "boot_device: []\n", 0, "v1_5.BootDevice"],
    ["fcos", "1.6.0", "boot_device:\n  luks:\n    cex: []\n", 2, "v0_6.Cex"],
    ["fcos", "1.7.0", "grub:\n  users: [x]\n", 1, "v1_7.GrubUser"],
    ["openshift", "4.14.0", "boot_device:\n  mirror: x\n", 1, "v1_5.BootDeviceMirror"],
    ["openshift", "4.19.0", "openshift: []\n", 0, "v4_19.OpenShift"],
    ["openshift", "4.23.0-experimental", "openshift: []\n", 0, "v4_23_exp.OpenShift"],
  ])("%s %s: %j into %s", (variant, version, body, offset, goType) => {
    const r = transpile(config(variant, version, body));
    const line = first(variant) + offset;
    expect(r.failure).toMatch(new RegExp(`^${FAIL}yaml: unmarshal errors:\\n  line ${line}: cannot unmarshal !!\\w+( \`[^\`]*\`)? into `));
    expect(r.failure?.endsWith(` into ${goType}`)).toBe(true);
  });

  it("prints a pointer type only where yaml.v3 keeps the pointer: a node tagged !!null that is no null", () => {
    expect(transpile(config("fcos", "1.5.0", "storage:\n  files:\n    - path: /a\n      mode: !!null [1]\n")).failure).toBe(
      typeErrors("line 6: cannot unmarshal !!null `` into *int"),
    );
    expect(transpile(config("fcos", "1.5.0", "storage:\n  files:\n    - path: !!null [1]\n")).failure).toBe(
      typeErrors("line 5: cannot unmarshal !!null `` into string"),
    );
    expect(transpile(config("fcos", "1.2.0", "storage:\n  luks:\n    - name: a\n      clevis: !!null [1]\n")).failure).toBe(
      typeErrors("line 6: cannot unmarshal !!null `` into *v0_3.Clevis"),
    );
    expect(transpile(config("openshift", "4.10.0", "openshift:\n  fips: !!null {}\n")).failure).toBe(
      typeErrors("line 8: cannot unmarshal !!null `` into *bool"),
    );
  });

  it("names the root struct when a key decodes to a field already set", () => {
    // `dmVyc2lvbg==` is base64 for `version`: a different key text, the same field
    expect(transpile(config("fcos", "1.5.0", "!!binary dmVyc2lvbg==: 1.5.0\n")).failure).toBe(
      `${FAIL}Error unmarshaling yaml: yaml: unmarshal errors:\n  line 3: field version already set in type config.commonFields`,
    );
    expect(transpile(config("fcos", "1.5.0", "storage:\n  files: []\n  !!binary ZmlsZXM=: []\n")).failure).toBe(
      typeErrors("line 5: field files already set in type v0_5.Storage"),
    );
  });
});

describe("yaml.v3's message shapes", () => {
  const mode = (value: string, version = "1.5.0") => transpile(config("fcos", version, `storage:\n  files:\n    - path: /a\n      mode: ${value}\n`)).failure;
  it.each([
    ["abc", "!!str `abc` into int"],
    ['"420"', "!!str `420` into int"],
    ["abcdefghij", "!!str `abcdefghij` into int"],
    ["abcdefghijk", "!!str `abcdefg...` into int"],
    ["true", "!!bool `true` into int"],
    ["2001-12-14", "!!timestamp `2001-12-14` into int"],
    ["[1]", "!!seq into int"],
    ["{a: 1}", "!!map into int"],
    ["!!str [1]", "!!str `` into int"],
    ["!foo {a: 1}", "!foo `` into int"],
    ["!foo 420", "!foo `420` into int"],
    ["|\n        420", "!!str `420\n` into int"],
  ])("mode: %s → %s", (value, shape) => {
    expect(mode(value)).toBe(typeErrors(`line 6: cannot unmarshal ${shape}`));
  });

  it("cuts a long value after 7 bytes, even inside a character (the cut byte is kept as it is)", () => {
    // é is 2 bytes: 7 bytes are three é and the first byte of the fourth
    expect(mode("éééééééé")).toBe(typeErrors("line 6: cannot unmarshal !!str `ééé\udcc3...` into int"));
    expect(mode("ééééé")).toBe(typeErrors("line 6: cannot unmarshal !!str `ééééé` into int"));
    expect(mode("éééééé")).toBe(typeErrors("line 6: cannot unmarshal !!str `ééé\udcc3...` into int"));
  });

  it("collects every type error in document order, across kinds", () => {
    const r = transpile(
      config("fcos", "1.6.0", "storage:\n  files:\n    - path: [a]\n      overwrite: 1\n      contents: x\n      mode: y\n  directories: {}\n"),
    );
    expect(r.failure).toBe(
      typeErrors(
        "line 5: cannot unmarshal !!seq into string",
        "line 6: cannot unmarshal !!int `1` into bool",
        "line 7: cannot unmarshal !!str `x` into v0_6.Resource",
        "line 8: cannot unmarshal !!str `y` into int",
        "line 9: cannot unmarshal !!map into []v0_6.Directory",
      ),
    );
  });

  it("reports mapping keys that do not decode into a string", () => {
    expect(transpile(config("fcos", "1.5.0", "storage:\n  ? [a]\n  : 1\n")).failure).toBe(typeErrors("line 4: cannot unmarshal !!seq into string"));
    expect(transpile(config("fcos", "1.5.0", "? {a: 1}\n: 1\n")).failure).toBe(
      `${FAIL}Error unmarshaling yaml: yaml: unmarshal errors:\n  line 3: cannot unmarshal !!map into string`,
    );
  });

  it("decodes YAML 1.1 booleans only into bools, and not quoted true", () => {
    const wipe = (v: string) => transpile(config("fcos", "1.5.0", `storage:\n  disks:\n    - device: /dev/vda\n      wipe_table: ${v}\n`));
    for (const [v, want] of [
      ["yes", true],
      ["Off", false],
      ["y", true],
      ["ON", true],
      ["!!str yes", true],
      ["'no'", false],
    ] as const) {
      expect(wipe(v).output, v).toContain(`"wipeTable":${want}`);
    }
    expect(wipe('"true"').failure).toBe(typeErrors("line 6: cannot unmarshal !!str `true` into bool"));
    expect(wipe("1").failure).toBe(typeErrors("line 6: cannot unmarshal !!int `1` into bool"));
  });
});

describe("YAML tags on scalars, as yaml.v3 resolves and decodes them", () => {
  const file = (fields: string, version = "1.5.0") => transpile(config("fcos", version, `storage:\n  files:\n    - path: /a\n${fields}`));
  const fileOut = (fields: string, version = "1.5.0") => {
    const r = file(fields, version);
    expect(r.failure).toBeUndefined();
    return (r.config as { storage: { files: Record<string, unknown>[] } }).storage.files[0];
  };

  it.each([
    ["!!int 0644", 420],
    ["!!int 0o644", 420],
    ["!!int 0x1A4", 420],
    ["!!float 420", 420],
    ["!<tag:yaml.org,2002:int> 420", 420],
    ["! 420", 420],
    ["1_0_0", 100],
    ["0b110100100", 420],
    ["420.9", 420],
  ])("mode: %s decodes to %i", (value, want) => {
    expect(fileOut(`      mode: ${value}\n`, "1.6.0")?.mode).toBe(want);
  });

  it.each([
    ["!!str /etc/a", "/etc/a"],
    ["!<tag:yaml.org,2002:str> /etc/a", "/etc/a"],
    ["!local /etc/a", "/etc/a"],
    ["!!binary L2V0Yy9h", "/etc/a"],
    ["!!float /etc/a", undefined],
  ] as [string, string | undefined][])("path: %s", (value, want) => {
    const r = transpile(config("fcos", "1.5.0", `storage:\n  files:\n    - path: ${value}\n`));
    if (want === undefined) expect(r.failure).toBe(`${FAIL}yaml: cannot decode !!str \`/etc/a\` as a !!float`);
    else expect((r.config as { storage: { files: { path: string }[] } }).storage.files[0]?.path).toBe(want);
  });

  it("a string field keeps the scalar's text whatever it resolves to", () => {
    const source = (inline: string) => (fileOut(`      contents:\n        inline: ${inline}\n`)?.contents as { source: string }).source;
    expect(source("!!int 0x10")).toBe("data:,0x10");
    expect(source("2001-12-14")).toBe("data:,2001-12-14");
    expect(source("!!timestamp 2001-12-14")).toBe("data:,2001-12-14");
    expect(source("1.0e+3")).toBe("data:,1.0e%2B3");
  });

  it("!!binary into a string gives the decoded bytes, exactly (invalid UTF-8 included)", () => {
    expect((fileOut("      contents:\n        inline: !!binary aGk=\n")?.contents as { source: string }).source).toBe("data:,hi");
    const source = (fileOut("      contents:\n        inline: !!binary /wA=\n")?.contents as { source: string }).source;
    expect(source).toBe("data:,%FF%00");
  });

  it("bools accept a yes/no string from any tag yaml.v3 leaves as a string", () => {
    const wipe = (v: string) => transpile(config("fcos", "1.5.0", `storage:\n  disks:\n    - device: /dev/vda\n      wipe_table: ${v}\n`)).output;
    expect(wipe("!foo yes")).toContain('"wipeTable":true');
    expect(wipe("!!binary bm8=")).toContain('"wipeTable":false');
    expect(wipe("!!bool FALSE")).toContain('"wipeTable":false');
  });

  it.each([
    ["mode: !!int abc", "yaml: cannot decode !!str `abc` as a !!int"],
    ["mode: !!int 1.5", "yaml: cannot decode !!float `1.5` as a !!int"],
    ["overwrite: !!bool yes", "yaml: cannot decode !!str `yes` as a !!bool"],
    ["mode: !!float 18446744073709551615", "yaml: cannot decode !!int `18446744073709551615` as a !!float"],
    ["mode: !!null x", "yaml: cannot decode !!str `x` as a !!null"],
    ["mode: !!timestamp 1", "yaml: cannot decode !!int `1` as a !!timestamp"],
    ["mode: !!binary bad!", "yaml: !!binary value contains invalid base64 data"],
  ])("%s ends the decode: %s", (field, message) => {
    expect(file(`      ${field}\n`).failure).toBe(FAIL + message);
  });

  it("tags that fit no Go kind are type errors, with the tag as written", () => {
    expect(file("      mode: !!str 420\n").failure).toBe(typeErrors("line 6: cannot unmarshal !!str `420` into int"));
    expect(file("      mode: !!binary NDIw\n").failure).toBe(typeErrors("line 6: cannot unmarshal !!binary `NDIw` into int"));
    expect(file("      mode: !!merge x\n").failure).toBe(typeErrors("line 6: cannot unmarshal !!merge `x` into int"));
    expect(file("      overwrite: !!timestamp 2001-12-14\n").failure).toBe(typeErrors("line 6: cannot unmarshal !!timestamp `2001-12-14` into bool"));
  });

  it("a !!null value clears the field (as Go's nil pointer)", () => {
    expect(fileOut("      mode: !!null ~\n")?.mode).toBeUndefined();
    expect(fileOut("      mode: !!null\n")?.mode).toBeUndefined();
  });
});

describe("Go's int range (int64)", () => {
  const mib = (value: string, version = "1.5.0") =>
    transpile(config("fcos", version, `storage:\n  disks:\n    - device: /dev/vda\n      partitions:\n        - label: a\n          size_mib: ${value}\n`));
  const sizeOut = (value: string) => {
    const r = mib(value);
    expect(r.failure).toBeUndefined();
    return /"sizeMiB":(-?\d+)/.exec(r.output ?? "")?.[1];
  };

  it("keeps every int64 exactly", () => {
    expect(sizeOut("9223372036854775807")).toBe("9223372036854775807");
    expect(sizeOut("9007199254740993")).toBe("9007199254740993");
    expect(sizeOut("-9223372036854775808")).toBe("-9223372036854775808");
    expect(sizeOut("0x7fffffffffffffff")).toBe("9223372036854775807");
  });

  it("refuses what overflows, with the tag the value resolved to", () => {
    expect(mib("9223372036854775808").failure).toBe(typeErrors("line 8: cannot unmarshal !!int `9223372...` into int"));
    expect(mib("18446744073709551615", "1.1.0").failure).toBe(typeErrors("line 8: cannot unmarshal !!int `1844674...` into int"));
    expect(mib("18446744073709551616").failure).toBe(typeErrors("line 8: cannot unmarshal !!float `1844674...` into int"));
    expect(mib("1e19").failure).toBe(typeErrors("line 8: cannot unmarshal !!float `1e19` into int"));
    expect(mib(".inf").failure).toBe(typeErrors("line 8: cannot unmarshal !!float `.inf` into int"));
    expect(mib(".nan").failure).toBe(typeErrors("line 8: cannot unmarshal !!float `.nan` into int"));
  });

  it("converts floats as Go on amd64 does: truncated, out of range at or below the bottom is MinInt64", () => {
    expect(sizeOut("1.9e3")).toBe("1900");
    expect(sizeOut("-1.5")).toBe("-1");
    expect(sizeOut("-.inf")).toBe("-9223372036854775808");
    expect(sizeOut("-1e19")).toBe("-9223372036854775808");
    expect(sizeOut("9223372036854775808.0")).toBe("-9223372036854775808");
  });
});

describe("merge keys (<<), as yaml.v3 merges", () => {
  it("a scalar to merge is an error of the decode that meets it", () => {
    const root = `${FAIL}Error unmarshaling yaml: yaml: map merge requires map or sequence of maps as the value`;
    const typed = `${FAIL}yaml: map merge requires map or sequence of maps as the value`;
    expect(transpile(config("fcos", "1.5.0", "<<: x\n")).failure).toBe(root);
    expect(transpile(config("fcos", "1.5.0", "<<: [x]\n")).failure).toBe(root);
    expect(transpile(config("fcos", "1.5.0", "<<: ~\n")).failure).toBe(root);
    expect(transpile(config("fcos", "1.5.0", "a: &a x\n<<: *a\n")).failure).toBe(root);
    expect(transpile(config("fcos", "1.5.0", "storage:\n  <<: x\n")).failure).toBe(typed);
    expect(transpile(config("fcos", "1.0.0", "storage:\n  <<: [{files: []}, 1]\n")).failure).toBe(typed);
    expect(transpile(config("openshift", "4.12.0", "openshift:\n  <<: [[]]\n")).failure).toBe(typed);
    // an empty list merges nothing
    expect(transpile(config("fcos", "1.5.0", "<<: []\n")).failure).toBeUndefined();
  });

  it("keys of the mapping win over merged ones, and earlier merged mappings over later ones", () => {
    const src = config(
      "fcos",
      "1.5.0",
      "x: &a {files: [{path: /a}], directories: [{path: /d}]}\ny: &b {links: [{path: /l, target: /t}], directories: [{path: /e}]}\nstorage:\n  <<: [*a, *b]\n  files: [{path: /f}]\n",
    );
    const r = transpile(src);
    expect(r.failure).toBeUndefined();
    const storage = (r.config as { storage: Record<string, { path: string }[]> }).storage;
    expect(storage.files?.map((f) => f.path)).toEqual(["/f"]);
    expect(storage.directories?.map((f) => f.path)).toEqual(["/d"]);
    expect(storage.links?.map((f) => f.path)).toEqual(["/l"]);
  });

  it("only an untagged plain << (or one tagged !!merge) merges", () => {
    const unused = (key: string) => transpile(config("fcos", "1.5.0", `storage:\n  ${key}: {files: 1}\n`)).diagnostics.map((d) => d.message);
    expect(unused("'<<'")).toEqual(["unused key <<"]);
    expect(unused("!!str <<")).toEqual(["unused key <<"]);
    expect(transpile(config("fcos", "1.5.0", "storage:\n  !!merge <<: {files: 1}\n")).failure).toBe(
      typeErrors("line 4: cannot unmarshal !!int `1` into []v0_5.File"),
    );
  });

  it("an alias inside its own value ends the decode", () => {
    expect(transpile(config("fcos", "1.5.0", "storage: &s\n  <<: *s\n")).failure).toBe(`${FAIL}yaml: anchor 's' value contains itself`);
  });

  it("merges into openshift's labels map too", () => {
    const r = transpile(
      "variant: openshift\nversion: 4.14.0\nmetadata:\n  name: a\n  labels:\n    <<: {machineconfiguration.openshift.io/role: worker, a: b}\n    a: c\n",
      { raw: false },
    );
    expect(r.failure).toBeUndefined();
    expect(r.output).toContain("    a: c\n");
    expect(r.output).toContain("machineconfiguration.openshift.io/role: worker");
  });
});
