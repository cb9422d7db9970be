/** `kindling build` and `kindling bundle`: outputs, exit codes, messages with host/file/line. */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
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

const dir = mkdtempSync(join(tmpdir(), "kindling-compose-"));
const file = (name: string, text: string) => {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
};
const main = file("main.bu", "variant: fcos\nversion: 1.5.0\nstorage:\n  files:\n    - path: /etc/hostname\n      contents:\n        inline: ${HOST}\n");
const net = file("net.bu", "variant: fcos\nversion: 1.5.0\nstorage:\n  files:\n    - path: /etc/ip\n      contents:\n        inline: ${IP:-dhcp}\n");
const users = file("users.bu", "variant: fcos\nversion: 1.5.0\npasswd:\n  users:\n    - name: core\n      shell: /bin/bash\n");
const users2 = file("users2.bu", "variant: fcos\nversion: 1.5.0\npasswd:\n  users:\n    - name: core\n      shell: /bin/zsh\n");
const plain = file("plain.bu", "variant: fcos\nversion: 1.5.0\nstorage:\n  files:\n    - path: /etc/motd\n      contents:\n        inline: hi\n");
const hosts = file("hosts.csv", "host,HOST,IP\nweb1,web1,10.0.0.1\nweb2,web2,\n");
const badHosts = file("bad.yaml", "web1:\n  HOST: web1\nweb2:\n  IP: 10.0.0.2\n");

describe("kindling build", () => {
  it("merges snippets over the main config, in order", () => {
    const r = run(["build", plain, "--snippet", users, "--snippet", users2]);
    expect(r).toEqual({
      code: 0,
      out: '{"ignition":{"version":"3.4.0"},"passwd":{"users":[{"name":"core","shell":"/bin/zsh"}]},"storage":{"files":[{"path":"/etc/motd","contents":{"compression":"","source":"data:,hi"}}]}}\n',
      err: `${users2}:6:14: warning[compose-conflict]: passwd.users[core].shell is set to different values by ${users}:6 and by ${users2}:6; ${users2} wins (later snippets merge over earlier ones)\n`,
    });
  });

  it("one host to stdout, --pretty", () => {
    const r = run(["build", main, "--snippet", net, "--hosts", hosts, "--host", "web2", "--pretty"]);
    expect(r.code).toBe(0);
    expect(r.err).toBe("");
    const cfg = JSON.parse(r.out) as { storage: { files: { contents: { source: string } }[] } };
    expect(cfg.storage.files.map((f) => f.contents.source)).toEqual(["data:,web2", "data:,dhcp"]);
    expect(r.out).toContain('\n  "storage": {');
  });

  it("every host into --out-dir", () => {
    const out = join(dir, "out");
    const r = run(["build", main, "--snippet", net, "--hosts", hosts, "--out-dir", out]);
    expect(r).toMatchObject({ code: 0, out: "", err: `built 2 of 2 hosts into ${out}\n` });
    expect(readFileSync(join(out, "web1.ign"), "utf8")).toContain('"source":"data:,10.0.0.1"');
    expect(existsSync(join(out, "web2.ign"))).toBe(true);
  });

  it("a missing value names host, file, line and column; the other hosts still build; exit 1", () => {
    const out = join(dir, "out2");
    const r = run(["build", main, "--hosts", badHosts, "--out-dir", out]);
    expect(r.code).toBe(1);
    expect(r.err).toBe(`${main}:7:17: error: host web2 has no value for HOST\nbuilt 1 of 2 hosts into ${out}\n`);
    expect(existsSync(join(out, "web1.ign"))).toBe(true);
    expect(existsSync(join(out, "web2.ign"))).toBe(false);
  });

  it("a Butane error in a snippet is reported for that file, with its line; exit 1", () => {
    const bad = file("bad.bu", "variant: fcos\nversion: 1.5.0\nstorage:\n  files:\n    - path: relative\n");
    const r = run(["build", plain, "--snippet", bad, "--raw-errors"]);
    expect(r).toEqual({
      code: 1,
      out: "",
      err: `${bad}: error at $.storage.files.0.path, line 5 col 13: path not absolute\n${bad}: Error translating config: config generated was invalid\n`,
    });
  });

  it("--files-dir, --strict and -o", () => {
    mkdirSync(join(dir, "files"), { recursive: true });
    writeFileSync(join(dir, "files", "motd"), "hello\n");
    const local = file("local.bu", "variant: fcos\nversion: 1.5.0\nstorage:\n  files:\n    - path: /etc/motd\n      contents:\n        local: motd\n");
    const o = join(dir, "local.ign");
    expect(run(["build", plain, "--snippet", local, "-d", join(dir, "files"), "-o", o])).toEqual({ code: 0, out: "", err: "" });
    expect(readFileSync(o, "utf8")).toContain('"source":"data:,hello%0A"');
    const warn = file("warn.bu", "variant: fcos\nversion: 1.5.0\nbogus: 1\n");
    expect(run(["build", plain, "--snippet", warn]).code).toBe(0);
    expect(run(["build", plain, "--snippet", warn, "--strict"])).toMatchObject({ code: 1, out: "" });
  });

  it("usage errors exit 2", () => {
    expect(run(["build"]).code).toBe(2);
    expect(run(["build", main, "--hosts", hosts]).err).toContain("with --hosts, give either --host NAME or --out-dir DIR\n");
    expect(run(["build", main, "--host", "x"]).err).toContain("--host and --out-dir need --hosts\n");
    expect(run(["build", main, "--bogus"])).toMatchObject({ code: 2 });
    expect(run(["build", main, "--hosts", hosts, "--host", "nope"])).toEqual({ code: 1, out: "", err: `host nope is not in ${hosts} (it lists web1, web2)\n` });
    expect(run(["build", "--help"])).toMatchObject({ code: 0 });
    expect(run(["build", join(dir, "missing.bu")])).toEqual({
      code: 1,
      out: "",
      err: `failed to open ${join(dir, "missing.bu")}: open ${join(dir, "missing.bu")}: no such file or directory\n`,
    });
  });

  it("a hosts table problem names its file and line", () => {
    const h = file("h.csv", "host,IP\nweb1\n");
    expect(run(["build", main, "--hosts", h, "--host", "web1"])).toEqual({ code: 1, out: "", err: `${h}:2:1: error: 1 fields where the header has 2\n` });
  });
});

