import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { changedSpan } from "./changed-span.ts";

describe("changedSpan", () => {
  it("finds the span between the longest common prefix and suffix", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 3000 }), fc.string({ maxLength: 40 }), fc.nat(), fc.nat({ max: 50 }), (old, ins, at, del) => {
        const pos = at % (old.length + 1);
        const text = old.slice(0, pos) + ins + old.slice(pos + del);
        const { start, oldEnd, newEnd } = changedSpan(old, text);
        expect(old.slice(0, start) + text.slice(start, newEnd) + old.slice(oldEnd)).toBe(text);
        expect(old.slice(0, start)).toBe(text.slice(0, start));
        // Maximal: the characters just inside the span differ (or the span is empty on that side).
        if (start < oldEnd && start < newEnd) expect(old[start]).not.toBe(text[start]);
        if (oldEnd > start && newEnd > start) expect(old[oldEnd - 1]).not.toBe(text[newEnd - 1]);
      }),
      { numRuns: 300 },
    );
  });

  it("handles texts of a megabyte that differ in one place", () => {
    const old = "{".repeat(1 << 20);
    const text = old.slice(0, 700_000) + "a" + old.slice(700_000);
    expect(changedSpan(old, text)).toEqual({ start: 700_000, oldEnd: 700_000, newEnd: 700_001 });
    expect(changedSpan(old, old)).toEqual({ start: old.length, oldEnd: old.length, newEnd: old.length });
  });
});
