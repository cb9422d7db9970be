/**
 * Kindling's checks on a project (`ComposeOptions.lint`): the target guard on every file (their
 * spec is the merged config's), the user-data size of the merged output per host, and each file's
 * own findings; all attributed to the file and line to change, never altering output or reports.
 */
import { describe, expect, it } from "vitest";
import { compose, type ComposeFile, type ComposeOptions } from "./merge.ts";
import { buildHosts } from "./build.ts";
import { parseHosts } from "./hosts.ts";
import { findPlatform, transpile } from "../transpiler/index.ts";

const at = (version: string) => (body: string) => `variant: fcos\nversion: ${version}\n${body}`;
const v16 = at("1.6.0");
const v17 = at("1.7.0");

/** `n` characters that gzip cannot shrink much (so Butane keeps them as a plain data URL or near it). */
function noise(n: number, seed: number): string {
  let x = seed;
  let s = "";
  const abc = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  while (s.length < n) {
    x = (x * 1103515245 + 12345) % 2 ** 31;
    s += abc[x % abc.length];
  }
  return s;
}

/** A Butane file entry with `n` characters of inline contents (on the entry's `- path:` line). */
const fileEntry = (path: string, n: number, seed: number) => `    - path: ${path}\n      contents:\n        inline: ${noise(n, seed)}\n`;

const file = (name: string, source: string): ComposeFile => ({ name, source });
const codes = (fs: readonly { code: string; file: string; line?: number }[]) => fs.map((f) => [f.code, f.file, f.line]);

describe("target guard on a project", () => {
  const main = file("main.bu", v17("passwd:\n  users:\n    - name: core\n"));
  const s1 = file("snippets/a.bu", v17("storage:\n  files:\n    - path: /etc/a\n"));
  const s2 = file("snippets/b.bu", v17("storage:\n  files:\n    - path: /etc/b\n"));

  it("every file whose spec the target cannot read gets the finding on its own version: line, with its own move", () => {
    const r = compose(main, [s1, s2], { lint: { target: "coreos-installer" } });
    expect(r.output).not.toBeNull();
    expect(JSON.parse(r.output!).ignition.version).toBe("3.6.0");
    expect(codes(r.findings)).toEqual([
      ["target-spec-too-new", "main.bu", 2],
      ["target-spec-too-new", "snippets/a.bu", 2],
      ["target-spec-too-new", "snippets/b.bu", 2],
    ]);
    for (const f of r.findings) expect(f.data).toMatchObject({ target: "coreos-installer", ignitionVersion: "3.6.0", newestVersion: "1.6.0", moveOk: true });
  });

  it("a target that reads the merged spec: no finding; the output and reports are the same as without checks", () => {
    const plain = compose(main, [s1, s2]);
    const linted = compose(main, [s1, s2], { lint: { target: "fcos-stable" } });
    expect(linted.findings).toEqual([]);
    expect(linted.output).toBe(plain.output);
    expect(linted.reports).toEqual(plain.reports);
  });

  it("when the files target different Ignition versions (no merged config), the files the target cannot read are still named", () => {
    const r = compose(main, [file("old.bu", v16("storage:\n  files:\n    - path: /etc/a\n"))], { lint: { target: "coreos-installer" } });
    expect(r.output).toBeNull();
    expect(r.failure).toContain("give snippets a version of the same Ignition spec");
    expect(codes(r.findings)).toEqual([["target-spec-too-new", "main.bu", 2]]);
  });

  it("a move blocked in one snippet says so for that snippet only, as the snippet alone would", () => {
    // A Clevis pin of any name is new in fcos 1.7.0 (1.6.0 takes tpm2, tang or sss only).
    const luks = file(
      "snippets/luks.bu",
      v17('storage:\n  luks:\n    - name: data\n      device: /dev/vdb\n      clevis:\n        custom:\n          pin: mine\n          config: "{}"\n'),
    );
    const r = compose(main, [s1, luks], { lint: { target: "coreos-installer" } });
    const moves = r.findings.map((f) => [f.file, f.data?.moveOk]);
    expect(moves).toEqual([
      ["main.bu", true],
      ["snippets/a.bu", true],
      ["snippets/luks.bu", false],
    ]);
    const alone = transpile(luks.source as string, { raw: true, lint: { target: "coreos-installer" } }).findings!.find(
      (f) => f.code === "target-spec-too-new",
    )!;
    expect(r.findings[2]!.message).toBe(alone.message);
    expect(r.findings[2]!.data?.blockers).toEqual([expect.stringContaining("$.storage.luks.0.clevis.custom.pin")]);
  });
});

