import fc from "fast-check";
import { gzipSync, strToU8 } from "fflate";
import { describe, expect, it } from "vitest";
import { describeSource, decodeDataUrl } from "./data-url.ts";
import { deriveFiles, emptyFilesView, type FileTreeNode } from "./derive-files.ts";
import { anything, garbageInputs, ignitionish } from "./garbage.test-helpers.ts";

describe("data URLs", () => {
  it.each([
    { url: "data:,", bytes: 0 },
    { url: "data:,hello", bytes: 5 },
    { url: "data:,hello%20world%0A", bytes: 12 },
    { url: "data:,caf%C3%A9", bytes: 5 },
    { url: "data:,café", bytes: 5 },
    { url: "data:;base64,aGVsbG8=", bytes: 5 },
    { url: "data:;base64,aGVsbG8h", bytes: 6 },
    { url: "data:;base64,aGk=", bytes: 2 },
    { url: "data:text/plain;charset=utf-8;base64,aGVs%0AbG8=", bytes: 5 },
    { url: "data:application/octet-stream;base64,", bytes: 0 },
  ])("$url is $bytes bytes", ({ url, bytes }) => {
    expect(decodeDataUrl(url)?.length).toBe(bytes);
  });

  it("rejects malformed payloads", () => {
    expect(decodeDataUrl("data:,%zz")).toBeNull();
    expect(decodeDataUrl("data:;base64,@@@@")).toBeNull();
    expect(decodeDataUrl("data:nocomma")).toBeNull();
    expect(describeSource("data:;base64,@@", null)).toEqual({ kind: "invalid", reason: "malformed data URL" });
  });

  it("classifies sources", () => {
    expect(describeSource("https://example.com/a", null)).toEqual({ kind: "remote", scheme: "https", url: "https://example.com/a" });
    expect(describeSource("s3://bucket/key", null)).toMatchObject({ kind: "remote", scheme: "s3" });
    expect(describeSource("arn:aws:s3:::bucket/key", null)).toMatchObject({ kind: "remote", scheme: "arn" });
    expect(describeSource("ftp://x", null)).toEqual({ kind: "invalid", reason: "unsupported scheme ftp:" });
    expect(describeSource("/etc/passwd", null)).toEqual({ kind: "invalid", reason: "not a URL" });
    expect(describeSource("data:,a%0Ab", null)).toMatchObject({ kind: "data", bytes: 3, text: "a\nb", compression: null });
    expect(describeSource("data:;base64,AAEC", null)).toMatchObject({ kind: "data", bytes: 3, text: null });
    expect(describeSource("data:;base64,H4sIAAAAAAAC/w==", "gzip")).toMatchObject({ bytes: 10, compression: "gzip", text: null, uncompressedBytes: null });
    // A truncated stream inflates partly, but its size is not claimed.
    expect(describeSource("data:;base64,H4sIAAAAAAACA4suLUhJLEktjuUqLikCMtIrFWwVlApSizLzUzKTlbgAam5t", "gzip")).toMatchObject({ uncompressedBytes: null });
  });

  it("decompresses gzip for the preview", () => {
    const s = describeSource("data:;base64,H4sIAAAAAAACA4suLUhJLEktjuUqLikCMtIrFWwVlApSizLzUzKTlbgAam5txiAAAAA=", "gzip");
    expect(s).toMatchObject({ kind: "data", bytes: 50, text: '[updates]\nstrategy = "periodic"\n', uncompressedBytes: 32, truncated: false });
  });

  it("stops inflating a gzip bomb early", () => {
    const bomb = gzipSync(strToU8("a".repeat(20 * 1024 * 1024)));
    let b64 = "";
    for (let i = 0; i < bomb.length; i += 8192) b64 += String.fromCharCode(...bomb.subarray(i, i + 8192));
    const started = performance.now();
    const s = describeSource(`data:;base64,${btoa(b64)}`, "gzip");
    expect(performance.now() - started).toBeLessThan(2000);
    expect(s).toMatchObject({ kind: "data", bytes: bomb.length, uncompressedBytes: null, truncated: true });
  });

  it("counts large payloads without keeping them", () => {
    const big = "data:;base64," + "QUJD".repeat(50_000);
    const s = describeSource(big, null);
    expect(s).toMatchObject({ kind: "data", bytes: 150_000, truncated: true });
    if (s.kind === "data") expect(s.text?.length).toBeLessThanOrEqual(16 * 1024);
  });
});

