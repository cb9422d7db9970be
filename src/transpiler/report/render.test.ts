import { describe, expect, it } from "vitest";
import type { Diagnostic } from "../types.ts";
import { formatEntryRaw, renderReport } from "./render.ts";

const src = "variant: fcos\nversion: 1.5.0\nfoo: 1\n";
const warn = (path: Diagnostic["path"], line: number | undefined, column: number | undefined, message: string): Diagnostic => ({
  severity: "warning",
  path,
  line,
  column,
  message,
});
const pretty = (d: Diagnostic[], source = src, filename = "in.bu"): string => renderReport(d, { raw: false, source, filename });
const raw = (d: Diagnostic[]): string => renderReport(d, { raw: true, source: src, filename: "in.bu" });

describe("raw report (--raw-errors)", () => {
  it("matches vcontext's Entry.String variants", () => {
    expect(
      formatEntryRaw({
        severity: "warning",
        path: ["storage", "files", 0, "mode"],
        line: 6,
        column: 13,
        message: "unreasonable mode would be reasonable if specified in octal; remember to add a leading zero",
      }),
    ).toBe("warning at $.storage.files.0.mode, line 6 col 13: unreasonable mode would be reasonable if specified in octal; remember to add a leading zero");
    expect(formatEntryRaw(warn([], 1, 2, "m"))).toBe("warning at line 1 col 2: m");
    expect(formatEntryRaw(warn(["a"], undefined, undefined, "m"))).toBe("warning at $.a: m");
    expect(formatEntryRaw({ severity: "error", path: [], message: "m" })).toBe("error: m");
    expect(formatEntryRaw({ severity: "info", path: ["x"], line: 1, column: 1, message: "m" })).toBe("info at $.x, line 1 col 1: m");
  });

  it("prints one line per entry without blank lines", () => {
    expect(raw([warn(["foo"], 3, 1, "unused key foo"), { severity: "error", path: ["a"], line: 1, column: 1, message: "bad" }])).toBe(
      "warning at $.foo, line 3 col 1: unused key foo\nerror at $.a, line 1 col 1: bad\n",
    );
    expect(raw([])).toBe("");
  });
});

