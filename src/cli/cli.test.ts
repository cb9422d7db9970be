/** The CLI's interface: upstream's flags, streams and exit codes. */
import { mkdtempSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "./run.ts";
import { goBytes } from "../transpiler/go/utf8.ts";

function run(argv: string[], stdin: string | Uint8Array = "") {
  let out = "";
  let err = "";
  const code = runCli(argv, { stdin: () => Buffer.from(stdin), stdout: (s) => (out += s), stderr: (s) => (err += s) });
  return { code, out, err };
}

const dir = mkdtempSync(join(tmpdir(), "kindling-cli-"));
const write = (name: string, text: string | Uint8Array) => {
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
    expect(r.err).toBe(
      `warning[$.foo]:\n  --> ${file}:3:1\n   |\n 1 | variant: fcos\n 2 | version: 1.5.0\n 3 | foo: 1\n   | ^^^^ unused key foo\n 4 | \n   |\n`,
    );
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
  it("reads the file's bytes as butane does: malformed UTF-8 is an error, not U+FFFD with exit 0", () => {
    // Latin-1 "café au lait": 0xe9 announces 3 bytes, and " a" are no continuation bytes
    const file = write("bad.bu", Uint8Array.from([...Buffer.from("variant: fcos\nversion: 1.5.0\n# caf"), 0xe9, ...Buffer.from(" au lait\n")]));
    expect(run([file])).toEqual({ code: 1, out: "", err: "Error translating config: Error unmarshaling yaml: yaml: invalid trailing UTF-8 octet\n" });
    expect(run([], Uint8Array.from([0x76, 0x61, 0xff]))).toEqual({
      code: 1,
      out: "",
      err: "Error translating config: Error unmarshaling yaml: yaml: invalid leading UTF-8 octet\n",
    });
    const cut = write("cut.bu", Uint8Array.from([...Buffer.from("variant: fcos\nversion: 1.5.0\npasswd: caf"), 0xc3]));
    expect(run([cut]).err).toBe("Error translating config: Error unmarshaling yaml: yaml: incomplete UTF-8 octet sequence\n");
  });
  it("decodes UTF-16 with a byte order mark, as butane does", () => {
    const text = "variant: fcos\nversion: 1.5.0\nstorage:\n  files:\n    - path: /café\n";
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]);
    const be = Buffer.from(le.map((_, i) => le[i ^ 1]!));
    const want = '{"ignition":{"version":"3.4.0"},"storage":{"files":[{"path":"/café"}]}}\n';
    expect(run([write("le.bu", le)])).toEqual({ code: 0, out: want, err: "" });
    expect(run([write("be.bu", be)])).toEqual({ code: 0, out: want, err: "" });
    expect(run([], Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)])).out).toBe(want);
  });
  it("<<: with a scalar is upstream's merge error, at the stage that meets it", () => {
    expect(run([], "variant: fcos\nversion: 1.5.0\n<<: x\n")).toEqual({
      code: 1,
      out: "",
      err: "Error translating config: Error unmarshaling yaml: yaml: map merge requires map or sequence of maps as the value\n",
    });
    expect(run([], "variant: fcos\nversion: 1.5.0\nstorage:\n  <<: [x]\n").err).toBe(
      "Error translating config: yaml: map merge requires map or sequence of maps as the value\n",
    );
  });
  it("a message that cuts a character keeps the cut bytes (written to stderr as the bytes they are)", () => {
    const r = run([], "variant: fcos\nversion: 1.5.0\nstorage:\n  files:\n    - path: /a\n      mode: éééééééé\n");
    expect(r.err).toBe("Error translating config: yaml: unmarshal errors:\n  line 6: cannot unmarshal !!str `ééé\udcc3...` into int\n");
    const b = [...goBytes(r.err)];
    const at = b.indexOf(0x60); // the opening backquote
    expect(b.slice(at + 1, at + 11)).toEqual([0xc3, 0xa9, 0xc3, 0xa9, 0xc3, 0xa9, 0xc3, 0x2e, 0x2e, 0x2e]);
  });
});
