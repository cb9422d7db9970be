import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { gzipBestCompression } from "./gzip.ts";

/** Inputs and Go 1.24's exact gzip of each (see the folder's README). */
const vectorsDir = join(dirname(fileURLToPath(import.meta.url)), "../../../../shared/reference/gzip-vectors");
const vectors = existsSync(vectorsDir)
  ? readdirSync(vectorsDir)
      .filter((f) => f.endsWith(".bin"))
      .sort()
  : [];

describe.skipIf(vectors.length === 0)("gzip reference vectors (Go 1.24, BestCompression)", () => {
  it("has all of them", () => {
    expect(vectors.length).toBe(102);
  });

  it.each(vectors)("%s comes out byte for byte as Go writes it", (name) => {
    const input = new Uint8Array(readFileSync(join(vectorsDir, name)));
    const expected = new Uint8Array(readFileSync(join(vectorsDir, name + ".gz")));
    const actual = gzipBestCompression(input);
    if (!Buffer.from(actual).equals(Buffer.from(expected))) {
      let at = 0;
      while (at < actual.length && actual[at] === expected[at]) at++;
      expect.fail(`${actual.length} bytes, Go writes ${expected.length}; first difference at byte ${at}`);
    }
  });
});
