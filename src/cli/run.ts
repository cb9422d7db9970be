/** Kindling's Butane-compatible CLI: same flags, output, report formats and exit codes as `butane`. */
import { readFileSync, writeFileSync } from "node:fs";
import { renderReport, transpile } from "../transpiler/index.ts";
import { parseArgs, usage } from "./args.ts";
import { nodeFilesProvider } from "./node-files.ts";
import { runImport } from "./import-cmd.ts";

const VERSION = "Kindling 0.1.0 (Butane 0.29.0 compatible)";

/** Where the CLI reads stdin and writes its two streams (the real process, or a test's buffers). */
export interface CliIo {
  stdin: () => Buffer;
  stdout: (s: string) => void;
  stderr: (s: string) => void;
}

const processIo: CliIo = {
  stdin: () => readFileSync(0),
  stdout: (s) => void process.stdout.write(s),
  stderr: (s) => void process.stderr.write(s),
};

/** Runs the CLI with `argv` (without node and script) and returns the exit code. */
export function runCli(argv: readonly string[], io: CliIo = processIo): number {
  const argv0 = "kindling";
  // `kindling import …` turns Ignition / Container Linux Configs into Butane; anything else is butane's CLI
  if (argv[0] === "import") return runImport(argv.slice(1), io);
  const parsed = parseArgs(argv);
  if (!parsed.ok) {
    io.stderr(usage(argv0) + parsed.error + "\n");
    return 2;
  }
  const o = parsed.opts;
  if (o.deprecatedInput) io.stderr("Flag --input has been deprecated, specify filename directly on command line\n");
  let input = o.input;
  if (o.positional.length === 1 && input === "") input = o.positional[0]!;
  else if (o.positional.length > 0) {
    io.stderr(usage(argv0));
    return 2;
  }
  if (o.help) {
    io.stdout(usage(argv0) + "\nImport an Ignition config or a Container Linux Config as Butane: kindling import --help\n");
    return 0;
  }
  if (o.version) {
    io.stdout(VERSION + "\n");
    return 0;
  }
  let data: Buffer;
  const filename = input === "" ? "<stdin>" : input;
  try {
    data = input === "" ? io.stdin() : readFileSync(input);
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    const reason = err.code === "ENOENT" ? "no such file or directory" : err.code === "EISDIR" ? "is a directory" : err.code === "EACCES" ? "permission denied" : err.message;
    io.stderr(`failed to open ${filename}: open ${filename}: ${reason}\n`);
    return 1;
  }
  const source = data.toString("utf8");
  const result = transpile(source, {
    strict: o.strict,
    raw: o.raw,
    pretty: o.pretty,
    ...(o.filesDir !== "" ? { files: nodeFilesProvider(o.filesDir) } : {}),
  });
  io.stderr(renderReport(result.diagnostics, { raw: o.rawErrors, source, filename }));
  if (result.failure !== undefined) {
    io.stderr(result.failure + "\n");
    return 1;
  }
  if (!o.check && result.output !== null) {
    if (o.output !== "") {
      try {
        writeFileSync(o.output, result.output, { mode: 0o644 });
      } catch (e) {
        io.stderr(`failed to open ${o.output}: ${(e as Error).message}\n`);
        return 1;
      }
    } else io.stdout(result.output);
  }
  return 0;
}


