/** The OpenShift and Flatcar update sections: their models, and their edits of the YAML text. */
import { describe, expect, it } from "vitest";
import { lineDiff } from "../../../lib/yaml-edit/line-diff.ts";
import { transpile } from "../../../transpiler/index.ts";
import { appendIn, getIn, loadConfig, saveConfig, setIn, type Config } from "./config.ts";
import { durationSeconds, parseUpdateConf, UPDATE_CONF_PATH, windowProblems, writeUpdateConf, emptyUpdate } from "./flatcar-update.ts";
import { extensionsFor, ROLE_LABEL } from "./openshift.ts";

const load = (text: string): Config => {
  const r = loadConfig(text);
  if (!r.ok) throw new Error(r.message);
  return r.config;
};
const edit = (text: string, fn: (c: Config) => Config) => saveConfig(text, fn(load(text)));

describe("update.conf", () => {
  it("reads the keys of Flatcar's docs, quoted or not, and the older window names", () => {
    expect(parseUpdateConf('GROUP=beta\nREBOOT_STRATEGY=reboot\nLOCKSMITHD_REBOOT_WINDOW_START="Thu 04:00"\nLOCKSMITHD_REBOOT_WINDOW_LENGTH=1h\n')).toEqual({
      group: "beta",
      server: "",
      strategy: "reboot",
      windowStart: "Thu 04:00",
      windowLength: "1h",
    });
    expect(parseUpdateConf("REBOOT_WINDOW_START=14:00\nREBOOT_WINDOW_LENGTH=1h30m\n")).toMatchObject({ windowStart: "14:00", windowLength: "1h30m" });
    expect(parseUpdateConf("SERVER=disabled\n")).toMatchObject({ server: "disabled" });
  });

  it("edits only its own lines: other keys and comments stay, a cleared key goes, a new one is appended", () => {
    const text = "# managed by ops\nMACHINE_ALIAS=\"web 1\"\nGROUP=stable\nREBOOT_STRATEGY='etcd-lock'\n";
    const s = parseUpdateConf(text);
    expect(writeUpdateConf(text, s)).toBe(text);
    expect(writeUpdateConf(text, { ...s, group: "", windowStart: "Sun 02:00", windowLength: "2h" })).toBe(
      '# managed by ops\nMACHINE_ALIAS="web 1"\nREBOOT_STRATEGY=\'etcd-lock\'\nLOCKSMITHD_REBOOT_WINDOW_START="Sun 02:00"\nLOCKSMITHD_REBOOT_WINDOW_LENGTH=2h\n',
    );
    expect(writeUpdateConf("", { ...emptyUpdate, strategy: "off" })).toBe("REBOOT_STRATEGY=off\n");
    expect(writeUpdateConf("REBOOT_STRATEGY=off\n", emptyUpdate)).toBe("");
  });

  it("checks the window as locksmithd parses it", () => {
    expect(windowProblems({ ...emptyUpdate, windowStart: "Thu 04:00", windowLength: "1h" })).toEqual([]);
    expect(windowProblems({ ...emptyUpdate, windowStart: "14:00", windowLength: "1h30m" })).toEqual([]);
    expect(windowProblems({ ...emptyUpdate, windowStart: "Thursday 04:00", windowLength: "1h" })).toEqual([
      'Unknown day "Thursday": use Mon, Tue, Wed, Thu, Fri, Sat or Sun.',
    ]);
    expect(windowProblems({ ...emptyUpdate, windowStart: "25:00", windowLength: "1h" })).toHaveLength(1);
    expect(windowProblems({ ...emptyUpdate, windowStart: "04:00", windowLength: "24h" })).toEqual(["A daily window must be shorter than a day."]);
    expect(windowProblems({ ...emptyUpdate, windowStart: "Mon 04:00", windowLength: "24h" })).toEqual([]);
    expect(windowProblems({ ...emptyUpdate, windowStart: "04:00", windowLength: "an hour" })).toHaveLength(1);
    expect(windowProblems({ ...emptyUpdate, windowStart: "04:00" })).toEqual(["A reboot window needs both a start and a length."]);
    expect(durationSeconds("1h30m")).toBe(5400);
    expect(durationSeconds("1.5h")).toBe(5400);
    expect(durationSeconds("1d")).toBeNull();
  });

  it("a new update.conf is appended as a storage file that transpiles cleanly, and only adds lines", () => {
    const text = "# Flatcar box\nvariant: flatcar\nversion: 1.1.0\nstorage:\n  files:\n    - path: /etc/motd # greeting\n      contents:\n        inline: hi\n";
    const inline = writeUpdateConf("", { ...emptyUpdate, group: "beta", strategy: "reboot", windowStart: "Thu 04:00", windowLength: "1h" });
    const out = edit(text, (c) => appendIn(c, ["storage", "files"], { path: UPDATE_CONF_PATH, overwrite: true, mode: 0o644, contents: { inline } }));
    const d = lineDiff(text, out);
    expect(d.removed).toEqual([]);
    expect(out.startsWith(text)).toBe(true);
    const r = transpile(out);
    expect(r.diagnostics).toEqual([]);
    const files = (r.config as { storage: { files: { path: string; overwrite?: boolean; contents: { source: string } }[] } }).storage.files;
    const conf = files.find((f) => f.path === UPDATE_CONF_PATH);
    expect(conf?.overwrite).toBe(true);
    expect(decodeURIComponent(conf?.contents.source.replace(/^data:,/, "") ?? "")).toBe(
      'GROUP=beta\nREBOOT_STRATEGY=reboot\nLOCKSMITHD_REBOOT_WINDOW_START="Thu 04:00"\nLOCKSMITHD_REBOOT_WINDOW_LENGTH=1h\n',
    );
  });
});

