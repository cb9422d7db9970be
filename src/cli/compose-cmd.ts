/**
 * `kindling build` (a main config and snippets merged as Ignition merges child configs, once or
 * per host of a hosts table) and `kindling bundle` (a self-contained `.bu`). Exit 0 on success,
 * 1 when a file, host or reference fails, 2 on bad usage. Kindling's `compose-conflict` findings
 * are printed as warnings and do not change the exit code; with `--lint` (or `--target`,
 * `--platform`, as for a single file) Kindling's other findings follow each build's report, and
 * change neither stdout nor the exit code.
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { findPlatform, findTarget, PLATFORMS, renderReport, TARGETS, type LintOptions } from "../transpiler/index.ts";
import { decodeReplacing, goBytes } from "../transpiler/go/utf8.ts";
import {
  buildHosts,
  bundle,
  compose,
  parseHosts,
  type ComposeFile,
  type ComposeProblem,
  type ComposeResult,
  type FileResult,
  type Host,
} from "../compose/index.ts";
import { nodeFilesProvider } from "./node-files.ts";
import type { CliIo } from "./io.ts";
import { openFailure } from "./open-failure.ts";
import { renderProjectFindings } from "./findings.ts";

export const BUILD_USAGE = `Usage: kindling build [options] MAIN
Transpiles MAIN and each --snippet, and merges the snippets' Ignition over MAIN's in order, as
Ignition merges child configs (ignition.config.merge) at boot. openshift configs build to their
Ignition config (as with --raw). With --hosts, \${NAME} and \${NAME:-default} in every file take
each host's values first (write $\${ for a literal \${).
Options:
      --snippet FILE      a snippet merged over the result so far (repeatable, in order)
      --hosts FILE        hosts table: YAML (host: {NAME: value}) or CSV (header host,NAME1,…)
      --host NAME         build this host of --hosts (to stdout or -o)
      --out-dir DIR       build every host of --hosts into DIR/HOST.ign
  -d, --files-dir DIR     files directory for local references (shared by all files)
  -s, --strict            fail on any warning
  -p, --pretty            output formatted json
      --raw-errors        report errors as one line each
  -o, --output FILE       write to FILE instead of stdout
      --lint              also print Kindling's own findings (each file's, and the merged
                          output's) to stderr after each build's report; stdout and the exit
                          status stay the same
      --target T          with --lint: check that this target's Ignition reads the files' spec
                          (fcos-stable, flatcar-lts, rhcos-4.18, …)
      --platform P        with --lint: check each merged output against this platform's
                          user-data size limit (aws, azure, gcp, …)
  -h, --help              show usage and exit
A file named build is transpiled with: kindling ./build
`;

export const BUNDLE_USAGE = `Usage: kindling bundle [options] FILE
Writes FILE with every files-directory reference inlined (local → inline text or a data URL,
contents_local → contents, ssh_authorized_keys_local → ssh_authorized_keys, trees → files, links,
directories), comments and layout kept, so it transpiles to the same output without a files
directory.
Options:
  -d, --files-dir DIR     files directory the references are relative to
  -s, --strict            fail where the bundle would drop a key Butane warns about
  -o, --output FILE       write to FILE instead of stdout
  -h, --help              show usage and exit
A file named bundle is transpiled with: kindling ./bundle
`;

interface Parsed {
  values: Map<string, string[]>;
  flags: Set<string>;
  positional: string[];
  /** The flags as given (with their values), in order, without the positional arguments. */
  flagArgs: string[];
}

/** Flags by every spelling, mapped to one name; `true` when it takes a value. */
type FlagTable = Readonly<Record<string, readonly [name: string, takesValue: boolean]>>;

