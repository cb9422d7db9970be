import { describe, expect, it } from "vitest";
import { makeConfig } from "../../../scripts/bench-configs.mjs";
import { transpile } from "../pipeline.ts";
import { clearMemos, Memo, memoizing } from "./memo.ts";

describe("Memo", () => {
  it("computes once per key and keeps the total weight within its bound, dropping the least recently used", () =>
    memoizing(true, () => {
      const dropped: string[] = [];
      let calls = 0;
      const m = new Memo<string>(10, (k) => k.length, { onDrop: (v) => dropped.push(v) });
      const make = (k: string) => (calls++, k.toUpperCase());
      expect(m.get("aaaa", make)).toBe("AAAA");
      expect(m.get("aaaa", make)).toBe("AAAA");
      expect(calls).toBe(1);
      m.get("bbbb", make);
      m.get("aaaa", make); // now most recently used
      m.get("cccc", make); // 12 > 10: "bbbb" goes
      expect(dropped).toEqual(["BBBB"]);
      m.get("aaaa", make);
      expect(calls).toBe(3);
      m.get("x".repeat(11), make); // heavier than the bound: computed, never held
      expect(dropped).toEqual(["BBBB"]);
      clearMemos();
      expect(dropped.sort()).toEqual(["AAAA", "BBBB", "CCCC"]);
      m.get("aaaa", make);
      expect(calls).toBe(5);
    }));

  it("is bypassed unless the running transpile asked for it", () => {
    let calls = 0;
    const m = new Memo<number>(100, () => 1);
    m.get("k", () => ++calls);
    m.get("k", () => ++calls);
    expect(calls).toBe(2);
    const always = new Memo<number>(100, () => 1, { always: true });
    always.get("k", () => ++calls);
    always.get("k", () => ++calls);
    expect(calls).toBe(3);
  });
});

describe("memoized transpiles", () => {
  it("give the same output as a first-time transpile, for every variant of output", () => {
    for (const variant of ["fcos", "openshift"] as const) {
      const src = makeConfig(300, 3, variant);
      for (const shape of [{ pretty: true }, { pretty: false }, { raw: true, pretty: true }]) {
        const options = { ...shape, memoize: true };
        clearMemos();
        const first = transpile(src, options);
        const again = transpile(src, options);
        const edited = transpile(src.replace("-disk", "-disk9"), options);
        clearMemos();
        expect(first.output).not.toBeNull();
        expect(again.output).toBe(first.output);
        expect(edited.output).toBe(transpile(src.replace("-disk", "-disk9"), shape).output);
        expect(first.output).toBe(transpile(src, shape).output);
      }
    }
  });
});
