/** Kindling's Butane-compatible CLI: same flags, output, report formats and exit codes as `butane`. */
import { readFileSync, writeFileSync } from "node:fs";
import { findPlatform, findTarget, PLATFORMS, renderReport, TARGETS, transpile, type LintOptions } from "../transpiler/index.ts";
import { renderFindings } from "./findings.ts";
import { parseArgs, usage, type CliOptions } from "./args.ts";
import { nodeFilesProvider } from "./node-files.ts";
import { decodeReplacing, goBytes } from "../transpiler/go/utf8.ts";
import { runImport } from "./import-cmd.ts";
import { EACH_USAGE, runBuild, runBundle, runEachCommand } from "./compose-cmd.ts";
import type { CliIo } from "./io.ts";
import { openFailure } from "./open-failure.ts";

const VERSION = "Kindling 0.1.0 (Butane 0.29.0 compatible)";

/** Writes what the transpiler printed as the bytes it stands for (see go/utf8.ts). */
const processIo: CliIo = {
  stdin: () => readFileSync(0),
  stdout: (s) => void process.stdout.write(goBytes(s)),
  stderr: (s) => void process.stderr.write(goBytes(s)),
};

/** Runs the CLI with `argv` (without node and script) and returns the exit code. */
export function runCli(argv: readonly string[], io: CliIo = processIo): number {
  const argv0 = "kindling";
  // `kindling import …` turns Ignition / Container Linux Configs into Butane; anything else is butane's CLI
  if (argv[0] === "import") return runImport(argv.slice(1), io);
  // `kindling build …` / `kindling bundle …`: projects (compose); a file of that name is `./build`
  if (argv[0] === "build") return runBuild(argv.slice(1), io);
  if (argv[0] === "bundle") return runBundle(argv.slice(1), io);
  const parsed = parseArgs(argv);
  if (!parsed.ok) {
    io.stderr(usage(argv0) + parsed.error + "\n");
    return 2;
  }
  return runParsed(parsed.opts, io);
}

/**
 * Runs the CLI once per input file (`kindling-each`, for pre-commit and other tools that append
 * the files to a command): the same flags for every file, each file reported as `kindling` reports
 * it alone. The exit code is the highest of the runs (2 when no file is given).
 */
export function runCliEach(argv: readonly string[], io: CliIo = processIo): number {
  // `kindling-each build|bundle …`: the subcommand once per input file (a file of that name is `./build`)
  if (argv[0] === "build" || argv[0] === "bundle") return runEachCommand(argv[0], argv.slice(1), io);
  const parsed = parseArgs(argv);
  if (parsed.ok && parsed.opts.help) {
    io.stdout(usage("kindling-each").replace("[input-file]", "input-file...") + "\n" + EACH_USAGE);
    return 0;
  }
  if (!parsed.ok || parsed.opts.positional.length === 0) {
    io.stderr(usage("kindling-each") + (parsed.ok ? "no input files\n" : parsed.error + "\n"));
    return 2;
  }
  let code = 0;
  for (const file of parsed.opts.positional) code = Math.max(code, runParsed({ ...parsed.opts, positional: [file] }, io));
  return code;
}

function runParsed(o: CliOptions, io: CliIo): number {
  const argv0 = "kindling";
  if (o.deprecatedInput) io.stderr("Flag --input has been deprecated, specify filename directly on command line\n");
  let input = o.input;
  if (o.positional.length === 1 && input === "") input = o.positional[0]!;
  else if (o.positional.length > 0) {
    io.stderr(usage(argv0));
    return 2;
  }
  if (o.help) {
    io.stdout(
      usage(argv0) +
        "\nImport an Ignition config or a Container Linux Config as Butane: kindling import --help\n" +
        "Build a main config with snippets (and per-host values): kindling build --help\n" +
        "Inline a config's local files into one self-contained file: kindling bundle --help\n",
    );
    return 0;
  }
  if (o.version) {
    io.stdout(VERSION + "\n");
    return 0;
  }
  if (o.target !== "" && !findTarget(o.target)) {
    io.stderr(`unknown --target ${o.target}; one of: ${TARGETS.map((t) => t.id).join(", ")}\n`);
    return 2;
  }
  if (o.platform !== "" && !findPlatform(o.platform)) {
    io.stderr(`unknown --platform ${o.platform}; one of: ${PLATFORMS.map((p) => p.id).join(", ")}\n`);
    return 2;
  }
  // --target and --platform only add findings, so they imply --lint.
  const lint: LintOptions | undefined =
    o.lint || o.target !== "" || o.platform !== ""
      ? { ...(o.target !== "" ? { target: o.target } : {}), ...(o.platform !== "" ? { platform: o.platform } : {}) }
      : undefined;
  let data: Buffer;
  const filename = input === "" ? "<stdin>" : input;
  try {
    data = input === "" ? io.stdin() : readFileSync(input);
  } catch (e) {
    io.stderr(openFailure(filename, e));
    return 1;
  }
  // The transpiler reads the bytes as butane does (a malformed file is an error, not U+FFFD);
  // the report shows lines of the same bytes.
  const source = decodeReplacing(data);
  const result = transpile(data, {
    strict: o.strict,
    raw: o.raw,
    pretty: o.pretty,
    ...(o.filesDir !== "" ? { files: nodeFilesProvider(o.filesDir) } : {}),
    ...(lint ? { lint } : {}),
  });
  io.stderr(renderReport(result.diagnostics, { raw: o.rawErrors, source, filename }));
  // Kindling's findings come last, after everything upstream prints, and never change the exit code.
  const findings = () => {
    if (lint) io.stderr(renderFindings(result.findings ?? [], result.userDataSize));
  };
  if (result.failure !== undefined) {
    io.stderr(result.failure + "\n");
    findings();
    return 1;
  }
  if (!o.check && result.output !== null) {
    if (o.output !== "") {
      try {
        writeFileSync(o.output, goBytes(result.output), { mode: 0o644 });
      } catch (e) {
        io.stderr(`failed to open ${o.output}: ${(e as Error).message}\n`);
        return 1;
      }
    } else io.stdout(result.output);
  }
  findings();
  return 0;
}
