/** The studio's base64: canonical decoding and share links' base64url, against Node's Buffer. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decodeBase64, decodeBase64Url, encodeBase64Url, withPadding } from "./base64.ts";

describe("base64", () => {
  it("decodes what Node encodes, and base64url round-trips", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
        expect(decodeBase64(Buffer.from(bytes).toString("base64"))).toEqual(bytes);
        expect(encodeBase64Url(bytes)).toBe(Buffer.from(bytes).toString("base64url"));
        expect(decodeBase64Url(encodeBase64Url(bytes))).toEqual(bytes);
      }),
    );
  });

  it("refuses what is not canonical padded base64 (or unpadded base64url)", () => {
    for (const bad of ["QQ", "QQ=", "Q===", "QU J", "QUJD\n", "QUJ-"]) expect(decodeBase64(bad), bad).toBeNull();
    for (const bad of ["QQ==", "QU+D", "A", "QUJ/"]) expect(decodeBase64Url(bad), bad).toBeNull();
    expect(decodeBase64(withPadding("QQ"))).toEqual(Uint8Array.of(0x41));
  });
});
