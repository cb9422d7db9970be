/** Entry point of the bundled CLI (bin/kindling.js). */
import { runCli } from "./run.ts";

process.exitCode = runCli(process.argv.slice(2));
