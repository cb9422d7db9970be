/** The CLI's interface: upstream's flags, streams and exit codes. */
import { mkdtempSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
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

const dir = mkdtempSync(join(tmpdir(), "kindling-cli-"));
const write = (name: string, text: string) => {
  writeFileSync(join(dir, name), text);
  return join(dir, name);
};

describe("kindling CLI", () => {
  it("reads stdin and writes compact JSON with a newline", () => {
    expect(run([], "variant: fcos\nversion: 1.5.0\n")).toEqual({ code: 0, out: '{"ignition":{"version":"3.4.0"}}\n', err: "" });
  });
  it("--pretty indents", () => {
    expect(run(["-p"], "variant: fcos\nversion: 1.5.0\n").out).toBe('{\n  "ignition": {\n    "version": "3.4.0"\n  }\n}\n');
  });
  it("warnings go to stderr in the pretty format and keep exit 0", () => {
    const file = write("warn.bu", "variant: fcos\nversion: 1.5.0\nfoo: 1\n");
    const r = run([file]);
    expect(r.code).toBe(0);
    expect(r.err).toBe(`warning[$.foo]:\n  --> ${file}:3:1\n   |\n 1 | variant: fcos\n 2 | version: 1.5.0\n 3 | foo: 1\n   | ^^^^ unused key foo\n 4 | \n   |\n`);
  });
  it("--strict fails on warnings; --raw-errors prints one line per entry", () => {
    const r = run(["--strict", "--raw-errors"], "variant: fcos\nversion: 1.5.0\nfoo: 1\n");
    expect(r).toEqual({ code: 1, out: "", err: "warning at $.foo, line 3 col 1: unused key foo\nConfig produced warnings and --strict was specified\n" });
  });
  it("errors exit 1 with the fatal line", () => {
    const r = run(["--raw-errors"], "variant: fcos\nversion: 1.5.0\nstorage:\n  files:\n    - path: rel\n");
    expect(r.code).toBe(1);
    expect(r.err).toBe("error at $.storage.files.0.path, line 5 col 13: path not absolute\nError translating config: config generated was invalid\n");
  });
  it("--check writes nothing; -o writes the file", () => {
    expect(run(["-c"], "variant: fcos\nversion: 1.5.0\n").out).toBe("");
    const target = join(dir, "out.ign");
    expect(run(["-o", target], "variant: fcos\nversion: 1.5.0\n").code).toBe(0);
    expect(readFileSync(target, "utf8")).toBe('{"ignition":{"version":"3.4.0"}}\n');
  });
  it("unknown flags and extra arguments exit 2 with usage", () => {
    const r = run(["--bogus"]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^Usage: .*\nOptions:\n[\s\S]*unknown flag: --bogus\n$/);
    expect(run(["a", "b"]).code).toBe(2);
    expect(run(["-h"]).out).toContain("--files-dir");
  });
  it("a missing input file is reported like upstream", () => {
    expect(run(["/nonexistent.bu"])).toEqual({ code: 1, out: "", err: "failed to open /nonexistent.bu: open /nonexistent.bu: no such file or directory\n" });
  });
  it("--files-dir never reads outside its directory, even through a symlink", () => {
    const files = join(dir, "files");
    mkdirSync(files, { recursive: true });
    writeFileSync(join(dir, "secret"), "secret");
    writeFileSync(join(files, "ok"), "ok");
    symlinkSync(join(dir, "secret"), join(files, "link"));
    const cfg = (local: string) => `variant: fcos\nversion: 1.5.0\nstorage:\n  files:\n    - path: /a\n      contents:\n        local: ${local}\n`;
    expect(run(["-d", files], cfg("ok")).code).toBe(0);
    for (const bad of ["../secret", "/../secret", "link"]) {
      const r = run(["-d", files, "--raw-errors"], cfg(bad));
      expect(r.code, bad).toBe(1);
      expect(r.err).toContain("local file path traverses outside the files directory");
    }
  });
});
