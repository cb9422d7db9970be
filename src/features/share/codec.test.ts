import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { buildShareUrl, decodeOptions, decodeShareFragment, encodeOptions, encodeShareFragment, fromBase64Url, toBase64Url, type ShareOptions } from "./codec.ts";

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
    expect(await decodeShareFragment("#v3/xyz")).toMatchObject({ message: expect.stringContaining("v3") });
  });

  const allOptions: ShareOptions[] = [false, true].flatMap((strict) =>
    [false, true].flatMap((pretty) => [false, true].map((raw) => ({ strict, pretty, raw }))),
  );

  it.each(allOptions)("round-trips Strict $strict, Pretty $pretty, Raw $raw with the config", async (options) => {
    const source = "variant: openshift\nversion: 4.16.0\n";
    const frag = await encodeShareFragment(source, options);
    expect(frag).toMatch(/^v2\/(-|s?p?r?)\/[A-Za-z0-9_-]*$/);
    expect(await decodeShareFragment("#" + frag)).toEqual({ kind: "config", source, options });
    const url = await buildShareUrl("http://localhost:4173/", source, options);
    expect(await decodeShareFragment(new URL(url).hash)).toEqual({ kind: "config", source, options });
  });

  it("names the options with one letter each", () => {
    expect(encodeOptions({ strict: false, pretty: false, raw: false })).toBe("-");
    expect(encodeOptions({ strict: true, pretty: true, raw: true })).toBe("spr");
    expect(decodeOptions("p")).toEqual({ strict: false, pretty: true, raw: false });
    // Letters a later version may add are ignored; anything else is no options segment.
    expect(decodeOptions("px")).toEqual({ strict: false, pretty: true, raw: false });
    expect(decodeOptions("")).toBeNull();
    expect(decodeOptions("P!")).toBeNull();
  });

  it("still opens v1 links, which carry no options", async () => {
    // A link made before options were shared (v1: the compressed config alone).
    const v1 = "v1/K0ssykzMK7FSSEvOL-YqSy0qzszPs1Iw1DPTM-ACAA";
    expect(await decodeShareFragment("#" + v1)).toEqual({ kind: "config", source: "variant: fcos\nversion: 1.6.0\n" });
  });

  it.each(["#v2/", "#v2/AAAA", "#v2/p", "#v2/P/AAAA", "#v2/p/not*base64"])("reads the damaged v2 link %s as an error", async (hash) => {
    expect(await decodeShareFragment(hash)).toMatchObject({ kind: "error", message: expect.stringContaining("damaged") });
  });

  it("base64url handles every byte", () => {
    const all = Uint8Array.from({ length: 256 }, (_, i) => i);
    const text = toBase64Url(all);
    expect(text).not.toMatch(/[+/=]/);
    expect(fromBase64Url(text)).toEqual(all);
  });
});
