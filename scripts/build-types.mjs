#!/usr/bin/env node
/**
 * `npm run build:types` (run by `npm pack`): the library entry's declarations in dist-types/,
 * emitted by tsc from the sources (tsconfig.lib.json). The sources import with `.ts`
 * extensions; the emitted `.d.ts` files import their siblings as `.js`, which every TypeScript
 * module resolution maps back to the `.d.ts`.
 */
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const out = join(root, "dist-types");
rmSync(out, { recursive: true, force: true });
execFileSync(process.execPath, [join(root, "node_modules/typescript/bin/tsc"), "-p", join(root, "tsconfig.lib.json")], { stdio: "inherit" });

let files = 0;
for (const entry of readdirSync(out, { recursive: true, withFileTypes: true })) {
  if (!entry.isFile() || !entry.name.endsWith(".d.ts")) continue;
  const path = join(entry.parentPath, entry.name);
  const text = readFileSync(path, "utf8");
  const fixed = text.replace(/(\bfrom\s+|\bimport\s*\(\s*)(["'])(\.{1,2}\/[^"']*?)\.ts\2/g, "$1$2$3.js$2");
  if (fixed !== text) writeFileSync(path, fixed);
  files++;
}
console.log(`build:types: ${files} declaration files in dist-types/`);
