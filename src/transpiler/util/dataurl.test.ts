import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { base64 } from "./bytes.ts";
import { isRecentTextDataUrl, makeDataUrl, percentEncode, textDataUrl } from "./dataurl.ts";

const vectorsDir = join(dirname(fileURLToPath(import.meta.url)), "../../../../shared/reference/gzip-vectors");
/** The reference vectors' inputs up to 100 KB (larger ones always compress). */
const vectors = existsSync(vectorsDir) ? readdirSync(vectorsDir).filter((f) => f.endsWith(".bin") && readFileSync(join(vectorsDir, f)).length <= 100_000) : [];

/** Butane's MakeDataURL, from its rules: `,`+escape unless `;base64,`+base64 is strictly shorter; gzip's base64 + len("gzip") strictly shorter than that wins. */
function butaneChoice(bytes: Uint8Array, goGzip: Uint8Array): { source: string; gzipped: boolean } {
  const opaque = "," + percentEncode(bytes);
  const b64 = ";base64," + base64(bytes);
  const plain = b64.length < opaque.length ? b64 : opaque;
  const gz = ";base64," + base64(goGzip);
  return gz.length + "gzip".length < plain.length ? { source: "data:" + gz, gzipped: true } : { source: "data:" + plain, gzipped: false };
}

describe("makeDataUrl", () => {
  it.skipIf(vectors.length === 0)("makes Butane's choice, with Go's gzip bytes, for every reference vector", () => {
    let gzipped = 0;
    for (const name of vectors) {
      const bytes = new Uint8Array(readFileSync(join(vectorsDir, name)));
      const goGzip = new Uint8Array(readFileSync(join(vectorsDir, name + ".gz")));
      const url = makeDataUrl(bytes, true);
      expect(url, name).toEqual(butaneChoice(bytes, goGzip));
      if (url.gzipped) gzipped++;
    }
    // Both outcomes occur among the vectors (small texts stay plain, larger ones are compressed).
    expect(gzipped).toBeGreaterThan(10);
    expect(gzipped).toBeLessThan(vectors.length - 10);
  });

  it("keeps percent-encoding when base64 is only as short", () => {
    // 9 bytes, 5 of them escaped: ",aaaa%0A%0A%0A%0A%0A" and ";base64,YWFhYQoKCgoK" are both 20 long.
    const tie = new TextEncoder().encode("aaaa\n\n\n\n\n");
    expect(makeDataUrl(tie, true)).toEqual({ source: "data:,aaaa%0A%0A%0A%0A%0A", gzipped: false });
    // One more escaped byte and base64 is shorter.
    const shorter = new TextEncoder().encode("aaa\n\n\n\n\n\n");
    expect(makeDataUrl(shorter, true)).toEqual({ source: "data:;base64,YWFhCgoKCgoK", gzipped: false });
  });

  it("never compresses when compression is not allowed", () => {
    const text = new TextEncoder().encode("repeat ".repeat(500));
    expect(makeDataUrl(text, true).gzipped).toBe(true);
    expect(makeDataUrl(text, false)).toEqual({ source: "data:," + percentEncode(text), gzipped: false });
  });
});

describe("textDataUrl", () => {
  it("remembers the URLs it handed out as canonical, up to a bound", () => {
    expect(isRecentTextDataUrl("data:,never-made")).toBe(false);
    const big = (k: number) => "x".repeat(1_000_000) + k;
    const first = textDataUrl(big(0), false).source;
    expect(isRecentTextDataUrl(first)).toBe(true);
    let last = "";
    for (let k = 1; k <= 9; k++) last = textDataUrl(big(k), false).source;
    expect(isRecentTextDataUrl(last)).toBe(true);
    expect(isRecentTextDataUrl(first)).toBe(false);
  });
});
