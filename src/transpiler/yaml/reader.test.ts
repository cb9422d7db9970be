/**
 * Bytes read as yaml.v3's reader (readerc.go) reads them: the encoding from the byte order mark,
 * malformed input an error of the first (version-sniffing) decode, and a problem found only when
 * the scanner's 512-byte chunks reach it. Expectations follow readerc.go.
 */
import { describe, expect, it } from "vitest";
import { transpile } from "../index.ts";

const HEAD = "variant: fcos\nversion: 1.5.0\n";
const FAIL = "Error translating config: Error unmarshaling yaml: yaml: ";
const bytes = (...parts: (string | number[])[]) => Uint8Array.from(parts.flatMap((p) => (typeof p === "string" ? [...Buffer.from(p, "utf8")] : p)));

function utf16(s: string, littleEndian: boolean, bom = true): Uint8Array {
  const out: number[] = bom ? (littleEndian ? [0xff, 0xfe] : [0xfe, 0xff]) : [];
  for (let i = 0; i < s.length; i++) {
    const u = s.charCodeAt(i);
    out.push(...(littleEndian ? [u & 0xff, u >> 8] : [u >> 8, u & 0xff]));
  }
  return Uint8Array.from(out);
}

describe("malformed UTF-8 is an error, never U+FFFD", () => {
  it.each([
    ["a byte that starts no sequence", bytes(HEAD, "# a", [0xff], "\n"), "invalid leading UTF-8 octet"],
    ["a continuation byte alone", bytes(HEAD, "# ", [0x80], "\n"), "invalid leading UTF-8 octet"],
    ["a 5-byte lead", bytes(HEAD, "# ", [0xf8], "\n"), "invalid leading UTF-8 octet"],
    ["a sequence cut short by the end", bytes(HEAD, "# a", [0xc3]), "incomplete UTF-8 octet sequence"],
    ["a bad byte in a sequence the end cuts short", bytes(HEAD, "# ", [0xe2, 0x41]), "incomplete UTF-8 octet sequence"],
    ["a bad trailing byte", bytes(HEAD, "# a", [0xc3, 0x41], "\n"), "invalid trailing UTF-8 octet"],
    ["an overlong form", bytes(HEAD, "# ", [0xc0, 0x80], "\n"), "invalid length of a UTF-8 sequence"],
    ["an encoded surrogate", bytes(HEAD, "# ", [0xed, 0xa0, 0x80], "\n"), "invalid Unicode character"],
    ["a code point above U+10FFFF", bytes(HEAD, "# ", [0xf4, 0x90, 0x80, 0x80], "\n"), "invalid Unicode character"],
    ["a control character", bytes(HEAD, "a: b", [0x07], "\n"), "control characters are not allowed"],
    ["a bad byte in a value", bytes(HEAD, "storage:\n  files:\n    - path: /a", [0xff], "\n"), "invalid leading UTF-8 octet"],
    ["a bad byte 600 bytes on, in a later document", bytes(HEAD, "# " + "x".repeat(600) + "\n---\n", [0xff], "\n"), "invalid leading UTF-8 octet"],
    ["a sequence straddling the first 512-byte chunk", bytes("#" + "x".repeat(509) + "\n", [0xe2, 0x41, 0x41], "\n", HEAD), "invalid trailing UTF-8 octet"],
    ["two bytes of input", bytes("a", [0xc3]), "incomplete UTF-8 octet sequence"],
  ])("%s", (_name, input, problem) => {
    const r = transpile(input);
    expect(r.failure).toBe(FAIL + problem);
    expect(r.output).toBeNull();
  });

  it("the same text as a string is read as its UTF-8 form (the studio's editor text)", () => {
    expect(transpile(HEAD + "# é\n").failure).toBeUndefined();
    expect(transpile(bytes(HEAD, "# é\n")).failure).toBeUndefined();
  });
});

describe("byte order marks, as yaml.v3 detects them", () => {
  const body = HEAD + "storage:\n  files:\n    - path: /é😀\n";
  const want = '{"ignition":{"version":"3.4.0"},"storage":{"files":[{"path":"/é😀"}]}}\n';

  it.each([
    ["UTF-8 with a BOM", bytes([0xef, 0xbb, 0xbf], body)],
    ["UTF-16LE with a BOM", utf16(body, true)],
    ["UTF-16BE with a BOM", utf16(body, false)],
  ])("%s is decoded", (_name, input) => {
    expect(transpile(input).output).toBe(want);
  });

  it("a second BOM is a character of the document (it then has no variant)", () => {
    expect(transpile(bytes([0xef, 0xbb, 0xbf, 0xef, 0xbb, 0xbf], HEAD)).failure).toBe("Error translating config: error parsing variant; must be specified");
  });

  it("UTF-16 without a BOM is read as UTF-8, whose NUL bytes are control characters", () => {
    expect(transpile(utf16(HEAD, true, false)).failure).toBe(FAIL + "control characters are not allowed");
  });

  it.each([
    ["an odd last byte", [0x41], "incomplete UTF-16 character"],
    ["a low surrogate alone", [0x00, 0xdc, 0x0a, 0x00], "unexpected low surrogate area"],
    ["a high surrogate and no low one", [0x00, 0xd8, 0x41, 0x00], "expected low surrogate area"],
    ["a high surrogate at the end", [0x00, 0xd8], "incomplete UTF-16 surrogate pair"],
    ["a control character", [0x01, 0x00, 0x0a, 0x00], "control characters are not allowed"],
  ])("malformed UTF-16LE: %s", (_name, tail, problem) => {
    const input = Uint8Array.from([...utf16(HEAD + "# ", true), ...tail]);
    expect(transpile(input).failure).toBe(FAIL + problem);
  });

  it("errors after decoding UTF-16 point at the decoded text's lines", () => {
    expect(transpile(utf16(HEAD + "storage: 1\n", false)).failure).toBe(
      "Error translating config: yaml: unmarshal errors:\n  line 3: cannot unmarshal !!int `1` into v0_5.Storage",
    );
  });
});
