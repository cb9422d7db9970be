import { describe, expect, it } from "vitest";
import { rovingTarget } from "./roving.ts";

describe("rovingTarget", () => {
  const items = ["a", "b", "c"] as const;
  it.each([
    { current: "a", key: "ArrowRight", orientation: "horizontal", next: "b" },
    { current: "c", key: "ArrowRight", orientation: "horizontal", next: "a" },
    { current: "a", key: "ArrowLeft", orientation: "horizontal", next: "c" },
    { current: "b", key: "ArrowDown", orientation: "vertical", next: "c" },
    { current: "a", key: "ArrowUp", orientation: "vertical", next: "c" },
    { current: "b", key: "Home", orientation: "vertical", next: "a" },
    { current: "b", key: "End", orientation: "horizontal", next: "c" },
    { current: "b", key: "ArrowDown", orientation: "horizontal", next: undefined },
    { current: "b", key: "Enter", orientation: "vertical", next: undefined },
  ] as const)("$key from $current ($orientation) → $next", ({ current, key, orientation, next }) => {
    expect(rovingTarget(items, current, key, orientation)).toBe(next);
  });
  it("from outside the list, forward goes to the first item", () => {
    expect(rovingTarget(items, "z" as never, "ArrowDown", "vertical")).toBe("a");
  });
});
