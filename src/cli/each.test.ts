/** `kindling-each` and the pre-commit hook that runs it: every file checked, the worst exit code wins. */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { runCli, runCliEach } from "./run.ts";

function run(argv: string[]) {
  let out = "";
  let err = "";
  const code = runCliEach(argv, { stdin: () => Buffer.from(""), stdout: (s) => (out += s), stderr: (s) => (err += s) });
  return { code, out, err };
}

const dir = mkdtempSync(join(tmpdir(), "kindling-each-"));
const write = (name: string, text: string) => {
  writeFileSync(join(dir, name), text);
  return join(dir, name);
};
const good = write("good.bu", "variant: fcos\nversion: 1.6.0\n");
const other = write("other.bu", "variant: flatcar\nversion: 1.1.0\n");
const warn = write("warn.bu", "variant: fcos\nversion: 1.6.0\nfoo: 1\n");
const bad = write("bad.bu", "variant: fcos\nversion: 1.6.0\nstorage:\n  files:\n    - path: rel\n");

interface Hook {
  id: string;
  entry: string;
  language: string;
  files: string;
}
const hooks = parse(readFileSync(fileURLToPath(new URL("../../.pre-commit-hooks.yaml", import.meta.url)), "utf8")) as Hook[];
const hook = hooks.find((h) => h.id === "kindling")!;

describe("kindling-each", () => {
  it("checks every file with the same flags; exit 0 when all pass", () => {
    expect(run(["--check", good, other])).toEqual({ code: 0, out: "", err: "" });
  });
  it("reports each failing file as kindling does, and exits 1", () => {
    const r = run(["--check", "--strict", good, warn, bad]);
    expect(r.code).toBe(1);
    expect(r.err).toContain(`--> ${warn}:3:1`);
    expect(r.err).toContain("Config produced warnings and --strict was specified\n");
    expect(r.err).toContain(`--> ${bad}:5:13`);
    expect(r.err).toContain("Error translating config: config generated was invalid\n");
    expect(r.err).not.toContain(good);
  });
  it("without files, or with an unknown flag, exits 2 with usage", () => {
    expect(run(["--check"]).code).toBe(2);
    expect(run(["--check"]).err).toContain("no input files");
    expect(run(["--bogus", good]).code).toBe(2);
  });
});

describe("kindling-each build / bundle", () => {
  const snippet = write("snippet.bu", "variant: fcos\nversion: 1.6.0\npasswd:\n  users:\n    - name: core\n      shell: /bin/zsh\n");
  const hostA = write("host-a.bu", "variant: fcos\nversion: 1.6.0\nstorage:\n  files:\n    - path: /etc/hostname\n      contents:\n        inline: a\n");
  const hostB = write("host-b.bu", "variant: fcos\nversion: 1.6.0\nstorage:\n  files:\n    - path: /etc/hostname\n      contents:\n        inline: b\n");
  const single = (argv: string[]) => {
    let out = "";
    let err = "";
    const code = runCli(argv, { stdin: () => Buffer.from(""), stdout: (s) => (out += s), stderr: (s) => (err += s) });
    return { code, out, err };
  };

  it("build: kindling build once per main config, each with the same snippets and flags", () => {
    const r = run(["build", "--snippet", snippet, "--pretty", hostA, hostB]);
    const a = single(["build", hostA, "--snippet", snippet, "--pretty"]);
    const b = single(["build", hostB, "--snippet", snippet, "--pretty"]);
    expect(r).toEqual({ code: 0, out: a.out + b.out, err: "" });
    expect(JSON.parse(a.out).passwd.users[0].shell).toBe("/bin/zsh");
    expect(a.out).not.toBe(b.out);
  });

  it("build: each main's problems are reported as kindling build reports them; the worst exit status wins", () => {
    const r = run(["build", "--snippet", snippet, "--raw-errors", hostA, bad, other]);
    expect(r.code).toBe(1);
    expect(r.err).toBe(single(["build", bad, "--snippet", snippet, "--raw-errors"]).err + single(["build", other, "--snippet", snippet]).err);
    expect(r.err).toContain(`${bad}: error at $.storage.files.0.path, line 5 col 13: path not absolute`);
    // flatcar 1.1.0 (Ignition 3.4.0) under an fcos 1.6.0 snippet (3.5.0)
    expect(r.err).toContain("give snippets a version of the same Ignition spec");
  });

  it("bundle: kindling bundle once per file; --lint and the like stay per command", () => {
    const r = run(["bundle", good, other]);
    expect(r).toEqual({ code: 0, out: single(["bundle", good]).out + single(["bundle", other]).out, err: "" });
    expect(run(["bundle", "--lint", good]).code).toBe(2);
  });

  it("outputs that would overwrite each other, no files, --help", () => {
    const many = run(["build", "-o", join(dir, "x.ign"), hostA, hostB]);
    expect(many.code).toBe(2);
    expect(many.err).toContain("--output with 2 input files: each run would overwrite the last one's output");
    expect(run(["bundle", "--output", join(dir, "x.bu"), good, other]).code).toBe(2);
    expect(run(["build", "-o", join(dir, "one.ign"), hostA])).toEqual({ code: 0, out: "", err: "" });
    expect(readFileSync(join(dir, "one.ign"), "utf8")).toContain("data:,a");
    expect(run(["build", "--snippet", snippet]).err).toContain("no input files");
    const help = run(["build", "--help"]);
    expect(help.code).toBe(0);
    expect(help.out).toContain("Usage: kindling-each build [options] MAIN...");
    expect(help.out).toContain("--snippet FILE");
    const top = run(["--help"]);
    expect(top.code).toBe(0);
    expect(top.out).toContain("kindling-each build [options] MAIN...");
    expect(top.out).toContain("kindling-each bundle [options] FILE...");
  });
});

describe("pre-commit hook (.pre-commit-hooks.yaml)", () => {
  // pre-commit runs `entry` + the hook's args + the matching files (as arguments).
  const [bin, ...entryArgs] = hook.entry.split(/\s+/);
  const matching = (names: string[]) => names.filter((n) => new RegExp(hook.files).test(n));

  it("runs kindling-each --check --strict on *.bu files, installed as a node package", () => {
    expect(bin).toBe("kindling-each");
    expect(entryArgs).toEqual(["--check", "--strict"]);
    expect(hook.language).toBe("node");
    expect(matching(["a.bu", "dir/b.bu", "c.ign", "d.bu.bak", "README.md"])).toEqual(["a.bu", "dir/b.bu"]);
  });
  it("passes good configs and catches a bad one and one with warnings", () => {
    expect(run([...entryArgs, ...matching([good, other])]).code).toBe(0);
    expect(run([...entryArgs, ...matching([good, bad])]).code).toBe(1);
    expect(run([...entryArgs, ...matching([warn])]).code).toBe(1);
  });
});
