/** `kindling import`: Ignition / CLC in, Butane out, findings on stderr, exit codes. */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "./run.ts";

function run(argv: string[], stdin = "") {
  let out = "";
  let err = "";
  const code = runCli(argv, { stdin: () => Buffer.from(stdin), stdout: (s) => (out += s), stderr: (s) => (err += s) });
  return { code, out, err };
}

const dir = mkdtempSync(join(tmpdir(), "kindling-import-"));
const IGN = JSON.stringify({
  ignition: { version: "3.4.0" },
  storage: { files: [{ path: "/etc/motd", mode: 420, contents: { compression: "", source: "data:,hello%0A" } }] },
});

describe("kindling import", () => {
  it("turns an Ignition config on stdin into Butane on stdout, with findings on stderr", () => {
    const r = run(["import"], IGN);
    expect(r.code).toBe(0);
    expect(r.out).toBe(
      "variant: fcos\nversion: 1.5.0\nstorage:\n  files:\n    - path: /etc/motd\n      mode: 0644\n      contents:\n        inline: |\n          hello\n",
    );
    expect(r.err).toContain("info: 1 of 1 data URLs became inline text [import-inline]\n");
    expect(r.err).toContain("imported ignition-3 3.4.0 as fcos 1.5.0; it transpiles back to the same config\n");
    // and the Butane transpiles back with the default command, like butane
    const back = run([], r.out);
    expect(back.code).toBe(0);
    expect(JSON.parse(back.out).storage.files[0].contents.source).toBe("data:,hello%0A");
  });

  it("reads a file, writes -o, honours --variant and --version", () => {
    const input = join(dir, "cfg.ign");
    writeFileSync(input, IGN);
    const target = join(dir, "cfg.bu");
    const r = run(["import", "--variant", "flatcar", "--version=1.1.0", input, "-o", target]);
    expect(r.code).toBe(0);
    expect(r.out).toBe("");
    expect(readFileSync(target, "utf8")).toMatch(/^variant: flatcar\nversion: 1\.1\.0\n/);
  });

  it("imports a Container Linux Config with --from clc and --platform", () => {
    const clc = 'etcd:\n  version: "3.0.15"\n  name: "{HOSTNAME}"\n';
    expect(run(["import", "--from", "clc"], clc).err).toMatch(/Error importing <stdin>: platform must be specified to use templating/);
    const r = run(["import", "--from", "clc", "--platform", "ec2"], clc);
    expect(r.code).toBe(0);
    expect(r.out).toContain('--name="${COREOS_EC2_HOSTNAME}"');
  });

  it("exits 1 with a clear message on input it cannot import", () => {
    const r = run(["import"], "{ not json");
    expect(r.code).toBe(1);
    expect(r.out).toBe("");
    expect(r.err).toMatch(/^Error importing <stdin>: the input looks like JSON but is not valid JSON/);
    expect(run(["import", "--variant", "flatcar"], IGN.replace("3.4.0", "3.0.0")).err).toContain("no flatcar version emits Ignition 3.0.0");
    expect(run(["import"], "variant: fcos\nversion: 1.5.0\n").err).toContain("this is already a Butane config");
  });

  it("documents itself; bad usage exits 2", () => {
    const help = run(["import", "--help"]);
    expect(help.code).toBe(0);
    expect(help.out).toMatch(/^Usage: kindling import \[options\] \[input-file\]/);
    expect(run(["--help"]).out).toContain("kindling import --help");
    const bad = run(["import", "--bogus"]);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain("unknown flag: --bogus");
  });
});