function parse(argv: readonly string[], table: FlagTable): { ok: true; args: Parsed } | { ok: false; error: string } {
  const args: Parsed = { values: new Map(), flags: new Set(), positional: [], flagArgs: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === "--") {
      args.positional.push(...argv.slice(i + 1));
      break;
    }
    if (!a.startsWith("-") || a === "-") {
      args.positional.push(a);
      continue;
    }
    const eq = a.startsWith("--") ? a.indexOf("=") : -1;
    const flag = eq > 0 ? a.slice(0, eq) : a;
    const spec = table[flag];
    if (!spec) return { ok: false, error: `unknown flag: ${flag}` };
    const [name, takesValue] = spec;
    if (!takesValue) {
      if (eq > 0) return { ok: false, error: `flag ${flag} takes no value` };
      args.flags.add(name);
      args.flagArgs.push(a);
      continue;
    }
    let value: string;
    if (eq > 0) value = a.slice(eq + 1);
    else {
      if (i + 1 >= argv.length) return { ok: false, error: `flag needs an argument: ${flag}` };
      value = argv[++i]!;
    }
    args.flagArgs.push(flag, value);
    args.values.set(name, [...(args.values.get(name) ?? []), value]);
  }
  return { ok: true, args };
}

/** The flags both commands take. */
const COMMON_FLAGS: FlagTable = {
  "--files-dir": ["files-dir", true],
  "-d": ["files-dir", true],
  "--output": ["output", true],
  "-o": ["output", true],
  "--strict": ["strict", false],
  "-s": ["strict", false],
  "--help": ["help", false],
  "-h": ["help", false],
};

const BUILD_FLAGS: FlagTable = {
  ...COMMON_FLAGS,
  "--snippet": ["snippet", true],
  "--hosts": ["hosts", true],
  "--host": ["host", true],
  "--out-dir": ["out-dir", true],
  "--pretty": ["pretty", false],
  "-p": ["pretty", false],
  "--raw-errors": ["raw-errors", false],
  "--lint": ["lint", false],
  "--target": ["target", true],
  "--platform": ["platform", true],
};

const BUNDLE_FLAGS = COMMON_FLAGS;

function last(args: Parsed, name: string): string | undefined {
  const v = args.values.get(name);
  return v?.[v.length - 1];
}

/** Reads a file as bytes, or says why not as the transpiler's CLI does. */
function readInput(path: string, io: CliIo): Uint8Array | undefined {
  try {
    return readFileSync(path);
  } catch (e) {
    io.stderr(openFailure(path, e));
    return undefined;
  }
}

function writeOutput(path: string, text: string, io: CliIo): boolean {
  try {
    writeFileSync(path, goBytes(text), { mode: 0o644 });
    return true;
  } catch (e) {
    io.stderr(`failed to open ${path}: ${(e as Error).message}\n`);
    return false;
  }
}

const problemLine = (p: ComposeProblem, severity = "error") =>
  `${p.file}${p.line !== undefined ? `:${p.line}${p.column !== undefined ? `:${p.column}` : ""}` : ""}: ${severity}: ${p.message}\n`;

/** Kindling's findings about the project itself (always printed); the others only with --lint. */
const isComposeFinding = (code: string) => code.startsWith("compose-");

/** Prints a build's reports, failure and findings; `texts` are the files as transpiled. */
function report(r: ComposeResult, texts: ReadonlyMap<string, string>, raw: boolean, io: CliIo, prefix: string, lint: boolean): void {
  for (const f of r.reports) {
    if (f.diagnostics.length === 0) continue;
    const text = renderReport(f.diagnostics, { raw, source: texts.get(f.name) ?? "", filename: f.name });
    // one-line entries name no file (the pretty form does): each gets its file in front
    io.stderr(raw ? text.replace(/^(?=.)/gm, `${prefix}${f.name}: `) : prefix + text);
  }
  if (r.failure !== undefined) io.stderr(`${prefix}${r.failure}\n`);
  for (const f of r.findings) {
    if (!isComposeFinding(f.code)) continue;
    io.stderr(`${prefix}${f.file}${f.line !== undefined ? `:${f.line}:${f.column ?? 1}` : ""}: warning[${f.code}]: ${f.message}\n`);
  }
  // Kindling's own findings come last, after everything else about this build.
  if (lint) {
    io.stderr(
      renderProjectFindings(
        r.findings.filter((f) => !isComposeFinding(f.code)),
        r.userDataSize,
        prefix,
      ),
    );
  }
}

