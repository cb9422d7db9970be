import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { dataUrlBytes, resourceText, utf8Text } from "./contents.ts";
import { importConfig } from "./index.ts";

const b64 = (b: Uint8Array | string) => "data:;base64," + Buffer.from(b).toString("base64");

describe("resource contents", () => {
  it("decode percent, base64 (with a media type) and gzip, as Ignition does", () => {
    expect(resourceText("data:,hello%20world%0A", undefined)).toBe("hello world\n");
    expect(resourceText("data:text/plain;charset=utf-8;base64,aMOpbGxv", "")).toBe("héllo");
    expect(resourceText(b64(gzipSync("zipped\n")), "gzip")).toBe("zipped\n");
    expect(dataUrlBytes("data:,%zz", undefined)).toBeNull();
    expect(resourceText("https://example.com/x", undefined)).toBeNull();
  });
  it("keep a byte order mark; refuse binary and what YAML would read as a line break", () => {
    expect(utf8Text(new Uint8Array([0xef, 0xbb, 0xbf, 0x61]))).toBe("\ufeffa");
    expect(resourceText(b64(new Uint8Array([0, 1, 2, 255])), undefined)).toBeNull();
    expect(resourceText(b64("line\u2028separator"), undefined)).toBeNull();
    expect(resourceText(b64("nel\u0085"), undefined)).toBeNull();
  });
  it("text that cannot be inline stays a data URL and still round-trips", () => {
    const source = b64("a\u2028b\n");
    const r = importConfig(JSON.stringify({ ignition: { version: "3.4.0" }, storage: { files: [{ path: "/x", contents: { source } }] } }));
    expect(r.ok && r.verified).toBe(true);
    expect(r.ok && r.butane).toContain(`source: ${source}`);
  });
});