const sample = {
  ignition: { version: "3.5.0" },
  storage: {
    files: [
      { path: "/etc/hostname", mode: 420, overwrite: true, contents: { compression: "", source: "data:,myhost" } },
      { path: "/etc/NetworkManager/system-connections/ens2.nmconnection", mode: 384, contents: { source: "data:,%5Bconnection%5D%0Aid%3Dens2%0A" } },
      {
        path: "/etc/zincati/config.d/55-updates-strategy.toml",
        contents: { compression: "gzip", source: "data:;base64,H4sIAAAAAAACA4suLUhJLEktjuUqLikCMtIrFWwVlApSizLzUzKTlbgAam5txiAAAAA=" },
      },
      {
        path: "/usr/local/bin/tool",
        mode: 493,
        user: { name: "core" },
        group: { id: 1000 },
        contents: { source: "https://example.com/tool", verification: { hash: "sha512-abc" } },
      },
      { path: "/var/log/app.log", append: [{ source: "data:,line%0A" }, { source: "s3://b/k" }] },
      { path: "/etc/empty" },
      { path: "/etc/suid", mode: 2541 },
    ],
    directories: [{ path: "/var/lib/data", mode: 1023, user: { id: 1000 } }, { path: "/etc/zincati" }],
    links: [
      { path: "/etc/localtime", target: "../usr/share/zoneinfo/Europe/Berlin" },
      { path: "/usr/local/bin/t", target: "/usr/local/bin/tool", hard: true },
    ],
  },
};

function flatten(nodes: FileTreeNode[], depth = 0): string[] {
  return nodes.flatMap((n) => [`${"  ".repeat(depth)}${n.name} ${n.kind}`, ...flatten(n.children, depth + 1)]);
}

function find(nodes: FileTreeNode[], path: string): FileTreeNode | undefined {
  for (const n of nodes) {
    if (n.path === path) return n;
    const hit = find(n.children, path);
    if (hit !== undefined) return hit;
  }
  return undefined;
}

