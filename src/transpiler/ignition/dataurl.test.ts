import { describe, expect, it } from "vitest";
import { decodeBase64Go } from "../go/base64.ts";
import { dataUrlError, decodeDataUrl, decodeDataUrlDetailed } from "./dataurl.ts";

const text = (b: Uint8Array | null): string | null => (b === null ? null : String.fromCharCode(...b));
const bytes = (s: string): Uint8Array => Uint8Array.from(s, (c) => c.charCodeAt(0));

describe("decodeDataUrl", () => {
  it.each([
    ["data:,hello", "hello"],
    ["data:,", ""],
    ["data:,a%20b%0A", "a b\n"],
    ["data:text/plain;charset=utf-8,abc", "abc"],
    ["data:x-foo/bar,x", "x"],
    ["data:;base64,aGVsbG8=", "hello"],
    ["data:text/plain;base64,aGVs\nbG8=", "hello"],
    ["data:text/plain;a=b;base64,aGk=", "hi"],
    ['data:;charset="utf-8",x', "x"],
    ['data:;a="x\\"y",z', "z"],
    ["data:application/octet-stream;base64,", ""],
    ["data:;base64,AAEC/w==", "\u0000\u0001\u0002\u00ff"],
  ])("%j decodes to %j", (url, want) => {
    expect(text(decodeDataUrl(url))).toBe(want);
  });

  it("reports the media type and parameters", () => {
    const r = decodeDataUrlDetailed("data:text/x-shellscript;charset=us-ascii;base64,aGk=");
    expect(r.ok && r.value).toMatchObject({
      mediaType: "text",
      mediaSubtype: "x-shellscript",
      params: { charset: "us-ascii" },
      base64: true,
    });
    const d = decodeDataUrlDetailed("data:,x");
    expect(d.ok && d.value.params).toEqual({ charset: "US-ASCII" });
  });
});

describe("dataUrlError (dataurl.DecodeString error texts)", () => {
  it.each([
    ["data:foo", "missing media type slash"],
    ["data:", "missing comma before data"],
    ["DATA:,x", "missing data prefix"],
    ["data:text/plain", "incomplete media type"],
    ["data:foo/bar,x", "invalid media type"],
    ["data:xfoo/bar,x", "invalid media type"],
    ["data:x,abc", "missing media type slash"],
    ["data:;base64,aGVsbG8", "illegal base64 data at input byte 4"],
    ["data:;base64,!!!", "invalid data character"],
    ["data:,a b", "invalid data character"],
    ["data:text/plain,é", "invalid data character"],
    ["data:,%zz", "rfc2396: invalid char 0x25 in unescape sequence"],
    ["data:,%4", "rfc2396: unexpected end of unescape sequence"],
    ["data:;foo,bar", "expected base64, got foo"],
    ['data:;charset="utf\\q",x', "invalid syntax"],
    ['data:;a="x\ny",z', "invalid syntax"],
    ['data:;charset="abc', "unclosed quoted string"],
    ["data:text/plain;a=b", "missing comma before data"],
    ["data:text/plain;=b,x", "unterminated parameter sequence"],
    ["data:text/plain;,x", "unterminated parameter sequence"],
    ["data:text/plain;", "unterminated parameter sequence"],
    ["data:text/plain;a", "unterminated parameter sequence"],
    ["data:text/plain;a=b c,x", "invalid character for parameter value"],
    ['data:text/plain;a="é",x', "invalid character for parameter value"],
    ['data:text/plain;a=b"', "invalid character for parameter value"],
    ['data:text/plain;a="b"c,x', "expected semicolon or comma"],
    ["data:text/plain;x;y,z", "invalid character for parameter attribute"],
    ["data:text/plain x,y", "invalid character for media subtype"],
    ["data:text/plain;a=%zz,x", "rfc2396: invalid char 0x25 in unescape sequence"],
    ["data: ,x", "invalid character after data prefix"],
    ["data:te(xt/plain,x", "invalid character for media type"],
    ["data:;base64,aGVsbG8=aaaa", "illegal base64 data at input byte 8"],
  ])("%j → %j", (url, want) => {
    expect(dataUrlError(url)).toBe(want);
    expect(decodeDataUrl(url)).toBeNull();
  });
});

describe("decodeBase64Go", () => {
  it.each([
    ["a===", "illegal base64 data at input byte 1"],
    ["aa=", "illegal base64 data at input byte 3"],
    ["aa=a", "illegal base64 data at input byte 2"],
    ["=", "illegal base64 data at input byte 0"],
    ["AAAAA", "illegal base64 data at input byte 4"],
    ["aGk=\nx", "illegal base64 data at input byte 5"],
  ])("%j → %j", (src, want) => {
    expect(decodeBase64Go(bytes(src))).toEqual({ ok: false, error: want });
  });

  it.each([
    ["", ""],
    ["aGk=", "hi"],
    ["aGk=\n", "hi"],
    ["aA==", "h"],
    ["a\r\nGk=", "hi"],
    ["aGVsbG8gd29ybGQ=", "hello world"],
  ])("%j → %j", (src, want) => {
    const r = decodeBase64Go(bytes(src));
    expect(r.ok && text(r.bytes)).toBe(want);
  });
});

describe("parameter values", () => {
  it("decodes a parameter value of a megabyte without running out of stack", () => {
    const r = decodeDataUrlDetailed(`data:text/plain;name=${"a".repeat(1 << 20)},x`);
    expect(r.ok && r.value.params["name"]?.length).toBe(1 << 20);
  });
  it("keeps percent-escaped bytes of a parameter value as Go keeps them", () => {
    const r = decodeDataUrlDetailed("data:text/plain;name=%C3%A9%FF,x");
    expect(r.ok && r.value.params["name"]).toBe("\u00e9\udcff");
  });
});
