/**
 * The YAML writer against the real transpiler: any text written as a file's inline contents or
 * as a user's GECOS field reads back as exactly that text (block literals, quoting, escapes).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { transpile } from "../transpiler/index.ts";
import { dataUrlBytes, utf8Text } from "./contents.ts";
import { emitButane } from "./emit.ts";
import { findSpec } from "./spec.ts";

const spec = findSpec("fcos", "1.6.0")!.spec;
/** Text with the characters that trouble YAML writers: breaks, blanks, quotes, indicators, controls. */
const tricky = fc.string({
  unit: fc.oneof(
    fc.constantFrom(
      "\n",
      " ",
      "\t",
      "#",
      ":",
      "-",
      "'",
      '"',
      "\\",
      "|",
      ">",
      "{",
      "}",
      "[",
      "]",
      ",",
      "&",
      "*",
      "!",
      "%",
      "@",
      "`",
      "?",
      "0",
      "1",
      ".",
      "\r",
      "\ufeff",
      "\u0000",
      "\u001b",
      "é",
      "🙂",
    ),
    // U+0085, U+2028 and U+2029 are line breaks to YAML readers: no Butane string holds them (see contents.test.ts)
    fc.string({ unit: "binary", maxLength: 3 }).filter((s) => !/[\u0085\u2028\u2029]/.test(s)),
  ),
  maxLength: 40,
});
const words = fc.constantFrom(
  "",
  "~",
  "null",
  "yes",
  "No",
  "on",
  "true",
  "0644",
  "1.0",
  "1.5.0",
  "0x1F",
  "1:20",
  "2001-01-01",
  ".inf",
  "- x",
  "a: b",
  "a #b",
  "#c",
  "|",
  ">-",
  "\n",
  "\n\n",
  " \n",
  "a\n ",
  " lead",
  "trail ",
  "\tx\n",
);

function roundTrip(text: string) {
  const butane = emitButane(
    { variant: "fcos", version: "1.6.0", passwd: { users: [{ name: "u", gecos: text }] }, storage: { files: [{ path: "/x", contents: { inline: text } }] } },
    { spec },
  );
  const r = transpile(butane, { raw: true });
  expect(r.failure, butane).toBeUndefined();
  const cfg = r.config as any;
  expect(cfg.passwd.users[0].gecos, butane).toBe(text);
  const c = cfg.storage.files[0].contents;
  expect(utf8Text(dataUrlBytes(c.source, c.compression)!), butane).toBe(text);
}

describe("emitButane strings", () => {
  it("read back exactly, whatever the text", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          tricky,
          words,
          fc.tuple(words, tricky).map(([a, b]) => a + b),
        ),
        roundTrip,
      ),
      { numRuns: 600 },
    );
  });
});
