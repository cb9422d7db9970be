import { describe, expect, it } from "vitest";
import { formatBytes, utf8Length } from "./format.ts";

describe("utf8Length", () => {
  it("equals the encoded size", () => {
    const samples = ["", "plain ascii", "Grüße", "€ 100", "emoji 🔥 and 𝄞", "lone \ud800 high", "lone \udc00 low", "end \ud83d", "é".repeat(1000)];
    for (const s of samples) expect(utf8Length(s), JSON.stringify(s)).toBe(new TextEncoder().encode(s).length);
  });

  it("equals the encoded size for random strings", () => {
    for (let i = 0; i < 200; i++) {
      const s = String.fromCharCode(...Array.from({ length: 50 }, () => Math.floor(Math.random() * 0x10000)));
      expect(utf8Length(s)).toBe(new TextEncoder().encode(s).length);
    }
  });
});

describe("formatBytes", () => {
  it("uses SI units", () => {
    expect(formatBytes(512)).toBe("512 B");
    expect(formatBytes(1234)).toBe("1.2 kB");
    expect(formatBytes(3_400_000)).toBe("3.40 MB");
  });
});
