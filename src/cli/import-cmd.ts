/**
 * `kindling import`: an Ignition config (spec 2.x or 3.x, or an OpenShift MachineConfig) or a
 * Container Linux Config in, Butane out (stdout or -o), what was recovered and what could not be
 * on stderr. Exit 1 when the input cannot be imported, 2 on bad usage.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { formatPath } from "../transpiler/index.ts";
import { CLC_PLATFORMS, importConfig, type ImportFrom, type ImportOptions } from "../import/index.ts";
import type { CliIo } from "./io.ts";

export const IMPORT_USAGE = `Usage: kindling import [options] [input-file]
Turns an Ignition config (spec 2.x or 3.x, or an OpenShift MachineConfig) or a Container Linux
Config into Butane, proven by transpiling it back. Reads stdin without input-file.
Options:
      --variant string     Butane variant to write (default fcos; flatcar for a Container Linux Config)
      --version string     Butane version (default: the newest one that fits the input)
      --from string        what the input is: "ignition" or "clc" (default: recognized)
      --platform string    Container Linux Config: ct's --platform, for dynamic data such as {PRIVATE_IPV4}
                           (${CLC_PLATFORMS.join(", ")})
      --fs-path NAME=PATH  spec 2 / Container Linux Config: where filesystem NAME is mounted (repeatable)
  -o, --output string      write to output file instead of stdout
  -h, --help               show usage and exit
`;

interface ImportArgs {
  options: ImportOptions;
  output: string;
  input: string;
  help: boolean;
}

function parse(argv: readonly string[]): { ok: true; args: ImportArgs } | { ok: false; error: string } {
  const args: ImportArgs = { options: {}, output: "", input: "", help: false };
  const positional: string[] = [];
  const paths: Record<string, string> = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === "--") {
      positional.push(...argv.slice(i + 1));
      break;
    }
    if (a === "-h" || a === "--help") {
      args.help = true;
      continue;
    }
    const m = /^(--[a-z-]+|-o)(?:=(.*))?$/.exec(a);
    if (!m) {
      if (a.startsWith("-") && a !== "-") return { ok: false, error: `unknown flag: ${a}` };
      positional.push(a);
      continue;
    }
    const flag = m[1]!;
    if (!["--variant", "--version", "--from", "--platform", "--fs-path", "--output", "-o"].includes(flag)) return { ok: false, error: `unknown flag: ${flag}` };
    let value = m[2];
    if (value === undefined) {
      if (i + 1 >= argv.length) return { ok: false, error: `flag needs an argument: ${flag}` };
      value = argv[++i]!;
    }
    switch (flag) {
      case "--variant":
        args.options.variant = value;
        break;
      case "--version":
        args.options.version = value;
        break;
      case "--from":
        if (value !== "ignition" && value !== "clc") return { ok: false, error: `--from must be "ignition" or "clc", not ${JSON.stringify(value)}` };
        args.options.from = value as ImportFrom;
        break;
      case "--platform":
        args.options.platform = value;
        break;
      case "--fs-path": {
        const eq = value.indexOf("=");
        if (eq <= 0) return { ok: false, error: `--fs-path takes NAME=PATH, not ${JSON.stringify(value)}` };
        paths[value.slice(0, eq)] = value.slice(eq + 1);
        break;
      }
      default:
        args.output = value;
    }
  }
  if (Object.keys(paths).length > 0) args.options.filesystemPaths = paths;
  if (positional.length > 1) return { ok: false, error: "import takes one input file" };
  args.input = positional[0] === "-" ? "" : (positional[0] ?? "");
  return { ok: true, args };
}

/** Runs `kindling import …` (argv without "import") and returns the exit code. */
export function runImport(argv: readonly string[], io: CliIo): number {
  const parsed = parse(argv);
  if (!parsed.ok) {
    io.stderr(IMPORT_USAGE + parsed.error + "\n");
    return 2;
  }
  const { args } = parsed;
  if (args.help) {
    io.stdout(IMPORT_USAGE);
    return 0;
  }
  const name = args.input === "" ? "<stdin>" : args.input;
  let text: string;
  try {
    text = (args.input === "" ? io.stdin() : readFileSync(args.input)).toString("utf8");
  } catch (e) {
    io.stderr(`failed to open ${name}: ${(e as NodeJS.ErrnoException).code === "ENOENT" ? "no such file or directory" : (e as Error).message}\n`);
    return 1;
  }
  const r = importConfig(text, args.options);
  for (const f of r.findings) {
    const at = f.path.length > 0 ? ` at ${formatPath(f.path)}` : "";
    io.stderr(`${f.severity}${at}: ${f.message} [${f.code}]\n`);
  }
  if (!r.ok) {
    io.stderr(`Error importing ${name}: ${r.error}\n`);
    return 1;
  }
  io.stderr(
    `imported ${r.source.kind} ${r.source.version} as ${r.variant} ${r.version}; ` +
      (r.verified ? "it transpiles back to the same config\n" : "WARNING: it does not transpile back to the same config (see above)\n"),
  );
  if (args.output !== "") {
    try {
      writeFileSync(args.output, r.butane, { mode: 0o644 });
    } catch (e) {
      io.stderr(`failed to open ${args.output}: ${(e as Error).message}\n`);
      return 1;
    }
  } else io.stdout(r.butane);
  return 0;
}
