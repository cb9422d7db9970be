import { describe, expect, it } from "vitest";
import { indexJson, jsonPathKey, nodeAt, type JsonIndex } from "./json-index.ts";

/** Each indexed node's text, checked against the parsed value at its path. */
function checkAgainstParse(text: string, index: JsonIndex) {
  const root = JSON.parse(text) as unknown;
  const paths = new Map<string, unknown>();
  const walk = (v: unknown, path: (string | number)[]) => {
    paths.set(jsonPathKey(path), v);
    if (Array.isArray(v)) v.forEach((x, i) => walk(x, [...path, i]));
    else if (v !== null && typeof v === "object") for (const [k, x] of Object.entries(v)) walk(x, [...path, k]);
  };
  walk(root, []);
  expect(index.size).toBe(paths.size);
  for (let n = 0; n < index.size; n++) {
    const slice = text.slice(index.start[n], index.end[n]);
    const want = paths.get(index.key[n]!);
    // A member's span is `"name": value`, an element's (and the root's) the value alone.
    const got = index.element[n] === 1 || n === 0 ? (JSON.parse(slice) as unknown) : Object.values(JSON.parse(`{${slice}}`) as object)[0];
    expect(got).toEqual(want);
  }
}

const CONFIG = {
  ignition: { version: "3.4.0" },
  passwd: {
    users: [
      { name: "core", sshAuthorizedKeys: ["ssh-ed25519 AAAA a", "ssh-ed25519 BBBB b"] },
      { name: "<admin>", groups: [] },
    ],
  },
  storage: {
    files: [{ path: "/etc/hostname", contents: { source: "data:,a%22b", compression: "" }, mode: 420 }],
    'we"ird\\key': { "": null, n: -1.5e3, t: true },
  },
};

describe("indexJson", () => {
  it("indexes every member and element of pretty output, spans matching the parse", () => {
    const text = JSON.stringify(CONFIG, null, 2) + "\n";
    checkAgainstParse(text, indexJson(text));
  });

  it("indexes compact output the same way (one line)", () => {
    const text = JSON.stringify(CONFIG);
    const index = indexJson(text);
    checkAgainstParse(text, index);
    expect(index.key).toEqual(indexJson(JSON.stringify(CONFIG, null, 2)).key);
  });

  it("gives one key for a name however it is escaped (Go writes < as \\u003c)", () => {
    const go = '{"a\\u003cb":{"x":1}}';
    const index = indexJson(go);
    expect(index.key).toEqual(["", jsonPathKey(["a<b"]), jsonPathKey(["a<b", "x"])]);
  });

  it("indexes a text cut short as far as it goes, the open nodes running to its end", () => {
    const full = JSON.stringify(CONFIG, null, 2);
    const cut = full.slice(0, full.indexOf("sshAuthorizedKeys") + 40);
    const index = indexJson(cut);
    const users = index.key.indexOf(jsonPathKey(["passwd", "users"]));
    expect(users).toBeGreaterThan(0);
    expect(index.end[users]).toBe(cut.length);
    expect(index.key).toContain(jsonPathKey(["passwd", "users", 0, "sshAuthorizedKeys", 0]));
    expect(index.key).not.toContain(jsonPathKey(["storage"]));
    // a name cut inside an escape stops the index there, without throwing
    expect(() => indexJson('{"a\\u00')).not.toThrow();
  });

  it("stops at maxNodes and says so", () => {
    const text = JSON.stringify({ a: Array.from({ length: 100 }, (_, i) => i) });
    const index = indexJson(text, 10);
    expect(index.size).toBe(10);
    expect(index.truncated).toBe(true);
    expect(indexJson(text).truncated).toBe(false);
  });

  it("finds the innermost node at an offset", () => {
    const text = JSON.stringify(CONFIG, null, 2);
    const index = indexJson(text);
    const at = (needle: string) => index.key[nodeAt(index, text.indexOf(needle))];
    expect(at("AAAA")).toBe(jsonPathKey(["passwd", "users", 0, "sshAuthorizedKeys", 0]));
    expect(at('"mode"')).toBe(jsonPathKey(["storage", "files", 0, "mode"]));
    expect(at("core")).toBe(jsonPathKey(["passwd", "users", 0, "name"]));
    // between members: the container
    expect(index.key[nodeAt(index, text.indexOf('"passwd"') - 2)]).toBe("");
    expect(nodeAt(indexJson(""), 0)).toBe(-1);
  });

  it("indexes a megabyte of output quickly (the view indexes what it shows, at most 1 MiB)", () => {
    const files = Array.from({ length: 6000 }, (_, i) => ({
      path: `/etc/kindling/file-${i}.conf`,
      contents: { source: `data:,${"x".repeat(60)}` },
      mode: 420,
      user: { name: "core" },
    }));
    const text = JSON.stringify({ ignition: { version: "3.4.0" }, storage: { files } }, null, 2);
    expect(text.length).toBeGreaterThan(1_000_000);
    indexJson(text); // warm up
    const t0 = performance.now();
    const index = indexJson(text);
    const ms = performance.now() - t0;
    expect(index.size).toBe(1 + 2 + 2 + 6000 * 7);
    // 11 ms (JSON.parse of it: 17 ms) on an idle core of the dev box, up to 260 ms when other
    // jobs load it: the bound only catches an accidental quadratic (that takes seconds here).
    expect(ms).toBeLessThan(1500);
  });
});
