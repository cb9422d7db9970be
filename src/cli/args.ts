/** Command-line parsing with upstream Butane's flags (pflag style: -abc, --x=v, --x v). */

export interface CliOptions {
  help: boolean;
  version: boolean;
  check: boolean;
  strict: boolean;
  pretty: boolean;
  raw: boolean;
  rawErrors: boolean;
  debug: boolean;
  color: string;
  input: string;
  output: string;
  filesDir: string;
  positional: string[];
  deprecatedInput: boolean;
  /** Kindling: print Kindling's own findings after upstream's report. */
  lint: boolean;
  target: string;
  platform: string;
}

interface FlagDef {
  long: string;
  short?: string;
  kind: "bool" | "string";
  key: keyof CliOptions;
  usage: string;
  hidden?: boolean;
  noOptDefault?: string;
  default?: string;
}

const FLAGS: FlagDef[] = [
  { long: "check", short: "c", kind: "bool", key: "check", usage: "check config without producing output" },
  { long: "color", kind: "string", key: "color", usage: 'control color output: "auto", "always", or "never"', noOptDefault: "always", default: "auto" },
  { long: "colour", kind: "string", key: "color", usage: 'control color output: "auto", "always", or "never"', noOptDefault: "always", hidden: true },
  { long: "debug", short: "D", kind: "bool", key: "debug", usage: "log translations", hidden: true },
  { long: "files-dir", short: "d", kind: "string", key: "filesDir", usage: "allow embedding local files from this directory" },
  { long: "help", short: "h", kind: "bool", key: "help", usage: "show usage and exit" },
  { long: "input", kind: "string", key: "input", usage: "read from input file instead of stdin", hidden: true },
  {
    long: "lint",
    kind: "bool",
    key: "lint",
    usage: "also print Kindling's own findings (systemd/Quadlet lint, placeholders) to stderr after the report; stdout and the exit status stay the same",
  },
  { long: "output", short: "o", kind: "string", key: "output", usage: "write to output file instead of stdout" },
  {
    long: "platform",
    kind: "string",
    key: "platform",
    usage: "with --lint: check the output against this platform's user-data size limit (aws, azure, gcp, …)",
  },
  { long: "pretty", short: "p", kind: "bool", key: "pretty", usage: "output formatted json" },
  { long: "raw", short: "r", kind: "bool", key: "raw", usage: "never wrap in a MachineConfig; force Ignition output" },
  { long: "raw-errors", kind: "bool", key: "rawErrors", usage: "show raw errors, rather than pretty printing them" },
  { long: "strict", short: "s", kind: "bool", key: "strict", usage: "fail on any warning" },
  {
    long: "target",
    kind: "string",
    key: "target",
    usage: "with --lint: check that this target's Ignition reads the config (fcos-stable, flatcar-lts, rhcos-4.18, …)",
  },
  { long: "version", short: "V", kind: "bool", key: "version", usage: "print the version and exit" },
];

/** Parses argv (without node and script); returns options or an error text for the usage path. */
export function parseArgs(argv: readonly string[]): { ok: true; opts: CliOptions } | { ok: false; error: string } {
  const opts: CliOptions = {
    help: false,
    version: false,
    check: false,
    strict: false,
    pretty: false,
    raw: false,
    rawErrors: false,
    debug: false,
    color: "auto",
    input: "",
    output: "",
    filesDir: "",
    positional: [],
    deprecatedInput: false,
    lint: false,
    target: "",
    platform: "",
  };
  const set = (f: FlagDef, value: string | true) => {
    if (f.kind === "bool") (opts[f.key] as boolean) = value === true || value === "true" || value === "1";
    else (opts[f.key] as string) = value as string;
    if (f.key === "input") opts.deprecatedInput = true;
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === "--") {
      opts.positional.push(...argv.slice(i + 1));
      break;
    }
    if (a.startsWith("--")) {
      const eq = a.indexOf("=");
      const name = eq >= 0 ? a.slice(2, eq) : a.slice(2);
      const f = FLAGS.find((x) => x.long === name);
      if (!f) return { ok: false, error: `unknown flag: --${name}` };
      if (eq >= 0) set(f, a.slice(eq + 1));
      else if (f.kind === "bool") set(f, true);
      else if (f.noOptDefault !== undefined) set(f, f.noOptDefault);
      else if (i + 1 < argv.length) set(f, argv[++i]!);
      else return { ok: false, error: `flag needs an argument: --${name}` };
    } else if (a.startsWith("-") && a.length > 1) {
      for (let k = 1; k < a.length; k++) {
        const c = a[k]!;
        const f = FLAGS.find((x) => x.short === c);
        if (!f) return { ok: false, error: `unknown shorthand flag: '${c}' in ${a}` };
        if (f.kind === "bool") set(f, true);
        else {
          const rest = a.slice(k + 1);
          if (rest !== "") set(f, rest.startsWith("=") ? rest.slice(1) : rest);
          else if (i + 1 < argv.length) set(f, argv[++i]!);
          else return { ok: false, error: `flag needs an argument: '${c}' in -${c}` };
          break;
        }
      }
    } else opts.positional.push(a);
  }
  return { ok: true, opts };
}

/** pflag-style usage text. */
export function usage(argv0: string): string {
  const rows = FLAGS.filter((f) => !f.hidden).map((f) => {
    const name =
      (f.short ? `  -${f.short}, --${f.long}` : `      --${f.long}`) +
      (f.kind === "string" ? (f.noOptDefault ? ` string[="${f.noOptDefault}"]` : " string") : "");
    const def = f.default !== undefined ? ` (default "${f.default}")` : "";
    return [name, f.usage + def] as const;
  });
  const width = Math.max(...rows.map(([n]) => n.length));
  return `Usage: ${argv0} [options] [input-file]\nOptions:\n` + rows.map(([n, u]) => `${n.padEnd(width)}   ${u}\n`).join("");
}
