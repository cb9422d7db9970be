/**
 * Property test: documents written by the `yaml` package's stringifier parse back to the same
 * values. Restricted to what yaml.v3 and YAML 1.2 agree on: no NEL/LS/PS (line breaks for libyaml),
 * block collections or quoted scalars in flow style (libyaml treats `?`, `:`, `-` as indicators in
 * flow context), no astral characters (the stringifier may fold between surrogates), no tab right after the indentation of a block scalar's first line, no root scalars.
 */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { parse, stringify } from "yaml";
import type { YNode } from "./node.ts";
import { parseYaml } from "./parse.ts";

function toJs(n: YNode): unknown {
  switch (n.kind) {
    case "scalar":
      return n.value;
    case "seq":
      return n.items.map(toJs);
    case "alias":
      return toJs(n.target);
    case "map":
      return Object.fromEntries(n.entries.map((e) => [toJs(e.key) as string, toJs(e.value)]));
  }
}

const unit = fc.constantFrom(..."ab :#'\"\\-{}[],&*!|>%@`?~01.é\u00a0\r\n".split(""), "  ", "x: y", "- ");
const str = fc.string({ unit, minLength: 1, maxLength: 24 }).filter((s) => !/(^|\n) *\t/.test(s));
const tree = fc.letrec((tie) => ({
  node: fc.oneof({ depthSize: "small" }, str, tie("arr"), tie("obj")),
  arr: fc.array(tie("node"), { minLength: 1, maxLength: 4 }),
  obj: fc.dictionary(str, tie("node"), { minKeys: 1, maxKeys: 4 }),
  root: fc.oneof(tie("arr"), tie("obj")),
})).root;
const options = fc.oneof(
  fc.record({
    collectionStyle: fc.constant("block" as const),
    defaultStringType: fc.constantFrom("PLAIN", "QUOTE_DOUBLE", "QUOTE_SINGLE", "BLOCK_LITERAL", "BLOCK_FOLDED"),
    defaultKeyType: fc.constantFrom(null, "PLAIN", "QUOTE_DOUBLE", "QUOTE_SINGLE"),
    lineWidth: fc.constantFrom(0, 12, 40),
    indent: fc.constantFrom(2, 3, 4),
  }),
  fc.record({
    collectionStyle: fc.constant("flow" as const),
    defaultStringType: fc.constantFrom("QUOTE_DOUBLE", "QUOTE_SINGLE"),
    defaultKeyType: fc.constantFrom("QUOTE_DOUBLE", "QUOTE_SINGLE"),
    lineWidth: fc.constantFrom(0, 12, 40),
    indent: fc.constantFrom(2, 4),
  }),
);

function readsBack(src: string, value: unknown): boolean {
  try {
    return JSON.stringify(parse(src)) === JSON.stringify(value);
  } catch {
    return false;
  }
}

describe("round trip through the yaml package's stringifier", () => {
  it("parses back the values it wrote", () => {
    fc.assert(
      fc.property(tree, options, (value, opts) => {
        const src = stringify(value, opts);
        // Skip the stringifier's own slips (it cannot always read its output back either).
        fc.pre(readsBack(src, value));
        const r = parseYaml(src, { duplicateKeys: "none" });
        expect(r.ok ? null : r.message).toBeNull();
        expect(r.ok && r.root ? toJs(r.root) : null).toEqual(value);
      }),
      { numRuns: 400 },
    );
  });
});