describe("deriveFiles", () => {
  const v = deriveFiles(sample);

  it("builds a tree with implicit parents, directories first", () => {
    expect(v.counts).toEqual({ files: 7, directories: 2, links: 2 });
    expect(flatten(v.roots)).toEqual([
      "etc implicit",
      "  NetworkManager/system-connections implicit",
      "    ens2.nmconnection file",
      "  zincati directory",
      "    config.d implicit",
      "      55-updates-strategy.toml file",
      "  empty file",
      "  hostname file",
      "  localtime link",
      "  suid file",
      "usr/local/bin implicit",
      "  t link",
      "  tool file",
      "var implicit",
      "  lib implicit",
      "    data directory",
      "  log implicit",
      "    app.log file",
    ]);
  });

  it("formats modes, owners and contents", () => {
    const row = (p: string) => find(v.roots, p)?.entry;
    expect(row("/etc/hostname")).toMatchObject({
      mode: "-rw-r--r--",
      octal: "0644",
      modeDefault: false,
      owner: "root:root",
      ownerDefault: true,
      overwrite: true,
    });
    expect(row("/etc/hostname")?.contents?.summary).toBe("inline, 6 bytes");
    expect(row("/etc/NetworkManager/system-connections/ens2.nmconnection")).toMatchObject({ mode: "-rw-------" });
    expect(row("/etc/NetworkManager/system-connections/ens2.nmconnection")?.contents?.source).toMatchObject({ text: "[connection]\nid=ens2\n" });
    expect(row("/etc/zincati/config.d/55-updates-strategy.toml")?.contents?.summary).toBe("gzip, 50 bytes compressed (32 uncompressed)");
    expect(row("/etc/zincati/config.d/55-updates-strategy.toml")).toMatchObject({ mode: "-rw-r--r--", modeDefault: true });
    expect(row("/usr/local/bin/tool")).toMatchObject({ mode: "-rwxr-xr-x", owner: "core:1000", ownerDefault: false });
    expect(row("/usr/local/bin/tool")?.contents).toMatchObject({ summary: "remote (https)", verification: "sha512" });
    expect(row("/var/log/app.log")?.append.map((a) => a.summary)).toEqual(["inline, 5 bytes", "remote (s3)"]);
    expect(row("/etc/empty")?.contents?.summary).toBe("empty");
    expect(row("/etc/suid")?.mode).toBe("-rwsr-xr-x"); // 2541 = 0o4755
    expect(row("/var/lib/data")).toMatchObject({ mode: "drwxrwxrwt", owner: "1000:root" });
    expect(row("/etc/zincati")).toMatchObject({ mode: "drwxr-xr-x", modeDefault: true });
    expect(row("/etc/localtime")).toMatchObject({ mode: "lrwxrwxrwx", target: "../usr/share/zoneinfo/Europe/Berlin", hard: false });
    expect(row("/usr/local/bin/t")).toMatchObject({ mode: null, hard: true });
  });

  it("flags duplicates, conflicts, bad modes and relative paths", () => {
    const w = deriveFiles({
      storage: {
        files: [{ path: "/a" }, { path: "/a" }, { path: "/a/b" }, { path: "rel" }, { path: "/m", mode: 99999 }],
      },
    });
    const a = find(w.roots, "/a");
    expect(a).toMatchObject({ duplicates: 1, conflict: true, kind: "file" });
    expect(w.invalid.map((e) => e.path)).toEqual(["rel"]);
    expect(find(w.roots, "/m")?.entry).toMatchObject({ mode: null, invalidMode: 99999 });
  });

  it("counts the rows of the tree, and whether owners differ from root", () => {
    const count = (nodes: FileTreeNode[]): number => nodes.reduce((n, c) => n + 1 + count(c.children), 0);
    expect(v.rows).toBe(count(v.roots));
    expect(v.rows).toBe(18);
    expect(v.ownersVary).toBe(true);
    const plain = deriveFiles({ storage: { files: [{ path: "/a/b/c" }, { path: "/a/d", user: {} }], directories: [{ path: "/e", group: { name: "" } }] } });
    expect(flatten(plain.roots)).toEqual(["a implicit", "  b implicit", "    c file", "  d file", "e directory"]);
    expect(plain.rows).toBe(5);
    expect(plain.ownersVary).toBe(false);
    // Only the entry shown for a path counts, not a duplicate of it.
    expect(deriveFiles({ storage: { files: [{ path: "/a" }, { path: "/a", user: { name: "core" } }] } }).ownersVary).toBe(false);
  });

  it("handles a path of 100,000 segments (no recursion over the depth)", () => {
    const w = deriveFiles({ storage: { files: [{ path: "/d".repeat(100_000) + "/f" }, { path: "/d/g" }] } });
    expect(w.rows).toBe(4);
    expect(flatten(w.roots)).toEqual(["d implicit", `  ${"d/".repeat(99_998)}d implicit`, "    f file", "  g file"]);
  });

  it("cleans dot segments", () => {
    const w = deriveFiles({ storage: { files: [{ path: "/etc/./x/../y" }] } });
    expect(flatten(w.roots)).toEqual(["etc implicit", "  y file"]);
  });

  it.each(garbageInputs)("never throws on garbage: $name", ({ input }) => {
    expect(Array.isArray(deriveFiles(input).roots)).toBe(true);
  });

  it("returns the empty view for non-configs", () => {
    expect(deriveFiles("x")).toEqual(emptyFilesView);
  });

  it("never throws on random input", () => {
    fc.assert(
      fc.property(fc.oneof(ignitionish, anything), (input) => Array.isArray(deriveFiles(input).roots)),
      { numRuns: 300 },
    );
  });
});