/** Runs `kindling build …` (argv without "build"). */
export function runBuild(argv: readonly string[], io: CliIo): number {
  const parsed = parse(argv, BUILD_FLAGS);
  if (!parsed.ok) {
    io.stderr(BUILD_USAGE + parsed.error + "\n");
    return 2;
  }
  const { args } = parsed;
  if (args.flags.has("help")) {
    io.stdout(BUILD_USAGE);
    return 0;
  }
  const usage = (msg: string) => {
    io.stderr(BUILD_USAGE + msg + "\n");
    return 2;
  };
  if (args.positional.length !== 1)
    return usage(args.positional.length === 0 ? "no main config given" : "build takes one main config; add the others with --snippet");
  const hostsFile = last(args, "hosts");
  const hostName = last(args, "host");
  const outDir = last(args, "out-dir");
  const output = last(args, "output");
  if (hostsFile === undefined && (hostName !== undefined || outDir !== undefined)) return usage("--host and --out-dir need --hosts");
  if (hostsFile !== undefined && (hostName === undefined) === (outDir === undefined)) return usage("with --hosts, give either --host NAME or --out-dir DIR");
  if (outDir !== undefined && output !== undefined) return usage("--output and --out-dir exclude each other");
  const target = last(args, "target");
  const platform = last(args, "platform");
  if (target !== undefined && !findTarget(target)) {
    io.stderr(`unknown --target ${target}; one of: ${TARGETS.map((t) => t.id).join(", ")}\n`);
    return 2;
  }
  if (platform !== undefined && !findPlatform(platform)) {
    io.stderr(`unknown --platform ${platform}; one of: ${PLATFORMS.map((p) => p.id).join(", ")}\n`);
    return 2;
  }
  // --target and --platform only add findings, so they imply --lint (as for a single file).
  const lint: LintOptions | undefined =
    args.flags.has("lint") || target !== undefined || platform !== undefined
      ? { ...(target !== undefined ? { target } : {}), ...(platform !== undefined ? { platform } : {}) }
      : undefined;

  const paths = [args.positional[0]!, ...(args.values.get("snippet") ?? [])];
  const loaded: ComposeFile[] = [];
  for (const p of paths) {
    const data = readInput(p, io);
    if (!data) return 1;
    loaded.push({ name: p, source: data });
  }
  const filesDir = last(args, "files-dir");
  const options = {
    strict: args.flags.has("strict"),
    pretty: args.flags.has("pretty"),
    ...(filesDir !== undefined ? { files: nodeFilesProvider(filesDir) } : {}),
    ...(lint ? { lint } : {}),
  };
  const raw = args.flags.has("raw-errors");
  const project = { main: loaded[0]!, snippets: loaded.slice(1) };

  if (hostsFile === undefined) {
    const r = compose(project.main, project.snippets, options);
    const texts = new Map(loaded.map((f) => [f.name, decodeReplacing(f.source as Uint8Array)]));
    report(r, texts, raw, io, "", lint !== undefined);
    if (r.output === null) return 1;
    if (output !== undefined) return writeOutput(output, r.output, io) ? 0 : 1;
    io.stdout(r.output);
    return 0;
  }

  const hostsData = readInput(hostsFile, io);
  if (!hostsData) return 1;
  const table = parseHosts(decodeReplacing(hostsData), hostsFile);
  if (!table.ok) {
    for (const p of table.problems) io.stderr(problemLine(p));
    return 1;
  }
  let hosts: Host[] = table.hosts;
  if (hostName !== undefined) {
    const h = hosts.find((x) => x.name === hostName);
    if (!h) {
      io.stderr(`host ${hostName} is not in ${hostsFile} (${hosts.length === 0 ? "it lists no host" : `it lists ${hosts.map((x) => x.name).join(", ")}`})\n`);
      return 1;
    }
    hosts = [h];
  }
  if (outDir !== undefined) {
    try {
      mkdirSync(outDir, { recursive: true });
    } catch (e) {
      io.stderr(`cannot create ${outDir}: ${(e as Error).message}\n`);
      return 1;
    }
  }
  const cache = new Map<string, FileResult>();
  let failed = 0;
  for (const b of buildHosts(project, hosts, { ...options, cache })) {
    const prefix = hostName === undefined ? `host ${b.host}: ` : "";
    for (const p of b.problems) io.stderr(problemLine(p));
    if (!b.result) {
      failed++;
      continue;
    }
    report(b.result, b.texts, raw, io, prefix, lint !== undefined);
    if (b.result.output === null) {
      failed++;
      continue;
    }
    if (outDir !== undefined) {
      if (!writeOutput(join(outDir, `${b.host}.ign`), b.result.output, io)) failed++;
    } else if (output !== undefined) {
      if (!writeOutput(output, b.result.output, io)) failed++;
    } else io.stdout(b.result.output);
  }
  if (outDir !== undefined) io.stderr(`built ${hosts.length - failed} of ${hosts.length} hosts into ${outDir}\n`);
  return failed > 0 ? 1 : 0;
}