describe("OpenShift section", () => {
  const base = `# Worker tuning
variant: openshift
version: 4.16.0
metadata:
  name: 99-worker-tuning # keep this name
  labels:
    machineconfiguration.openshift.io/role: worker
openshift:
  # extensions for the worker pool
  extensions:
    - usbguard
`;

  it("knows each release's extensions, from the MCO's allow-lists", () => {
    expect(extensionsFor(8).map((e) => e.name)).toEqual(["usbguard", "kernel-devel", "sandboxed-containers"]);
    expect(extensionsFor(13).map((e) => e.name)).toEqual(["usbguard", "kernel-devel", "sandboxed-containers", "kerberos"]);
    expect(extensionsFor(18).map((e) => e.name)).toEqual(["usbguard", "kernel-devel", "sandboxed-containers", "kerberos", "ipsec", "wasm", "sysstat"]);
    expect(extensionsFor(22).map((e) => e.name)).not.toContain("wasm");
    expect(extensionsFor(22).map((e) => e.name)).toContain("two-node-ha");
  });

  it.each([
    {
      name: "role → master",
      fn: (c: Config) => setIn(c, ["metadata", "labels", ROLE_LABEL], "master"),
      removed: ["    machineconfiguration.openshift.io/role: worker"],
      added: ["    machineconfiguration.openshift.io/role: master"],
    },
    { name: "fips on", fn: (c: Config) => setIn(c, ["openshift", "fips"], true), removed: [], added: ["  fips: true"] },
    { name: "kernel_type realtime", fn: (c: Config) => setIn(c, ["openshift", "kernel_type"], "realtime"), removed: [], added: ["  kernel_type: realtime"] },
    { name: "add an extension", fn: (c: Config) => appendIn(c, ["openshift", "extensions"], "kerberos"), removed: [], added: ["    - kerberos"] },
    {
      name: "add a kernel argument",
      fn: (c: Config) => appendIn(c, ["openshift", "kernel_arguments"], "nosmt"),
      removed: [],
      added: ["  kernel_arguments:", "    - nosmt"],
    },
  ])("$name: changes only its lines, keeps comments, and transpiles", ({ fn, removed, added }) => {
    const out = edit(base, fn);
    const d = lineDiff(base, out);
    expect(d.removed).toEqual(removed);
    expect(d.added).toEqual(added);
    for (const c of ["# Worker tuning", "# keep this name", "# extensions for the worker pool"]) expect(out).toContain(c);
    expect(transpile(out).diagnostics.filter((x) => x.severity === "error")).toEqual([]);
  });

  it("a config without metadata gets the name and role the MachineConfig needs", () => {
    const text = "variant: openshift\nversion: 4.22.0\n";
    expect(transpile(text).diagnostics.some((d) => d.severity === "error")).toBe(true);
    const out = edit(text, (c) => setIn(setIn(c, ["metadata", "name"], "99-worker-x"), ["metadata", "labels", ROLE_LABEL], "worker"));
    expect(out).toBe(`${text}metadata:\n  name: 99-worker-x\n  labels:\n    machineconfiguration.openshift.io/role: worker\n`);
    expect(transpile(out).diagnostics).toEqual([]);
    expect(getIn(load(out), ["metadata", "labels", ROLE_LABEL])).toBe("worker");
  });
});