describe("kindling build --lint, --target, --platform", () => {
  /** `n` characters gzip cannot shrink much. */
  const noise = (n: number, seed: number) => {
    let x = seed;
    let t = "";
    while (t.length < n) {
      x = (x * 1103515245 + 12345) % 2 ** 31;
      t += "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"[x % 62];
    }
    return t;
  };
  const big = file("big.bu", `variant: fcos\nversion: 1.5.0\nstorage:\n  files:\n    - path: /etc/big\n      contents:\n        inline: ${noise(11_000, 2)}\n`);
  const mid = file("mid.bu", `variant: fcos\nversion: 1.5.0\nstorage:\n  files:\n    - path: /etc/mid\n      contents:\n        inline: ${noise(9000, 1)}\n`);
  const unit = file(
    "unit.bu",
    "variant: fcos\nversion: 1.5.0\nsystemd:\n  units:\n    - name: a.service\n      contents: |\n        [Service]\n        ExecStart=/bin/true\n        ExecStrat=/bin/true\n",
  );

  it("without the flags: the same output and stderr as ever, however big", () => {
    const r = run(["build", mid, "--snippet", big]);
    expect(r.code).toBe(0);
    expect(r.err).toBe("");
  });

  it("--platform: the snippet that pushes the merged output over the limit is named with its line; stdout and exit unchanged", () => {
    const plain = run(["build", mid, "--snippet", big]);
    const r = run(["build", mid, "--snippet", big, "--platform", "aws"]);
    expect(r.code).toBe(plain.code);
    expect(r.out).toBe(plain.out);
    const bytes = Buffer.byteLength(r.out);
    expect(bytes).toBeGreaterThan(16384);
    expect(r.err).toMatch(
      new RegExp(
        `^lint\\[size-over-limit\\] error at ${big.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}:5:7, \\$\\.storage\\.files\\.0: The output is ${bytes} bytes`,
      ),
    );
    expect(r.err.split("\n").slice(1)).toEqual([`lint: user data for aws: ${bytes} bytes (raw), limit 16384 bytes`, ""]);
    // each file alone is under the limit
    expect(run([`--platform`, "aws", mid]).err).not.toContain("size-over-limit");
  });

  it("--target: every file whose spec the target cannot read; --lint: each file's own findings; after the compose warnings", () => {
    const r = run(["build", plain, "--snippet", users, "--snippet", users2, "--snippet", unit, "--target", "rhcos-4.8"]);
    const plainRun = run(["build", plain, "--snippet", users, "--snippet", users2, "--snippet", unit]);
    expect(r.code).toBe(0);
    expect(r.out).toBe(plainRun.out);
    expect(r.err.startsWith(plainRun.err)).toBe(true);
    const lines = r.err.slice(plainRun.err.length).split("\n").filter(Boolean);
    expect(lines.map((l) => /^lint\[([\w-]+)\] \w+ at ([^,:]+):(\d+)/.exec(l)?.slice(1))).toEqual([
      ["target-spec-too-new", plain, "2"],
      ["target-spec-too-new", users, "2"],
      ["target-spec-too-new", users2, "2"],
      ["target-spec-too-new", unit, "2"],
      ["systemd-unknown-directive", unit, "9"],
    ]);
    expect(lines[0]).toContain("OpenShift 4.8");
  });

  it("per host with --out-dir: each host's findings carry its name; unknown ids exit 2", () => {
    const out = join(dir, "out-lint");
    const r = run(["build", main, "--snippet", net, "--hosts", hosts, "--out-dir", out, "--platform", "qemu"]);
    expect(r.code).toBe(0);
    expect(r.err.split("\n").filter(Boolean)).toEqual([
      expect.stringMatching(/^host web1: lint: user data for qemu: \d+ bytes \(raw\), no documented limit$/),
      expect.stringMatching(/^host web2: lint: user data for qemu: \d+ bytes \(raw\), no documented limit$/),
      `built 2 of 2 hosts into ${out}`,
    ]);
    expect(run(["build", plain, "--target", "nope"])).toMatchObject({ code: 2, out: "" });
    expect(run(["build", plain, "--platform", "nope"]).err).toContain("unknown --platform nope; one of: aws");
  });
});

