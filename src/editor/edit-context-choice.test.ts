import { describe, expect, it } from "vitest";
import { EDIT_CONTEXT_BACK, EDIT_CONTEXT_MAX, wantsEditContext } from "./edit-context-choice.ts";

describe("wantsEditContext", () => {
  it("takes EditContext for a small document and the textarea for a large one", () => {
    expect(wantsEditContext(30_000, false)).toBe(true);
    expect(wantsEditContext(30_000, true)).toBe(true);
    expect(wantsEditContext(EDIT_CONTEXT_MAX + 1, true)).toBe(false);
    expect(wantsEditContext(2_000_000, false)).toBe(false);
  });

  it("keeps its choice between the two limits, so an edit near the limit does not switch back and forth", () => {
    const between = (EDIT_CONTEXT_BACK + EDIT_CONTEXT_MAX) / 2;
    expect(wantsEditContext(between, true)).toBe(true);
    expect(wantsEditContext(between, false)).toBe(false);
    expect(wantsEditContext(EDIT_CONTEXT_BACK - 1, false)).toBe(true);
  });
});