describe("user-data size of the merged output", () => {
  const aws = findPlatform("aws")!.limit!; // 16 KiB, raw
  // about 7.7 KB and 9.5 KB in the output: each alone under 90 % of the limit, together over it
  const main = file("main.bu", v16(`storage:\n  files:\n${fileEntry("/etc/main.txt", 9000, 1)}`));
  // lines: `storage:` 3, `files:` 4, `- path: /etc/small` 5, `- path: /etc/big.txt` 6
  const big = file("snippets/big.bu", v16(`storage:\n  files:\n    - path: /etc/small\n${fileEntry("/etc/big.txt", 11000, 2)}`));

  it("a snippet pushes the config over the platform's limit: size-over-limit on the snippet's entry that added the largest file", () => {
    const alone = compose(main, [], { lint: { platform: "aws" } });
    expect(alone.findings).toEqual([]);
    expect(alone.userDataSize).toMatchObject({ platform: "aws", over: false });
    // The snippet alone is under the limit too: only the merge is over.
    expect(compose(big, [], { lint: { platform: "aws" } }).userDataSize!.over).toBe(false);

    const r = compose(main, [big], { lint: { platform: "aws" } });
    expect(r.output).not.toBeNull();
    expect(r.userDataSize).toMatchObject({ platform: "aws", bytes: new TextEncoder().encode(r.output!).length, limit: aws, over: true });
    expect(r.findings).toHaveLength(1);
    const f = r.findings[0]!;
    expect(f).toMatchObject({ code: "size-over-limit", severity: "error", file: "snippets/big.bu", line: 6, path: ["storage", "files", 1] });
    expect(f.data).toMatchObject({ platform: "aws", largestFile: "/etc/big.txt", largestFileIndex: 2, limit: aws });
    expect(f.message).toContain("/etc/big.txt");
  });

  it("near the limit: size-near-limit (info), on the largest file's entry in the main config", () => {
    const near = file("main.bu", v16(`storage:\n  files:\n${fileEntry("/etc/main.txt", 11_000, 2)}`));
    const r = compose(near, [file("s.bu", v16(`storage:\n  files:\n${fileEntry("/etc/s.txt", 7000, 3)}`))], { lint: { platform: "aws" } });
    expect(r.userDataSize!.over).toBe(false);
    expect(r.userDataSize!.bytes / aws).toBeGreaterThanOrEqual(0.9);
    expect(codes(r.findings)).toEqual([["size-near-limit", "main.bu", 5]]);
  });

  it("over the limit with no embedded file (unit text): on the main config, no line", () => {
    // systemd takes lines up to 2048 bytes: ten long Environment= lines
    const env = Array.from({ length: 10 }, (_, i) => `Environment=X${i}=${noise(1800, 10 + i)}`).join("\\n");
    const unit = `[Service]\\nExecStart=/bin/true\\n${env}\\n`;
    const r = compose(file("main.bu", v16("")), [file("u.bu", v16(`systemd:\n  units:\n    - name: x.service\n      contents: "${unit}"\n`))], {
      lint: { platform: "aws" },
    });
    expect(r.findings.filter((f) => f.code.startsWith("size-"))).toEqual([expect.objectContaining({ code: "size-over-limit", file: "main.bu", path: [] })]);
    expect(r.findings.find((f) => f.code === "size-over-limit")!.line).toBeUndefined();
  });

  it("a platform without a documented limit: measured, no finding; no platform: not measured", () => {
    const r = compose(main, [big], { lint: { platform: "qemu" } });
    expect(r.userDataSize).toMatchObject({ platform: "qemu", limit: null, over: false });
    expect(r.findings).toEqual([]);
    expect(compose(main, [big], { lint: {} }).userDataSize).toBeUndefined();
    expect(compose(main, [big]).userDataSize).toBeUndefined();
  });

  it("the output, reports and failure are the same with and without the checks", () => {
    for (const opts of [{}, { pretty: true }, { strict: true }] as ComposeOptions[]) {
      const plain = compose(main, [big], opts);
      const linted = compose(main, [big], { ...opts, lint: { platform: "aws", target: "rhcos-4.8" } });
      expect(linted.output).toBe(plain.output);
      expect(linted.reports).toEqual(plain.reports);
      expect(linted.failure).toBe(plain.failure);
    }
  });

  it("per host: only the host whose values push the output over the limit gets the finding", () => {
    const project = { main, snippets: [file("host.bu", v16("storage:\n  files:\n    - path: /etc/motd\n      contents:\n        inline: ${MOTD}\n"))] };
    const table = parseHosts(`small,MOTD\nx,hello\n`.replace("small,", "host,") + `y,${noise(11_000, 5)}\n`, "hosts.csv");
    expect(table.ok).toBe(true);
    if (!table.ok) return;
    const builds = buildHosts(project, table.hosts, { lint: { platform: "aws" } });
    expect(builds.map((b) => [b.host, b.result!.userDataSize!.over, codes(b.result!.findings)])).toEqual([
      ["x", false, []],
      ["y", true, [["size-over-limit", "host.bu", 5]]],
    ]);
  });
});

describe("each file's own findings in a project", () => {
  it("are attributed to their file (systemd lint in a snippet), and cached apart from unchecked builds", () => {
    const cache = new Map();
    const unit = file("units.bu", v16("systemd:\n  units:\n    - name: a.service\n      contents: |\n        [Service]\n        ExecStrat=/bin/true\n"));
    const main = file("main.bu", v16(""));
    expect(compose(main, [unit], { cache }).findings).toEqual([]);
    const r = compose(main, [unit], { cache, lint: {} });
    expect(r.findings.map((f) => [f.code, f.file, f.line, f.data?.suggestions])).toEqual([
      ["systemd-missing-exec-start", "units.bu", 7, undefined],
      ["systemd-unknown-directive", "units.bu", 8, ["ExecStart", "ExecStop"]],
    ]);
    expect(compose(main, [unit], { cache }).findings).toEqual([]);
  });
});
