/**
 * Every conformance case that uses a files directory, bundled, then run through the CLI without
 * one: stdout must be byte-identical to upstream Butane's with the files directory.
 */
import { describe, expect, it } from "vitest";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runCli } from "../cli/run.ts";
import { nodeFilesProvider } from "../cli/node-files.ts";
import { goBytes } from "../transpiler/go/utf8.ts";
import { bundle } from "./bundle.ts";

const CASES = new URL("../../../shared/conformance/cases/", import.meta.url).pathname;

const cases = existsSync(CASES)
  ? readdirSync(CASES)
      .sort()
      .filter((id) => /(^|\s)(-d|--files-dir)(\s|$)/.test(readFileSync(join(CASES, id, "args"), "utf8")))
  : [];

describe("bundle: conformance cases with a files directory transpile the same without it", () => {
  const tmp = mkdtempSync(join(tmpdir(), "kindling-bundle-"));
  const stats = { identical: 0, refused: 0 };
  it.each(cases)("%s", (id) => {
    const dir = join(CASES, id);
    const args = readFileSync(join(dir, "args"), "utf8")
      .trim()
      .split(/\s+/)
      .filter((a) => a !== "");
    const expectedOut = readFileSync(join(dir, "expected.out"));
    const code = Number(readFileSync(join(dir, "expected.code"), "utf8").trim());
    const source = readFileSync(join(dir, "input.bu"), "utf8");
    const r = bundle(source, nodeFilesProvider(join(dir, "files")), { strict: args.includes("--strict") });
    if (!r.ok) {
      // only a config Butane itself refuses may fail to bundle
      expect(code, JSON.stringify(r.problems)).toBe(1);
      stats.refused++;
      return;
    }
    // a config Butane accepts is left with no reference to the files directory
    if (code === 0 && !readFileSync(join(dir, "expected.err"), "utf8").includes("unused key"))
      expect(r.text).not.toMatch(/^\s*(- )?(local|contents_local|ssh_authorized_keys_local|trees):/m);
    const input = join(tmp, `${id}.bu`);
    writeFileSync(input, r.text);
    const out: string[] = [];
    const flags = args.filter((a, i) => a !== "--files-dir" && a !== "-d" && args[i - 1] !== "--files-dir" && args[i - 1] !== "-d");
    const exit = runCli(["--pretty", "--raw-errors", ...flags, input], { stdin: () => Buffer.alloc(0), stdout: (s) => void out.push(s), stderr: () => {} });
    expect(Buffer.from(goBytes(out.join("")))).toEqual(expectedOut);
    expect(exit === 0 ? 0 : 1).toBe(code);
    stats.identical++;
  });
  it("summary", () => {
    rmSync(tmp, { recursive: true, force: true });
    console.log(
      `bundle: ${cases.length} cases with a files directory: ${stats.identical} byte-identical without it, ${stats.refused} refused (Butane fails them too)`,
    );
  });
});
