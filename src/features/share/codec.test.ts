import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { buildShareUrl, decodeShareFragment, encodeShareFragment, fromBase64Url, toBase64Url } from "./codec.ts";

describe("share codec", () => {
  it.each([
    { name: "default-ish config", source: "variant: fcos\nversion: 1.6.0\npasswd:\n  users:\n    - name: core\n" },
    { name: "empty", source: "" },
    { name: "unicode", source: "# grüße 🚀\nvariant: fcos\n" },
    { name: "large", source: "x: y\n".repeat(20000) },
  ])("round-trips $name", async ({ source }) => {
    const frag = await encodeShareFragment(source);
    expect(frag).toMatch(/^v1\/[A-Za-z0-9_-]*$/);
    expect(await decodeShareFragment("#" + frag)).toEqual({ kind: "config", source });
    expect(await decodeShareFragment(frag)).toEqual({ kind: "config", source });
  });

  it("round-trips any string", async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: "grapheme", maxLength: 300 }), async (s) => {
        const d = await decodeShareFragment(await encodeShareFragment(s));
        expect(d).toEqual({ kind: "config", source: s });
      }),
      { numRuns: 50 },
    );
  });

  it("compresses repetitive configs", async () => {
    const source = "storage:\n  files:\n" + "    - path: /etc/x\n      mode: 0644\n".repeat(200);
    expect((await encodeShareFragment(source)).length).toBeLessThan(source.length / 10);
  });

  it("builds a URL on the page URL, replacing its fragment", async () => {
    const url = await buildShareUrl("http://localhost:4173/studio/?a=1#old", "variant: fcos\n");
    expect(url).toMatch(/^http:\/\/localhost:4173\/studio\/\?a=1#v1\//);
    expect(await decodeShareFragment(new URL(url).hash)).toEqual({ kind: "config", source: "variant: fcos\n" });
  });

  it.each([
    { hash: "", kind: "none" },
    { hash: "#", kind: "none" },
    { hash: "#section-2", kind: "none" },
    { hash: "#v1/not*base64", kind: "error" },
    { hash: "#v1/AAAA", kind: "error" },
    { hash: "#v9/abc", kind: "error" },
  ])("reads $hash as $kind", async ({ hash, kind }) => {
    expect((await decodeShareFragment(hash)).kind).toBe(kind);
  });

  it("says when a newer format is used", async () => {
    expect(await decodeShareFragment("#v2/xyz")).toMatchObject({ message: expect.stringContaining("v2") });
  });

  it("base64url handles every byte", () => {
    const all = Uint8Array.from({ length: 256 }, (_, i) => i);
    const text = toBase64Url(all);
    expect(text).not.toMatch(/[+/=]/);
    expect(fromBase64Url(text)).toEqual(all);
  });
});
