/** `kindling --lint` (and --target, --platform): findings after the report; stdout and exit code unchanged. */
import { describe, expect, it } from "vitest";
import { runCli } from "./run.ts";

function run(argv: string[], stdin = "") {
  let out = "";
  let err = "";
  const code = runCli(argv, { stdin: () => Buffer.from(stdin), stdout: (s) => (out += s), stderr: (s) => (err += s) });
  return { code, out, err };
}

const unit = `variant: fcos
version: 1.7.0
systemd:
  units:
    - name: hello.service
      enabled: true
      contents: |
        [Unit]
        Description=Hello
        [Service]
        Type=oneshot
        ExecStrat=/usr/bin/echo hello
        [Install]
        WantedBy=multi-user.target
foo: 1
`;

describe("kindling --lint", () => {
  it("prints findings after upstream's report; stdout and exit status are those without --lint", () => {
    const plain = run(["--raw-errors"], unit);
    const linted = run(["--raw-errors", "--lint"], unit);
    expect(linted.code).toBe(plain.code);
    expect(linted.out).toBe(plain.out);
    expect(plain.err).toBe("warning at $.foo, line 15 col 1: unused key foo\n");
    expect(linted.err.startsWith(plain.err)).toBe(true);
    expect(linted.err.slice(plain.err.length)).toBe(
      "lint[systemd-missing-exec-start] error at $.systemd.units.0.contents, line 10 col 10: hello.service will not start: it has no ExecStart=, ExecStop= or SuccessAction=, so systemd refuses to load it.\n" +
        "lint[systemd-unknown-directive] warning at $.systemd.units.0.contents, line 12 col 9: Unknown directive ExecStrat= in [Service] of hello.service: systemd 257 ignores it. Did you mean ExecStart=, ExecStop=?\n",
    );
  });
  it("findings come after the failure line too, and the exit status stays 1", () => {
    const bad = unit.replace("foo: 1\n", "storage:\n  files:\n    - path: rel\n");
    const plain = run(["--raw-errors"], bad);
    const linted = run(["--raw-errors", "--lint"], bad);
    expect(plain.code).toBe(1);
    expect(linted.code).toBe(1);
    expect(linted.out).toBe("");
    expect(linted.err.startsWith(plain.err)).toBe(true);
    expect(plain.err.endsWith("Error translating config: config generated was invalid\n")).toBe(true);
    expect(linted.err.slice(plain.err.length)).toMatch(/^lint\[systemd-missing-exec-start\]/);
  });
  it("--strict still decides the exit status alone", () => {
    const clean = "variant: fcos\nversion: 1.6.0\npasswd:\n  users:\n    - name: core\n      password_hash: hunter2\n";
    expect(run(["--strict"], clean).code).toBe(0);
    const r = run(["--strict", "--lint"], clean);
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/^lint\[plaintext-password\] error at \$\.passwd\.users\.0\.password_hash, line 6 col 22: /);
  });
  it("--target checks the spec the target's Ignition reads (and implies --lint)", () => {
    const r = run(["--target", "flatcar-stable"], "variant: fcos\nversion: 1.7.0\n");
    expect(r.code).toBe(0);
    expect(r.out).toBe('{"ignition":{"version":"3.6.0"}}\n');
    expect(r.err).toMatch(/^lint\[target-spec-too-new\] error at \$\.version, line 2 col 10: Flatcar stable cannot read this config/);
    expect(run(["--target", "fcos-stable"], "variant: fcos\nversion: 1.7.0\n").err).toBe("");
  });
  it("--platform measures the output and reports a config over the limit", () => {
    const big = `variant: fcos\nversion: 1.6.0\nstorage:\n  files:\n    - path: /a\n      contents:\n        source: "data:,${"x".repeat(17000)}"\n`;
    const r = run(["--platform", "aws"], big);
    expect(r.code).toBe(0);
    expect(r.err).toMatch(
      /^lint\[size-over-limit\] error: The output is 17100 bytes \(16\.7 KiB\), over AWS EC2's user-data limit of 16384 bytes \(16\.0 KiB\)/,
    );
    expect(r.err).toMatch(/\nlint: user data for aws: \d+ bytes \(raw\), limit 16384 bytes\n$/);
  });
  it("an unknown target or platform is a usage error naming the valid ones", () => {
    const r = run(["--target", "fcos-stabel"], "variant: fcos\nversion: 1.6.0\n");
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^unknown --target fcos-stabel; one of: fcos-stable, fcos-testing, /);
    expect(run(["--platform", "aws2"]).code).toBe(2);
  });
  it("--help documents the flags and that the exit status does not change", () => {
    const help = run(["-h"]).out;
    expect(help).toMatch(/--lint\s+also print Kindling's own findings .* the exit status stay the same/);
    expect(help).toContain("--target string");
    expect(help).toContain("--platform string");
  });
});
