import { describe, expect, it } from "vitest";
import { quote as goQuote } from "../go/strconv.ts";
import { hasInstallSection, parseUnit } from "./unit-parser.ts";

describe("parseUnit (go-systemd unit.Deserialize)", () => {
  it("parses sections and options", () => {
    const r = parseUnit("# c\n[Unit]\nDescription = Hello  world \n\n[Install]\nWantedBy=multi-user.target\n");
    expect(r).toEqual({
      ok: true,
      options: [
        { section: "Unit", name: "Description", value: "Hello  world" },
        { section: "Install", name: "WantedBy", value: "multi-user.target" },
      ],
    });
  });

  it("joins continuation lines", () => {
    const r = parseUnit("[Service]\nExecStart=/bin/a \\\n  --b\n");
    expect(r.ok && r.options).toEqual([{ section: "Service", name: "ExecStart", value: "/bin/a \\\n  --b" }]);
  });

  it("skips anything before the first section and continued comments", () => {
    expect(parseUnit("Foo=bar\nbaz\n")).toEqual({ ok: true, options: [] });
    expect(parseUnit("[A]\n#x \\\nstill comment\nB=c\n")).toEqual({ ok: true, options: [{ section: "A", name: "B", value: "c" }] });
    expect(parseUnit("[A]\r\nB=c\r\n")).toEqual({ ok: true, options: [{ section: "A", name: "B", value: "c" }] });
  });

  it.each([
    ["", null],
    ["[Unit", "unable to find end of section"],
    ["[Unit] garbage\nA=b\n", 'found garbage after section name : "garbage"'],
    ["[Unit]\tx\ty \n", 'found garbage after section name : "x\\ty"'],
    ["[Unit] \u00a0\u00adx\u00a0\n", 'found garbage after section name : "\\u00adx"'],
    ['[Unit] "q"\n', 'found garbage after section name : "\\"q\\""'],
    ["[Unit]\nFoo\nBar=1\n", "unexpected newline encountered while parsing option name"],
    ["[Unit]\nFoo\rBar=1\n", "unexpected newline encountered while parsing option name"],
    ["[Unit]\nFoo", "EOF"],
    ["[Unit]\nA=b\nC", "EOF"],
    ["[Unit]\nA=" + "x".repeat(3000), "line too long (max 2048 bytes)"],
    ["x".repeat(2100) + "\n[Unit]\nA=b\n", "line too long (max 2048 bytes)"],
  ])("%j → error %j", (contents, want) => {
    const r = parseUnit(contents);
    if (want === null) expect(r.ok).toBe(true);
    else expect(r).toEqual({ ok: false, error: want });
  });

  it("checks line length only on what the 4096-byte buffer holds (like bufio)", () => {
    // a long line that starts after the first buffer is mostly consumed escapes the check
    const late = "[Unit]\n" + "A=b\n".repeat(750) + "B=" + "x".repeat(2500) + "\n";
    expect(parseUnit(late).ok).toBe(true);
    // a line shorter than the limit is fine anywhere
    expect(parseUnit("[Unit]\nA=" + "x".repeat(2000) + "\n").ok).toBe(true);
  });

  it("finds [Install] only through its options", () => {
    expect(hasInstallSection("[Unit]\n[Install]\nWantedBy=a.target\n")).toBe(true);
    expect(hasInstallSection("[Install]\n")).toBe(false);
    expect(hasInstallSection("[Unit]\nA=b\n")).toBe(false);
    expect(hasInstallSection("[Install]\nWantedBy=x\n[Unit")).toBe(false);
  });
});

describe("goQuote (strconv.Quote)", () => {
  it.each([
    ["a.service", '"a.service"'],
    ['a"b\\c', '"a\\"b\\\\c"'],
    ["\u0007\b\f\n\r\t\v", '"\\a\\b\\f\\n\\r\\t\\v"'],
    ["\u0001\u007f", '"\\x01\\x7f"'],
    ["é€😀", '"é€😀"'],
    ["\u00a0\u200b\u{e0001}", '"\\u00a0\\u200b\\U000e0001"'],
  ])("%j → %s", (s, want) => {
    expect(goQuote(s)).toBe(want);
  });
});
