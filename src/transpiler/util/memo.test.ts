import { describe, expect, it } from "vitest";
import { makeConfig } from "../../../scripts/bench-configs.mjs";
import { transpile } from "../pipeline.ts";
import { clearMemos, Memo } from "./memo.ts";

describe("Memo", () => {
  it("computes once per key and keeps the total weight within its bound, dropping the least recently used", () => {
    const dropped: string[] = [];
    let calls = 0;
    const m = new Memo<string>(10, (k) => k.length, (v) => dropped.push(v));
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
  });
});

describe("memoized transpiles", () => {
  it("give the same output as a first-time transpile, for every variant of output", () => {
    for (const variant of ["fcos", "openshift"] as const) {
      const src = makeConfig(300, 3, variant);
      for (const options of [{ pretty: true }, { pretty: false }, { raw: true, pretty: true }]) {
        clearMemos();
        const first = transpile(src, options);
        const again = transpile(src, options);
        const edited = transpile(src.replace("-disk", "-disk9"), options);
        clearMemos();
        expect(first.output).not.toBeNull();
        expect(again.output).toBe(first.output);
        expect(edited.output).toBe(transpile(src.replace("-disk", "-disk9"), options).output);
      }
    }
  });
});
