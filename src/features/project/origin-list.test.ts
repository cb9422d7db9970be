import { describe, expect, it } from "vitest";
import { originRows } from "./origin-list.ts";

describe("originRows", () => {
  it("lists list entries by their key and plain values two levels deep, not sections or lists", () => {
    const config = { ignition: { version: "3.4.0" }, storage: { files: [{ path: "/etc/a" }, { mode: 420 }] }, passwd: { users: [{ name: "core" }] } };
    const o = (path: (string | number)[], file: string, line?: number) => ({ path, file, source: [], ...(line !== undefined ? { line, column: 1 } : {}) });
    const rows = originRows(
      [
        o(["ignition"], "main.bu", 1),
        o(["ignition", "version"], "main.bu", 2),
        o(["storage", "files"], "s.bu", 3),
        o(["storage", "files", 0], "s.bu", 4),
        o(["storage", "files", 0, "path"], "s.bu", 4),
        o(["storage", "files", 1], "s.bu", 6),
        o(["passwd", "users", 0], "main.bu"),
      ],
      config,
    );
    expect(rows.map((r) => `${r.label} ${r.file}:${r.line}`)).toEqual([
      "ignition.version main.bu:2",
      "storage.files[/etc/a] s.bu:4",
      "storage.files[1] s.bu:6",
    ]);
  });
});
