import { describe, expect, it, vi } from "vitest";
import fc from "fast-check";
import { deflateRawSync } from "node:zlib";
import { MAX_EDITOR_TEXT } from "../../lib/size-limits.ts";
import {
  buildShareUrl,
  decodeOptions,
  decodeShareFragment,
  encodeOptions,
  encodeShareFragment,
  fromBase64Url,
  inflateCapped,
  toBase64Url,
  type ShareOptions,
} from "./codec.ts";

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

  describe("a link that inflates to far more than the editor takes", () => {
    // 64 MB of one character deflates to ~62 kB: inflating it whole is what froze the page.
    const bomb = deflateRawSync(Buffer.alloc(64 * 1024 * 1024, "a"), { level: 9 });

    it("stops inflating just past the limit", async () => {
      const out = await inflateCapped(bomb, 3 * MAX_EDITOR_TEXT);
      expect(out).not.toBeInstanceOf(Uint8Array);
      // At most one more step's output (≤ ~0.5 MB) than the cap, never the 64 MB.
      expect((out as { over: number }).over).toBeLessThan(3 * MAX_EDITOR_TEXT + 1024 * 1024);
    });

    it("is refused as too large", async () => {
      const d = await decodeShareFragment("v1/" + toBase64Url(bomb));
      expect(d).toMatchObject({ kind: "too-large", atLeast: true });
    });

    it("gives the page a turn while inflating", async () => {
      // A slow machine's clock (5 ms per look): inflating goes past the time slice and must yield.
      // (On a fast machine the whole refusal can fit in one slice, with nothing to yield for.)
      let now = 0;
      const clock = vi.spyOn(performance, "now").mockImplementation(() => (now += 5));
      let ticks = 0;
      const timer = setInterval(() => ticks++, 0);
      try {
        expect(await decodeShareFragment("v1/" + toBase64Url(bomb))).toMatchObject({ kind: "too-large" });
      } finally {
        clearInterval(timer);
        clock.mockRestore();
      }
      expect(ticks).toBeGreaterThan(0);
    });
  });

  it("measures the limit in characters: 1 MiB of 3-byte characters is taken, one more is not", async () => {
    const fits = "€".repeat(MAX_EDITOR_TEXT);
    expect(await decodeShareFragment(await encodeShareFragment(fits))).toEqual({ kind: "config", source: fits });
    expect(await decodeShareFragment(await encodeShareFragment(fits + "x"))).toMatchObject({ kind: "too-large" });
    const over = await decodeShareFragment(await encodeShareFragment("é".repeat(MAX_EDITOR_TEXT) + "x"));
    expect(over).toEqual({ kind: "too-large", length: MAX_EDITOR_TEXT + 1, atLeast: false });
  });

  it("a truncated link is damaged", async () => {
    const frag = await encodeShareFragment("variant: fcos\nversion: 1.6.0\n".repeat(50));
    expect((await decodeShareFragment(frag.slice(0, frag.length - 10))).kind).toBe("error");
  });

  it("base64url handles every byte", () => {
    const all = Uint8Array.from({ length: 256 }, (_, i) => i);
    const text = toBase64Url(all);
    expect(text).not.toMatch(/[+/=]/);
    expect(fromBase64Url(text)).toEqual(all);
  });
});
