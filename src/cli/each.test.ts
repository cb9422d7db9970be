/** `kindling-each` and the pre-commit hook that runs it: every file checked, the worst exit code wins. */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { runCliEach } from "./run.ts";

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
