import { describe, expect, it } from "vitest";
import { MANIFEST, projectFolderEntries, readProjectFolder, type FolderEntry } from "./layout.ts";
import { readZip, writeZip } from "./zip.ts";

const enc = (s: string) => new TextEncoder().encode(s);
const dec = (b: Uint8Array) => new TextDecoder().decode(b);
const folder = (files: Record<string, string>): FolderEntry[] => Object.entries(files).map(([path, text]) => ({ path, data: enc(text) }));

describe("project folder layout", () => {
  it("by convention: main.bu, snippets/*.bu in name order, hosts table; every other file is local", () => {
    const r = readProjectFolder(
      folder({
        "main.bu": "m",
        "snippets/20-b.bu": "b",
        "snippets/10-a.bu": "a",
        "hosts.csv": "host\n",
        "files/motd": "hi",
        "notes.bu": "x",
        "snippets/readme.txt": "r",
      }),
      "demo",
    );
    if (!r.ok) throw new Error(r.message);
    expect(r.project.main).toEqual({ name: "main.bu", text: "m" });
    expect(r.project.snippets.map((s) => s.name)).toEqual(["snippets/10-a.bu", "snippets/20-b.bu"]);
    expect(r.project.hosts?.name).toBe("hosts.csv");
    expect(r.project.origin).toBe("demo");
    expect(r.localFiles.map((f) => f.path).sort()).toEqual(["files/motd", "notes.bu", "snippets/readme.txt"]);
  });

  it("config.bu, or the one top-level .bu, is the main config; none is a clear error", () => {
    const byConfig = readProjectFolder(folder({ "config.bu": "c", "other.bu": "o" }), "d");
    expect(byConfig.ok && byConfig.project.main.name).toBe("config.bu");
    const single = readProjectFolder(folder({ "node.bu": "n" }), "d");
    expect(single.ok && single.project.main.name).toBe("node.bu");
    const none = readProjectFolder(folder({ "a.bu": "a", "b.bu": "b" }), "d");
    expect(none).toEqual({ ok: false, message: expect.stringContaining("d has no main config") });
  });

  it("kindling.project.yaml names the files and their order; a named file that is missing is an error", () => {
    const files = {
      [MANIFEST]: "main: base.bu\nsnippets: [z.bu, a.bu]\nhosts: machines.yaml\n",
      "base.bu": "b",
      "z.bu": "z",
      "a.bu": "a",
      "machines.yaml": "h: {}\n",
    };
    const r = readProjectFolder(folder(files), "d");
    if (!r.ok) throw new Error(r.message);
    expect([r.project.main.name, ...r.project.snippets.map((s) => s.name), r.project.hosts?.name]).toEqual(["base.bu", "z.bu", "a.bu", "machines.yaml"]);
    expect(r.project.manifest).toBe(true);
    expect(r.localFiles).toEqual([]);
    expect(readProjectFolder(folder({ [MANIFEST]: "main: gone.bu\n" }), "d")).toEqual({ ok: false, message: "d: gone.bu not found" });
  });

  it("saving writes the layout back, with a manifest only when the order or names need one; zips round-trip", () => {
    const r = readProjectFolder(folder({ "main.bu": "m", "snippets/a.bu": "a", "snippets/b.bu": "b", "motd.txt": "hi" }), "d");
    if (!r.ok) throw new Error(r.message);
    const plain = projectFolderEntries(r.project, r.localFiles);
    expect(plain.map((e) => e.path)).toEqual(["main.bu", "snippets/a.bu", "snippets/b.bu", "motd.txt"]);
    const reordered = { ...r.project, snippets: [...r.project.snippets].reverse() };
    const withManifest = projectFolderEntries(reordered, r.localFiles);
    expect(dec(withManifest.find((e) => e.path === MANIFEST)!.data)).toBe("main: main.bu\nsnippets:\n  - snippets/b.bu\n  - snippets/a.bu\n");
    const back = readProjectFolder(readZip(writeZip(withManifest)), "d");
    if (!back.ok) throw new Error(back.message);
    expect(back.project.snippets.map((s) => s.name)).toEqual(["snippets/b.bu", "snippets/a.bu"]);
    expect(back.localFiles.map((f) => [f.path, dec(f.data)])).toEqual([["motd.txt", "hi"]]);
  });

  it("a zipped folder (one top folder) reads as that folder", () => {
    const zipped = writeZip(folder({ "proj/main.bu": "m", "proj/snippets/a.bu": "a" }));
    expect(readZip(zipped).map((e) => e.path)).toEqual(["main.bu", "snippets/a.bu"]);
  });
});
