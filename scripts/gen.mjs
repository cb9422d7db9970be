#!/usr/bin/env node
/**
 * `npm run gen`: writes the generated JSON Schemas (schemas/butane, schemas/ignition) and the
 * spec reference (docs/spec as Markdown, public/docs/spec as the HTML pages the studio serves)
 * from the declarative spec, via the bundled transpiler library
 * (dist-cli/transpiler.js, built by `npm run build:cli`). Files in those directories that are no
 * longer generated are removed. src/transpiler/spec/schemas.test.ts checks the result is current.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync, existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const lib = await import(new URL("../dist-cli/transpiler.js", import.meta.url).href);
/** @type {Map<string, string>} */
const files = lib.generatedFiles();
// Every directory holding generated files is owned by the generator.
const generatedDirs = [...new Set([...files.keys()].map((rel) => dirname(rel)))];
let written = 0;
let unchanged = 0;
for (const [rel, text] of files) {
  const abs = join(root, rel);
  if (existsSync(abs) && readFileSync(abs, "utf8") === text) {
    unchanged++;
    continue;
  }
  mkdirSync(dirname(abs), { recursive: true });
  writeFileSync(abs, text);
  written++;
}
let removed = 0;
for (const dir of generatedDirs) {
  const abs = join(root, dir);
  if (!existsSync(abs)) continue;
  for (const name of readdirSync(abs)) {
    const rel = `${dir}/${name}`;
    if (files.has(rel)) continue;
    rmSync(join(abs, name), { recursive: true });
    removed++;
  }
}
console.log(`gen: ${files.size} files (${written} written, ${unchanged} unchanged, ${removed} removed)`);