/** Runs `kindling bundle …` (argv without "bundle"). */
export function runBundle(argv: readonly string[], io: CliIo): number {
  const parsed = parse(argv, BUNDLE_FLAGS);
  if (!parsed.ok) {
    io.stderr(BUNDLE_USAGE + parsed.error + "\n");
    return 2;
  }
  const { args } = parsed;
  if (args.flags.has("help")) {
    io.stdout(BUNDLE_USAGE);
    return 0;
  }
  if (args.positional.length !== 1) {
    io.stderr(BUNDLE_USAGE + (args.positional.length === 0 ? "no input file given" : "bundle takes one input file") + "\n");
    return 2;
  }
  const input = args.positional[0]!;
  const data = readInput(input, io);
  if (!data) return 1;
  const filesDir = last(args, "files-dir");
  const r = bundle(decodeReplacing(data), filesDir !== undefined ? nodeFilesProvider(filesDir) : undefined, { strict: args.flags.has("strict") });
  for (const p of r.problems) io.stderr(problemLine({ ...p, file: input }, p.severity));
  if (!r.ok) return 1;
  const output = last(args, "output");
  if (output !== undefined) return writeOutput(output, r.text, io) ? 0 : 1;
  io.stdout(r.text);
  return 0;
}

export const EACH_USAGE = `kindling-each runs kindling once per input file, with the same options for every file
(for pre-commit and other tools that append the files to a command); the exit status is the
highest of the runs. Also as:
  kindling-each build [options] MAIN...    kindling build once per main config, each with the
                                           same --snippet, --hosts, --files-dir … (-o and
                                           --out-dir only with one main: the builds would
                                           overwrite each other's files)
  kindling-each bundle [options] FILE...   kindling bundle once per file (-o only with one file)
kindling import is not run per file: it writes one Butane file per input; run it once per file.
`;

/**
 * \`kindling-each build|bundle …\`: the subcommand once per input file with the same flags. Outputs
 * that would overwrite each other (-o, --out-dir with several inputs) are refused (exit 2).
 */
export function runEachCommand(command: "build" | "bundle", argv: readonly string[], io: CliIo): number {
  const usageText =
    (command === "build"
      ? BUILD_USAGE.replace("kindling build [options] MAIN", "kindling-each build [options] MAIN...")
      : BUNDLE_USAGE.replace("kindling bundle [options] FILE", "kindling-each bundle [options] FILE...")) +
    "\n" +
    EACH_USAGE;
  const parsed = parse(argv, command === "build" ? BUILD_FLAGS : BUNDLE_FLAGS);
  if (!parsed.ok) {
    io.stderr(usageText + parsed.error + "\n");
    return 2;
  }
  const { args } = parsed;
  if (args.flags.has("help")) {
    io.stdout(usageText);
    return 0;
  }
  if (args.positional.length === 0) {
    io.stderr(usageText + "no input files\n");
    return 2;
  }
  if (args.positional.length > 1) {
    const clash = ["output", "out-dir"].find((n) => args.values.has(n));
    if (clash) {
      io.stderr(usageText + `--${clash} with ${args.positional.length} input files: each run would overwrite the last one's output\n`);
      return 2;
    }
  }
  const run = command === "build" ? runBuild : runBundle;
  let code = 0;
  for (const input of args.positional) code = Math.max(code, run([...args.flagArgs, "--", input], io));
  return code;
}
