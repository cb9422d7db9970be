/** Kindling's Butane-compatible CLI: same flags, output, report formats and exit codes as `butane`. */
import { readFileSync, writeFileSync } from "node:fs";
import { renderReport, transpile } from "../transpiler/index.ts";
import { parseArgs, usage } from "./args.ts";
import { nodeFilesProvider } from "./node-files.ts";

const VERSION = "Kindling 0.1.0 (Butane 0.29.0 compatible)";

function main(argv: string[]): number {
  const argv0 = "kindling";
  const parsed = parseArgs(argv);
  if (!parsed.ok) {
    process.stderr.write(usage(argv0) + parsed.error + "\n");
    return 2;
  }
  const o = parsed.opts;
  if (o.deprecatedInput) process.stderr.write("Flag --input has been deprecated, specify filename directly on command line\n");
  let input = o.input;
  if (o.positional.length === 1 && input === "") input = o.positional[0]!;
  else if (o.positional.length > 0) {
    process.stderr.write(usage(argv0));
    return 2;
  }
  if (o.help) {
    process.stdout.write(usage(argv0));
    return 0;
  }
  if (o.version) {
    process.stdout.write(VERSION + "\n");
    return 0;
  }
  let data: Buffer;
  const filename = input === "" ? "<stdin>" : input;
  try {
    data = readFileSync(input === "" ? 0 : input);
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    const reason = err.code === "ENOENT" ? "no such file or directory" : err.code === "EISDIR" ? "is a directory" : err.code === "EACCES" ? "permission denied" : err.message;
    process.stderr.write(`failed to open ${filename}: open ${filename}: ${reason}\n`);
    return 1;
  }
  const source = data.toString("utf8");
  const result = transpile(source, {
    strict: o.strict,
    raw: o.raw,
    pretty: o.pretty,
    ...(o.filesDir !== "" ? { files: nodeFilesProvider(o.filesDir) } : {}),
  });
  process.stderr.write(renderReport(result.diagnostics, { raw: o.rawErrors, source, filename }));
  if (result.failure !== undefined) {
    process.stderr.write(result.failure + "\n");
    return 1;
  }
  if (!o.check && result.output !== null) {
    if (o.output !== "") {
      try {
        writeFileSync(o.output, result.output, { mode: 0o644 });
      } catch (e) {
        process.stderr.write(`failed to open ${o.output}: ${(e as Error).message}\n`);
        return 1;
      }
    } else process.stdout.write(result.output);
  }
  return 0;
}

process.exitCode = main(process.argv.slice(2));
