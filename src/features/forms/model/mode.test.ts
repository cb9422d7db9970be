import { describe, expect, it } from "vitest";
import { bit } from "./mode.ts";

describe("mode checkboxes", () => {
  it("each box is one permission bit", () => {
    expect(bit(0, 0) | bit(1, 0) | bit(2, 0)).toBe(0o444);
    expect(bit(0, 0) | bit(0, 1) | bit(0, 2) | bit(1, 0) | bit(1, 2)).toBe(0o750);
  });
});
