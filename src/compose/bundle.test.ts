import { describe, expect, it } from "vitest";
import { gzipSync } from "node:zlib";
import { createFilesProvider } from "../worker/files-provider.ts";
import { transpile } from "../transpiler/index.ts";
import { bundle } from "./bundle.ts";

const enc = (s: string) => new TextEncoder().encode(s);
const files = createFilesProvider([
  { path: "motd", data: enc("Welcome\n  indented line\n\n"), mode: 0o644 },
  { path: "bin/blob", data: Uint8Array.from([0, 1, 2, 255, 254, 10]), mode: 0o644 },
  { path: "big.txt", data: enc("repeat me please\n".repeat(200)), mode: 0o644 },
  { path: "pre.gz", data: gzipSync(enc("hello")), mode: 0o644 },
  { path: "unit.service", data: enc("[Service]\nExecStart=/bin/true\n"), mode: 0o644 },
  { path: "keys", data: enc("ssh-ed25519 AAAA one\r\n\nssh-ed25519 AAAA two\n"), mode: 0o644 },
  { path: "tree/run.sh", data: enc("#!/bin/sh\n"), mode: 0o755 },
  { path: "tree/conf/a.conf", data: enc("a=1\n"), mode: 0o600 },
]);

const same = (source: string, bundled: string) => {
  const before = transpile(source, { files, pretty: true });
  expect(before.failure).toBeUndefined();
  expect(before.diagnostics).toEqual([]);
  const after = transpile(bundled, { pretty: true });
  expect(after.diagnostics).toEqual([]);
  expect(after.output).toBe(before.output);
};

describe("bundle", () => {
  it("text becomes inline, binary a data URL with Butane's compression; comments and layout stay", () => {
    const src = `# my host
variant: fcos
version: 1.5.0
storage:
  files:
    # the greeting
    - path: /etc/motd
      contents:
        local: motd   # beside the config
      mode: 0644
    - path: /opt/blob
      contents: { local: bin/blob }
    - path: /opt/big
      contents:
        local: big.txt
    - path: /opt/pre
      contents:
        local: pre.gz
        compression: gzip
`;
    const r = bundle(src, files);
    expect(r).toMatchObject({ ok: true, problems: [], inlined: 4 });
    expect(r.text).toContain("# my host\n");
    expect(r.text).toContain(
      "    # the greeting\n    - path: /etc/motd\n      contents:\n        inline: |+\n          Welcome\n            indented line\n\n      mode: 0644\n",
    );
    expect(r.text).toMatch(/contents: \{ source: "data:;base64,AAEC\/\/4K", compression: "" \}/);
    expect(r.text).not.toMatch(/local:/);
    same(src, r.text);
  });

  it("contents_local, ssh_authorized_keys_local and trees (modes, order, directories)", () => {
    const src = `variant: fcos
version: 1.7.0
passwd:
  users:
    - name: core
      ssh_authorized_keys_local: [keys]
    - name: other
      ssh_authorized_keys: [ssh-ed25519 AAAA zero]
      ssh_authorized_keys_local:
        - keys
systemd:
  units:
    - name: x.service
      contents_local: unit.service
      dropins:
        - name: a.conf
          contents_local: tree/conf/a.conf
storage:
  files:
    - path: /etc/explicit
  trees:
    - local: tree
      path: /opt/t
    - local: tree/conf
      path: /etc/c
      dir_mode: 0750
      file_mode: 0640
      user: { name: core }
`;
    const r = bundle(src, files);
    expect(r.ok).toBe(true);
    expect(r.text).not.toMatch(/_local|trees|local:/);
    same(src, r.text);
    const out = JSON.parse(transpile(r.text).output!) as {
      storage: { files: { path: string; mode?: number }[]; directories: { path: string; mode: number }[] };
    };
    expect(out.storage.files.map((f) => [f.path, f.mode])).toEqual([
      ["/etc/explicit", undefined],
      ["/opt/t/conf/a.conf", 0o644],
      ["/opt/t/run.sh", 0o755],
      ["/etc/c/a.conf", 0o640],
    ]);
    expect(out.storage.directories).toEqual([{ path: "/etc/c", user: { name: "core" }, mode: 0o750 }]);
  });

  it("a missing file is a problem with its line; the text is left as it was", () => {
    const src = "variant: fcos\nversion: 1.5.0\nstorage:\n  files:\n    - path: /x\n      contents:\n        local: nope\n";
    expect(bundle(src, files)).toEqual({
      ok: false,
      text: src,
      inlined: 0,
      problems: [
        { severity: "error", message: "open files/nope: no such file or directory", path: ["storage", "files", 0, "contents", "local"], line: 7, column: 16 },
      ],
    });
    expect(bundle(src, undefined).problems[0]!.message).toBe("local file paths are relative to a files directory that must be specified with -d/--files-dir");
  });

  it("keys the version ignores are left alone; a tree's are dropped with a warning (an error with strict)", () => {
    const old = "variant: fcos\nversion: 1.0.0\nstorage:\n  files:\n    - path: /x\n      contents:\n        local: motd\n";
    expect(bundle(old, files)).toMatchObject({ ok: true, text: old, inlined: 0 });
    const tree = "variant: fcos\nversion: 1.5.0\nstorage:\n  trees:\n    - local: tree/conf\n      path: /c\n      file_mode: 0600\n";
    const r = bundle(tree.replace("1.5.0", "1.3.0"), files);
    expect(r.ok).toBe(true);
    expect(r.problems).toEqual([
      expect.objectContaining({ severity: "warning", message: "Butane ignores file_mode here (unused key); the bundle drops it with the tree", line: 7 }),
    ]);
    expect(bundle(tree.replace("1.5.0", "1.3.0"), files, { strict: true }).ok).toBe(false);
  });

  it("a file with nothing to inline comes back unchanged", () => {
    const src = "variant: fcos\nversion: 1.5.0\n# nothing\n";
    expect(bundle(src, undefined)).toEqual({ ok: true, text: src, problems: [], inlined: 0 });
  });
});
