import { describe, expect, it } from "vitest";
import { cleanRelPath, createFilesProvider } from "./files-provider.ts";

const bytes = (s: string) => new TextEncoder().encode(s);

describe("files provider", () => {
  const p = createFilesProvider([
    { path: "motd", data: bytes("hi"), mode: 0o644 },
    { path: "etc/app/run.sh", data: bytes("#!/bin/sh"), mode: 0o755 },
    { path: "./etc/conf", data: bytes("x"), mode: 0o600 },
  ]);

  it("reads files by relative path", () => {
    expect(p.root).toBe("files");
    expect(p.read("motd")).toEqual({ ok: true, data: bytes("hi") });
    expect(p.read("etc/conf")).toEqual({ ok: true, data: bytes("x") });
    expect(p.read("nope")).toEqual({ ok: false, error: "not-found" });
    expect(p.read("etc")).toEqual({ ok: false, error: "is-directory" });
  });

  it("describes files and implied directories", () => {
    expect(p.lstat("etc/app/run.sh")).toEqual({ ok: true, stat: { kind: "file", mode: 0o755 } });
    expect(p.lstat("etc/app")).toMatchObject({ ok: true, stat: { kind: "directory" } });
    expect(p.lstat("")).toMatchObject({ ok: true, stat: { kind: "directory" } });
    expect(p.lstat("missing")).toEqual({ ok: false, error: "not-found" });
  });

  it("lists directories", () => {
    const names = (rel: string) => {
      const r = p.readdir(rel);
      return r.ok ? r.names.sort() : r.error;
    };
    expect(names("")).toEqual(["etc", "motd"]);
    expect(names(".")).toEqual(["etc", "motd"]);
    expect(names("etc")).toEqual(["app", "conf"]);
    expect(names("motd")).toBe("not-directory");
    expect(names("nope")).toBe("not-found");
  });

  it("cleans paths", () => {
    expect(cleanRelPath("./a//b/./c/")).toBe("a/b/c");
    expect(cleanRelPath("/x")).toBe("x");
  });
});
