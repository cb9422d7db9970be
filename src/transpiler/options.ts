/** What a transpile call takes and gives: the public shapes `index.ts` exports. */
import type { Diagnostic, FilesProvider, Path } from "./types.ts";
import type { Finding, LintOptions } from "./lint/finding.ts";
import type { UserDataSize } from "./lint/size-meter.ts";

export interface TranspileOptions {
  /** Any report entry (warnings included) fails the run, like `butane --strict`. */
  strict?: boolean;
  /** openshift: emit plain Ignition JSON instead of a MachineConfig, like `butane --raw`. */
  raw?: boolean;
  /** Indented JSON, like `butane --pretty`. */
  pretty?: boolean;
  /** The files directory for `local`, `contents_local`, `ssh_authorized_keys_local` and `trees`. */
  files?: FilesProvider;
  /**
   * Remember encodings and parses of this config's parts for the next call (the studio, which
   * transpiles on every keystroke). A one-off run (the CLI) is faster without. Output is the same.
   */
  memoize?: boolean;
  /** Also run Kindling's own checks (`findings`); never changes `output`, `diagnostics` or `failure`. */
  lint?: boolean | LintOptions;
  /**
   * Also list, for each node of the Ignition config, the Butane YAML node it came from
   * (`TranspileResult.origins`); for an openshift MachineConfig, the paths are those of the
   * Ignition config inside it (`spec.config`). Never changes the output.
   */
  origins?: boolean;
}

/** Where one node of the output Ignition config came from in the Butane source. */
export interface OutputOrigin {
  /** Path in the Ignition config, e.g. `["storage", "files", 0, "contents", "source"]`. */
  output: Path;
  /** Butane YAML path it was translated from. */
  source: Path;
  /** 1-based line/column of the deepest YAML node reachable along `source`. */
  line?: number;
  column?: number;
}

export interface TranspileResult {
  /** Exactly what `butane` writes to stdout (with its final newline), or null when it writes nothing. */
  output: string | null;
  /** The parsed output (Ignition config, or the MachineConfig object for openshift), or null. */
  config: unknown;
  /** `json` for Ignition, `yaml` for an openshift MachineConfig. */
  outputFormat: "json" | "yaml";
  /** Report entries in upstream's order, with line/column where upstream has them. */
  diagnostics: Diagnostic[];
  /**
   * The final stderr line when the run fails, e.g. `Error translating config: source config is invalid`
   * or `Config produced warnings and --strict was specified`; absent on success.
   */
  failure?: string;
  /** Detected variant and version (when they could be read), and the Ignition version emitted. */
  variant?: string;
  version?: string;
  ignitionVersion?: string;
  /** Kindling's own findings, when `lint` was asked for; kept apart from upstream's diagnostics. */
  findings?: Finding[];
  /** The output measured as the lint's `platform` counts user data (with `lint: { platform }`). */
  userDataSize?: UserDataSize;
  /** With `origins`: the Butane origin of each output node that has one (outer nodes first). */
  origins?: OutputOrigin[];
}
