/** Entry point of `kindling-each` (bin/kindling-each.js): `kindling` once per input file. */
import { runCliEach } from "./run.ts";

process.exitCode = runCliEach(process.argv.slice(2));
