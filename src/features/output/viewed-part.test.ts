import { describe, expect, it } from "vitest";
import { MAX_VIEWED_OUTPUT, viewedLength, viewedPart } from "./viewed-part.ts";

describe("the part of a long output the view shows", () => {
  it("is all of an output up to the limit", () => {
    const out = "x".repeat(MAX_VIEWED_OUTPUT);
    expect(viewedPart(out)).toBe(out);
    expect(viewedLength(out)).toBe(out.length);
  });

  it("ends at a whole line when the output is longer", () => {
    const line = "y".repeat(99) + "\n";
    const out = line.repeat(Math.ceil(MAX_VIEWED_OUTPUT / line.length) + 5);
    const part = viewedPart(out);
    expect(part.length).toBe(viewedLength(out));
    expect(part.length).toBeLessThanOrEqual(MAX_VIEWED_OUTPUT + 1);
    expect(part.endsWith("\n")).toBe(true);
    expect(out.startsWith(part)).toBe(true);
  });

  it("cuts at the limit when one line is longer than it", () => {
    const out = "z".repeat(MAX_VIEWED_OUTPUT + 10);
    expect(viewedLength(out)).toBe(MAX_VIEWED_OUTPUT);
  });
});