describe("pretty report", () => {
  it("reproduces the verified example", () => {
    expect(pretty([warn(["foo"], 3, 1, "unused key foo")])).toBe(
      [
        "warning[$.foo]:",
        "  --> in.bu:3:1",
        "   |",
        " 1 | variant: fcos",
        " 2 | version: 1.5.0",
        " 3 | foo: 1",
        "   | ^^^^ unused key foo",
        " 4 | ",
        "   |",
        "",
      ].join("\n"),
    );
  });

  it("separates entries with a blank line", () => {
    const out = pretty([warn(["foo"], 3, 1, "a"), { severity: "error", path: ["version"], line: 2, column: 10, message: "b" }]);
    expect(out).toBe(
      "warning[$.foo]:\n  --> in.bu:3:1\n   |\n 1 | variant: fcos\n 2 | version: 1.5.0\n 3 | foo: 1\n   | ^^^^ a\n 4 | \n   |\n" +
        "\n" +
        "error[$.version]:\n  --> in.bu:2:10\n   |\n 1 | variant: fcos\n 2 | version: 1.5.0\n   |          ^^^^^ b\n 3 | foo: 1\n 4 | \n   |\n",
    );
  });

  it("omits the brackets for an empty path", () => {
    expect(pretty([{ severity: "info", path: [], line: 1, column: 1, message: "m" }], "abc")).toBe(
      "info:\n  --> in.bu:1:1\n   |\n 1 | abc\n   | ^^^ m\n   |\n",
    );
  });

  it("underlines up to the next whitespace, or to the end of the line", () => {
    const source = "a:\n  b: c\td e\n";
    expect(pretty([warn(["a", "b"], 2, 6, "m")], source)).toContain(" 2 |   b: c\td e\n   |      ^ m\n");
    expect(pretty([warn(["a"], 1, 1, "m")], source)).toContain(" 1 | a:\n   | ^^ m\n");
    expect(pretty([warn(["x"], 1, 1, "m")], "x\u00a0y z")).toContain("   | ^ m\n");
    expect(pretty([warn(["x"], 1, 1, "m")], "x\ufeffy z")).toContain("   | ^^^^^ m\n");
  });

  it("uses rune columns but byte slicing", () => {
    // 'é' is two bytes: column 4 (rune-based, the 'a') is byte offset 3, the space.
    expect(pretty([warn(["é"], 1, 4, "m")], "é: ab cd")).toBe("warning[$.é]:\n  --> in.bu:1:4\n   |\n 1 | é: ab cd\n   |     m\n   |\n");
    // Column 2 is byte offset 1, inside the first 'é': 1 + 2 bytes up to the space.
    expect(pretty([warn(["x"], 1, 2, "m")], "éé ab")).toContain("   |  ^^^ m\n");
    // Multi-byte text under the carets counts bytes.
    expect(pretty([warn(["x"], 1, 7, "m")], "name: café x")).toContain("   |       ^^^^^ m\n");
  });

  it("sizes the gutter by the last shown line number", () => {
    const source = Array.from({ length: 12 }, (_, i) => `k${i + 1}: v`).join("\n");
    expect(pretty([warn(["k9"], 9, 1, "m")], source)).toBe(
      "warning[$.k9]:\n  --> in.bu:9:1\n    |\n  7 | k7: v\n  8 | k8: v\n  9 | k9: v\n    | ^^^ m\n 10 | k10: v\n 11 | k11: v\n    |\n",
    );
    expect(pretty([warn(["k7"], 7, 1, "m")], source)).toContain("\n  --> in.bu:7:1\n   |\n 5 | k5: v\n");
    expect(pretty([warn(["k8"], 8, 1, "m")], source)).toContain("\n  --> in.bu:8:1\n    |\n  6 | k6: v\n");
  });

  it("handles the first and last lines of the file", () => {
    const source = "a: 1\nb: 2\nc: 3";
    expect(pretty([warn(["c"], 3, 4, "m")], source)).toBe("warning[$.c]:\n  --> in.bu:3:4\n   |\n 1 | a: 1\n 2 | b: 2\n 3 | c: 3\n   |    ^ m\n   |\n");
    expect(pretty([warn(["a"], 1, 1, "m")], source)).toBe("warning[$.a]:\n  --> in.bu:1:1\n   |\n 1 | a: 1\n   | ^^ m\n 2 | b: 2\n 3 | c: 3\n   |\n");
  });

  it("keeps carriage returns", () => {
    expect(pretty([warn(["a"], 1, 1, "m")], "a: 1\r\nb: 2\r\n")).toBe(
      "warning[$.a]:\n  --> in.bu:1:1\n   |\n 1 | a: 1\r\n   | ^^ m\n 2 | b: 2\r\n 3 | \n   |\n",
    );
  });

  it("falls back to the raw line when the marker cannot be shown", () => {
    const source = "variant: fcos\nversion: 1.5.0\nignition:\n";
    // Marker column past the end of the line (col 10 on a 9-byte line).
    expect(pretty([{ severity: "error", path: ["ignition"], line: 3, column: 10, message: "m" }], source)).toBe("error at $.ignition, line 3 col 10: m\n");
    // Column equal to the byte length is still shown.
    expect(pretty([warn(["ignition"], 3, 9, "m")], source)).toContain(" 3 | ignition:\n   |         ^ m\n");
    // Column counted in bytes: 'é' makes the line 3 bytes long.
    expect(pretty([warn(["x"], 1, 3, "m")], "éa")).toContain("   |   ^ m\n");
    expect(pretty([warn(["x"], 1, 4, "m")], "éa")).toBe("warning at $.x, line 1 col 4: m\n");
    // Lines out of range, column < 1, no marker.
    expect(pretty([warn(["x"], 5, 1, "m")], source)).toBe("warning at $.x, line 5 col 1: m\n");
    expect(pretty([warn(["x"], 4, 1, "m")], source)).toBe("warning at $.x, line 4 col 1: m\n");
    expect(pretty([warn(["x"], 0, 1, "m")], source)).toBe("warning at $.x, line 0 col 1: m\n");
    expect(pretty([warn(["x"], 1, 0, "m")], source)).toBe("warning at $.x, line 1 col 0: m\n");
    expect(pretty([warn(["x"], undefined, undefined, "m")], source)).toBe("warning at $.x: m\n");
    // Fallback entries are still separated by a blank line.
    expect(pretty([warn(["x"], 9, 1, "a"), warn([], undefined, undefined, "b")], source)).toBe("warning at $.x, line 9 col 1: a\n\nwarning: b\n");
  });

  it("renders nothing for no entries", () => {
    expect(pretty([])).toBe("");
  });
});
