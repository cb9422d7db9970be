import { describe, expect, it } from "vitest";
import { parseAddr } from "./netip.ts";
import { parseGoUrl, queryValues } from "./url.ts";

describe("parseGoUrl (Go net/url.Parse)", () => {
  const accepted: Array<[string, string]> = [
    ["https://example.com/a", "https"],
    ["HTTP://Example.com/", "http"],
    ["s3://bucket/key?versionId=1", "s3"],
    ["not a url at all", ""],
    ["", ""],
    ["*", ""],
    ["/abs/path", ""],
    ["relative/path", ""],
    ["data:,hello", "data"],
    ["data:foo%zz", "data"], // opaque: escapes unchecked
    ["arn:aws:s3:::bucket/key", "arn"],
    ["http://[::1]:8080/", "http"],
    ["http://[fe80::1%25en0]/", "http"],
    ["http://[::ffff:1.2.3.4]/", "http"],
    ["http://user:p%40ss@host/", "http"],
    ["http://host:80:80/", "http"], // lax colons (module declares go 1.24)
    ["http://::1/", "http"],
    ["http://host/a b", "http"],
    ["http://host/#frag%41", "http"],
    ["http://host?a=%zz", "http"], // raw query isn't validated
    ["ftp://example.com/file", "ftp"],
    ["http://a]b/", "http"],
  ];
  it.each(accepted)("accepts %j (scheme %j)", (raw, scheme) => {
    const r = parseGoUrl(raw);
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.url.scheme).toBe(scheme);
  });

  const rejected: string[] = [
    "http://[::1",
    "::bad",
    "ht tp://x",
    "://x",
    "1a:b/x",
    "http://host/%zz",
    "http://host/%4",
    "http://ho%41st/", // %-escapes of ASCII not allowed in hosts
    "http://a{b}/",
    "http://a b/",
    "http://host:abc/",
    "http://[1.2.3.4]/",
    "http://[v1.x]/",
    "http://[]/",
    "http://x[::1]/",
    "http://malformed[",
    "http://[::1]x/",
    "http://ü@example.com/",
    "http://host/\n",
    "http://host/\u007f",
    "http://host/#%zz",
    "http://us%zzer@host/",
  ];
  it.each(rejected)("rejects %j", (raw) => {
    expect(parseGoUrl(raw).ok).toBe(false);
  });

  it("keeps the opaque part and raw query of scheme:opaque URLs", () => {
    const r = parseGoUrl("arn:aws:s3:::b/k?versionId=3#x");
    expect(r.ok && r.url.opaque).toBe("aws:s3:::b/k");
    expect(r.ok && r.url.rawQuery).toBe("versionId=3");
  });
});

describe("queryValues (Go URL.Query)", () => {
  it.each([
    ["versionId=1", ["1"]],
    ["versionId", [""]],
    ["versionId=", [""]],
    ["a=1&versionId=2&versionId=3", ["2", "3"]],
    ["version%49d=x", ["x"]],
    ["versionId=%zz&versionId=ok", ["ok"]],
    ["versionId=1;x", undefined],
    ["other=1", undefined],
    ["", undefined],
  ] as Array<[string, string[] | undefined]>)("%j", (q, want) => {
    expect(queryValues(q, "versionId")).toEqual(want);
  });

  it("yields nothing at Go's parameter limit", () => {
    expect(queryValues("versionId=&" + "a&".repeat(10000), "versionId")).toBeUndefined();
    expect(queryValues("versionId=&" + "a&".repeat(9990), "versionId")).toEqual([""]);
  });
});

describe("parseAddr (netip.ParseAddr)", () => {
  it.each([
    ["::1", false],
    ["::", false],
    ["1.2.3.4", true],
    ["fe80::1%eth0", false],
    ["::ffff:1.2.3.4", false],
    ["1:2:3:4:5:6:7:8", false],
    ["1:2:3:4:5:6:1.2.3.4", false],
  ] as Array<[string, boolean]>)("accepts %j", (s, is4) => {
    expect(parseAddr(s)).toEqual({ ok: true, is4 });
  });
  it.each(["", "1.2.3", "01.2.3.4", "256.1.1.1", "1:2:3:4:5:6:7:8:9", "1::2::3", "12345::", "fe80::1%", "%x", "v1.x", "1:2:3:4:5:6:7::8"])(
    "rejects %j",
    (s) => {
      expect(parseAddr(s).ok).toBe(false);
    },
  );
});
