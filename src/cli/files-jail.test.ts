/**
 * `--files-dir` is a jail for every operation (reads, tree walks, symlink texts), its errors read
 * like upstream's (relative paths, Go's wording), and a large tree is never cut short.
 */
import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "./run.ts";
import { transpile, type FilesProvider } from "../transpiler/index.ts";

function run(argv: string[], stdin: string) {
  let out = "";
  let err = "";
  const code = runCli(argv, { stdin: () => Buffer.from(stdin), stdout: (s) => (out += s), stderr: (s) => (err += s) });
  return { code, out, err };
}

const fileCfg = (local: string) => `variant: fcos\nversion: 1.5.0\nstorage:\n  files:\n    - path: /a\n      contents:\n        local: ${local}\n`;
const treeCfg = (local: string) => `variant: fcos\nversion: 1.5.0\nstorage:\n  trees:\n    - local: ${local}\n      path: /t\n`;

describe("--files-dir jail", () => {
  const top = mkdtempSync(join(tmpdir(), "kindling-jail-"));
  const files = join(top, "files");
  const outside = join(top, "outside");
  beforeAll(() => {
    mkdirSync(join(files, "tree"), { recursive: true });
    mkdirSync(join(outside, "private"), { recursive: true });
    writeFileSync(join(outside, "OUTSIDE-NAME"), "OUTSIDE-CONTENT");
    symlinkSync("/etc/OUTSIDE-TARGET", join(outside, "outside-link"));
    writeFileSync(join(files, "tree", "ok"), "ok");
    symlinkSync(outside, join(files, "outdir"));
    symlinkSync(outside, join(files, "tree", "outdir"));
    symlinkSync("loop", join(files, "loop"));
    writeFileSync(join(files, "plain"), "x");
    mkdirSync(join(files, "adir"));
  });

  it("a tree reached through a symlinked directory is refused, not listed", () => {
    for (const local of ["outdir", "outdir/private", "tree/outdir/private"]) {
      const r = run(["-d", files, "--raw-errors"], treeCfg(local));
      expect(r.code, local).toBe(1);
      expect(r.out + r.err).not.toMatch(/OUTSIDE/);
    }
    const r = run(["-d", files, "--raw-errors"], treeCfg("outdir/private"));
    expect(r.err).toContain("local file path traverses outside the files directory");
  });

  it("a symlink inside a tree is copied as a link, never followed", () => {
    const r = run(["-d", files], treeCfg("tree"));
    expect(r.code).toBe(0);
    const cfg = JSON.parse(r.out) as { storage: { links: { path: string; target: string }[]; files: { path: string }[] } };
    expect(cfg.storage.links).toEqual([{ path: "/t/outdir", target: outside }]);
    expect(cfg.storage.files.map((f) => f.path)).toEqual(["/t/ok"]);
    expect(r.out).not.toMatch(/OUTSIDE/);
  });

  it("errors name the user's relative path in Go's words, never an absolute path or Node's codes", () => {
    const rel = relative(process.cwd(), files);
    const cases: [string, string][] = [
      [fileCfg("loop"), `open ${rel}/loop: too many levels of symbolic links`],
      [fileCfg("adir"), `read ${rel}/adir: is a directory`],
      [fileCfg("plain/x"), `open ${rel}/plain/x: not a directory`],
      [fileCfg("missing"), `open ${rel}/missing: no such file or directory`],
      [treeCfg("plain/x"), `stat ${rel}/plain/x: not a directory`],
    ];
    for (const [cfg, message] of cases) {
      const r = run(["-d", rel, "--raw-errors"], cfg);
      expect(r.code, message).toBe(1);
      expect(r.err, message).toContain(message);
      expect(r.err).not.toContain(` ${top}`);
      expect(r.err).not.toMatch(/\bE[A-Z]{3,}\b/);
    }
  });

  describe("a node swapped for a symlink while the CLI runs never leaks", () => {
    let swapper: ReturnType<typeof spawn>;
    beforeAll(() => {
      // Replaces `victim` (atomically, so it always exists) by a regular file and by a symlink out,
      // and `vdir` by a directory and by a symlink to a directory out, over and over.
      const script = `
        const fs = require("node:fs"); const d = ${JSON.stringify(files)}; const out = ${JSON.stringify(outside)};
        fs.mkdirSync(d + "/vdir.d/x", { recursive: true });
        for (let i = 0; ; i++) {
          try {
            fs.writeFileSync(d + "/victim.tmp", "inside"); fs.renameSync(d + "/victim.tmp", d + "/victim");
            fs.rmSync(d + "/vdir", { recursive: true, force: true }); fs.cpSync(d + "/vdir.d", d + "/vdir", { recursive: true });
            fs.symlinkSync(out + "/OUTSIDE-NAME", d + "/victim.tmp"); fs.renameSync(d + "/victim.tmp", d + "/victim");
            fs.rmSync(d + "/vdir", { recursive: true, force: true }); fs.symlinkSync(out, d + "/vdir");
          } catch {}
        }`;
      swapper = spawn(process.execPath, ["-e", script], { stdio: "ignore" });
    });
    afterAll(() => {
      swapper.kill();
    });
    it("500 runs of each: 0 leaks", () => {
      const seen = new Set<string>();
      for (let i = 0; i < 500; i++) {
        const a = run(["-d", files, "--raw-errors"], fileCfg("victim"));
        const b = run(["-d", files, "--raw-errors"], treeCfg("vdir"));
        for (const r of [a, b]) {
          expect(r.out + r.err).not.toMatch(/OUTSIDE/);
          seen.add(r.code === 0 ? "read" : r.err.includes("traverses outside") ? "refused" : "missing");
        }
      }
      expect(seen.has("read")).toBe(true);
    });
  });
});

describe("trees of any size", () => {
  it("a 100,005-entry tree is copied whole", () => {
    const n = 100_005;
    const names = Array.from({ length: n }, (_, i) => `f${String(i).padStart(6, "0")}`);
    const data = new Uint8Array([120]);
    const provider: FilesProvider = {
      root: "files",
      read: (rel) => (rel.startsWith("big/") ? { ok: true, data } : { ok: false, error: "not-found" }),
      lstat: (rel) =>
        rel === "big" || rel === ""
          ? { ok: true, stat: { kind: "directory", mode: 0o755 } }
          : rel.startsWith("big/")
            ? { ok: true, stat: { kind: "file", mode: 0o644 } }
            : { ok: false, error: "not-found" },
      readdir: (rel) => (rel === "big" ? { ok: true, names } : { ok: false, error: "not-found" }),
    };
    const r = transpile(treeCfg("big"), { files: provider });
    expect(r.failure).toBeUndefined();
    const cfg = r.config as { storage: { files: { path: string }[] } };
    expect(cfg.storage.files).toHaveLength(n);
    expect(cfg.storage.files[n - 1]!.path).toBe(`/t/${names[n - 1]}`);
  });
});