describe("kindling bundle", () => {
  it("inlines local files; the result transpiles the same without a files directory", () => {
    mkdirSync(join(dir, "files"), { recursive: true });
    writeFileSync(join(dir, "files", "motd"), "hello\n");
    const src = file("b.bu", "variant: fcos\nversion: 1.5.0\nstorage:\n  files:\n    - path: /etc/motd\n      contents:\n        local: motd  # keep me\n");
    const r = run(["bundle", src, "--files-dir", join(dir, "files")]);
    expect(r).toEqual({
      code: 0,
      out: "variant: fcos\nversion: 1.5.0\nstorage:\n  files:\n    - path: /etc/motd\n      contents:\n        inline: |\n          hello\n",
      err: "",
    });
    const bundled = file("bundled.bu", r.out);
    expect(run([bundled]).out).toBe(run(["-d", join(dir, "files"), src]).out);
  });

  it("a missing file: file:line:col error, exit 1; usage errors exit 2", () => {
    const src = file("m.bu", "variant: fcos\nversion: 1.5.0\nstorage:\n  files:\n    - path: /etc/motd\n      contents:\n        local: nope\n");
    expect(run(["bundle", src, "-d", join(dir, "files")])).toEqual({
      code: 1,
      out: "",
      err: `${src}:7:16: error: open ${join(dir, "files")}/nope: no such file or directory\n`,
    });
    expect(run(["bundle"]).code).toBe(2);
    expect(run(["bundle", src, "extra"]).code).toBe(2);
  });

  it("a file named build or bundle is transpiled with ./", () => {
    const cwd = process.cwd();
    process.chdir(dir);
    try {
      writeFileSync(join(dir, "build"), "variant: fcos\nversion: 1.5.0\n");
      expect(run(["./build"])).toEqual({ code: 0, out: '{"ignition":{"version":"3.4.0"}}\n', err: "" });
      expect(run(["--pretty", "build"]).code).toBe(0);
    } finally {
      process.chdir(cwd);
    }
  });
});
